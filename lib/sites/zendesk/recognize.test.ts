import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { recognize as zendesk } from './recognize';

const doc = (body: string, url: string) => new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url }).window.document;

const zdWorkspace = (id: string | null, name: string, email: string, extra = '') =>
  `<div class="workspace"${id ? ` data-ticket-id="${id}"` : ''}${extra}>
     <input data-test-id="omni-header-subject" value="Subject ${name}">
     <div data-test-id="ticket-system-field-requester-select"><span>${name}</span> <span>&lt;${email}&gt;</span></div>
   </div>`;
const zdTab = (id: string, selected: boolean) => `<div role="tab" data-entity-id="${id}" data-selected="${selected}"></div>`;

describe('zendesk: the requester of the ticket the URL names, never another open ticket', () => {
  const url = (id: string) => `https://acme.zendesk.com/agent/tickets/${id}`;

  it('finds the URL’s workspace by its id even when it is hidden and another one is visible', () => {
    const page = doc(zdWorkspace('11', 'Ann Visible', 'ann@a.example') + zdWorkspace('12', 'Bob Hidden', 'bob@b.example', ' style="display:none"'), url('12'));
    const ctx = zendesk(url('12'), page);
    expect(ctx).toMatchObject({ kind: 'ticket', ref: '12', people: [{ name: 'Bob Hidden', email: 'bob@b.example' }] });
  });

  it('the URL wins over a selected tab that has not caught up yet', () => {
    const page = doc(zdTab('11', true) + zdTab('12', false) + zdWorkspace('11', 'Ann', 'ann@a.example') + zdWorkspace('12', 'Bob', 'bob@b.example'), url('12'));
    expect(zendesk(url('12'), page)).toMatchObject({ ref: '12', people: [{ email: 'bob@b.example' }] });
  });

  it('an id carried by an inner element still delimits its own workspace', () => {
    const ws = (id: string, n: string, e: string) =>
      `<section class="pane"><span data-ticket-id="${id}"></span><input data-test-id="omni-header-subject" value="S"><div data-test-id="ticket-system-field-requester-select">${n} &lt;${e}&gt;</div></section>`;
    const page = doc(ws('11', 'Ann', 'ann@a.example') + ws('12', 'Bob', 'bob@b.example'), url('12'));
    expect(zendesk(url('12'), page)).toMatchObject({ ref: '12', people: [{ email: 'bob@b.example' }] });
  });

  it('nothing is recognised when no workspace has the URL’s id', () => {
    const page = doc(zdWorkspace('11', 'Ann', 'ann@a.example'), url('99'));
    const ctx = zendesk(url('99'), page);
    expect(ctx.kind).toBe('none');
    expect(ctx.people ?? []).toEqual([]);
  });

  it('workspaces without ids: one ticket open is read, several are not (no way to tell which is current)', () => {
    expect(zendesk(url('7'), doc(zdWorkspace(null, 'Ann', 'ann@a.example'), url('7')))).toMatchObject({ kind: 'ticket', ref: '7' });
    expect(zendesk(url('7'), doc(zdTab('7', true) + zdWorkspace(null, 'Ann', 'ann@a.example'), url('7'))).kind).toBe('ticket');
    expect(zendesk(url('7'), doc(zdTab('8', true) + zdWorkspace(null, 'Ann', 'ann@a.example'), url('7'))).kind).toBe('none');
    const two = doc(zdWorkspace(null, 'Ann', 'ann@a.example') + zdWorkspace(null, 'Bob', 'bob@b.example'), url('7'));
    expect(zendesk(url('7'), two)).toMatchObject({ kind: 'none', people: [] });
  });

  it('a context panel of another workspace is never read', () => {
    const page = doc(
      `<div class="workspace" data-ticket-id="12"><input data-test-id="omni-header-subject" value="S"><div data-test-id="ticket-system-field-requester-select">Bob</div></div>
       <aside><nav data-test-id="customer-context-tab-navigation"></nav><a data-test-id="customer-context-user-email" href="mailto:other@else.example">other@else.example</a></aside>`,
      url('12'),
    );
    expect(zendesk(url('12'), page).people).toEqual([expect.objectContaining({ name: 'Bob', email: null })]);
  });
});
