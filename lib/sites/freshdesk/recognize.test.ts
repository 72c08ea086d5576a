import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { recognize as freshdesk } from './recognize';

const doc = (body: string, url: string) => new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url }).window.document;

describe('freshdesk: the requester’s e-mail in the current ticket view', () => {
  const url = 'https://acme.freshdesk.com/a/tickets/42';
  const card = (content: string) =>
    `<h2 class="ticket-subject-heading">Help</h2><div class="info-details-widget"><div class="widget-requestor-info">Ana Lima</div>${content}</div>`;

  it('reads the address from the contact card in any form: text row, mailto, tooltip, free text', () => {
    const forms = [
      '<div data-test-id="requester-info-contact-email"><span>Correo</span><div class="info-details-content">ana@lima.example</div></div>',
      '<div data-test-id="contact-email"><b>E-mail</b>ana@lima.example</div>',
      '<a href="mailto:Ana@Lima.example">write</a>',
      '<span title="ana@lima.example">✉</span>',
      '<p>ana@lima.example · +55 11 5555 0000</p>',
    ];
    for (const f of forms)
      expect(freshdesk(url, doc(card(f), url)).people, f).toEqual([expect.objectContaining({ name: 'Ana Lima', email: 'ana@lima.example' })]);
  });

  it('an address shown in the name’s place is the e-mail, not a name', () => {
    const page = doc(
      '<h2 class="ticket-subject-heading">Help</h2><div class="info-details-widget"><div class="widget-requestor-info">ana@lima.example</div></div>',
      url,
    );
    expect(freshdesk(url, page).people).toEqual([expect.objectContaining({ name: null, email: 'ana@lima.example' })]);
  });

  it('the agent’s own address elsewhere on the page is never the requester’s', () => {
    const page = doc(
      '<div title="agent@helpdesk.example"></div><h2 class="ticket-subject-heading">Help</h2><div class="info-details-widget"><div class="widget-requestor-info">Ana Lima</div></div><p>agent@helpdesk.example</p>',
      url,
    );
    expect(freshdesk(url, page).people).toEqual([expect.objectContaining({ name: 'Ana Lima', email: null })]);
  });

  it('a conversation left over from the previous ticket is not read', () => {
    const page = doc(
      '<h2 class="ticket-subject-heading">Old</h2><div class="requestor-wrap" data-album="ticket_41"><a data-test-id="user-name">Old Requester</a></div>',
      url,
    );
    expect(freshdesk(url, page)).toMatchObject({ kind: 'none', reason: 'ticket not rendered yet' });
    const mine = doc(
      '<h2 class="ticket-subject-heading">New</h2><div class="requestor-wrap" data-album="ticket_42"><a data-test-id="user-name">New Requester</a></div>',
      url,
    );
    expect(freshdesk(url, mine).people).toEqual([expect.objectContaining({ name: 'New Requester' })]);
  });
});
