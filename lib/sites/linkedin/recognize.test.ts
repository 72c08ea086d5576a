import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { recognize } from './recognize';

const url = 'https://www.linkedin.com/in/ana-silva/';
const page = (body: string) => new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url }).window.document;
const json = (o: unknown) => `<script type="application/json">${JSON.stringify(o)}</script>`;
const card = (inner: string, slug = 'ana-silva') =>
  `<main><section><a href="/in/${slug}/overlay/about-this-profile/"><h1>${slug === 'ana-silva' ? 'Ana Silva' : 'Someone Else'}</h1></a><div class="text-body-medium break-words">Engineer</div>${inner}</section></main>`;
const subject = (body: string) => recognize(url, page(body)).people?.[0];

describe('linkedin: never two people in one profile', () => {
  it('a stale top card with this profile’s embedded data: the data only, nothing from the card', () => {
    const data = json({
      profile: { entityUrn: 'urn:li:fsd_profile:AC1', publicIdentifier: 'ana-silva', firstName: 'Ana', lastName: 'Silva', headline: 'CTO' },
    });
    const p = subject(data + card('<a href="https://www.linkedin.com/company/old-co/"><img alt="Old Co"></a>', 'someone-else'));
    expect(p).toMatchObject({ name: 'Ana Silva', title: 'CTO', company: null });
  });

  it('positions of other people in the same block do not become this profile’s company', () => {
    const data = json({
      included: [
        { publicIdentifier: 'ana-silva', firstName: 'Ana', lastName: 'Silva' },
        { publicIdentifier: 'bob-jones', firstName: 'Bob', lastName: 'Jones' },
        { companyName: 'Bob Corp', dateRange: { start: { year: 2020 }, end: null } },
      ],
    });
    expect(subject(data + card(''))?.company).toBeNull();
  });

  it('a position tied to this profile by its URN counts, one tied to another profile does not', () => {
    const data = json({
      included: [
        { entityUrn: 'urn:li:fsd_profile:AC1', publicIdentifier: 'ana-silva', firstName: 'Ana', lastName: 'Silva' },
        { entityUrn: 'urn:li:fsd_profilePosition:(AC2,1)', companyName: 'Other Co', dateRange: { end: null } },
        { entityUrn: 'urn:li:fsd_profilePosition:(AC1,7)', companyName: 'Ana Co', dateRange: { end: null } },
      ],
    });
    expect(subject(data + card(''))?.company).toBe('Ana Co');
  });

  it('embedded data about the previous profile only is ignored; the rendered card is read', () => {
    const data = json({
      profile: { publicIdentifier: 'bob-jones', firstName: 'Bob', lastName: 'Jones', headline: 'CFO' },
      positions: [{ companyName: 'Bob Corp', dateRange: { end: null } }],
    });
    expect(subject(data + card(''))).toMatchObject({ name: 'Ana Silva', title: 'Engineer', company: null });
  });
});

describe('linkedin: the current company shown only as a button or a logo link', () => {
  it('a lone item with nothing to compare it with is not taken (it may be a school)', () => {
    expect(subject(card('<ul><li><button><img alt="Somewhere"></button></li></ul>'))?.company).toBeNull();
  });

  it('a lone item named in the experience section is the company', () => {
    const body = card('<ul><li><button><img alt="Acme Lda"></button></li></ul>') + '<section><div id="experience"></div>Engineer · Acme Lda</section>';
    expect(subject(body)?.company).toBe('Acme Lda');
  });

  it('an item named in the education section is a school; the other item is the company', () => {
    const body =
      card('<ul><li><a href="/search/results/all/?keywords=U"><img alt="Universidade do Porto"></a></li><li><a href="#x"><img alt="Acme Lda"></a></li></ul>') +
      '<section><div id="education"></div>Universidade do Porto</section>';
    expect(subject(body)?.company).toBe('Acme Lda');
  });

  it('the profile photo (alt = the person’s name) is not a company', () => {
    const body = card('<button><img alt="Ana Silva"></button><ul><li><button><img alt="Acme Lda"></button></li><li><button><img alt="Uni"></button></li></ul>');
    expect(subject(body)?.company).toBe('Acme Lda');
  });
});

describe('linkedin: identifiers are whole or absent', () => {
  it('a conversation id too long for the schema is dropped, never cut into another conversation’s id', () => {
    const header = '<div class="msg-title-bar"><a class="msg-thread__link-to-profile" href="/in/ana-silva/" title="Ana Silva">Ana Silva</a></div>';
    const ok = `https://www.linkedin.com/messaging/thread/2-${'a'.repeat(900)}/`;
    const long = `https://www.linkedin.com/messaging/thread/2-${'a'.repeat(1200)}/`;
    expect(recognize(ok, new JSDOM(header, { url: ok }).window.document)).toMatchObject({ kind: 'messaging', ref: `2-${'a'.repeat(900)}` });
    const ctx = recognize(long, new JSDOM(header, { url: long }).window.document);
    expect(ctx).toMatchObject({ kind: 'messaging', ref: null });
    expect(ctx.people?.[0]).toMatchObject({ name: 'Ana Silva', linkedinUrl: 'https://www.linkedin.com/in/ana-silva' });
  });
});
