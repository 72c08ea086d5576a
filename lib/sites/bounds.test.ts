import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { PageContext } from '../schema/page-context';
import { RECOGNIZERS } from '.';
import { bound, cap } from './dom';
import { ZENDESK } from './zendesk/selectors';
import { FRESHDESK } from './freshdesk/selectors';
import { LINKEDIN } from './linkedin/selectors';
import { GMAIL } from './gmail/selectors';
import { OUTLOOK } from './outlook/selectors';

const dom = (body: string, url: string) => new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url }).window.document;
const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('page-derived strings are capped: an odd page gives fewer fields, never nothing', () => {
  it('a 10 000-digit ticket id loses the ref, keeps the requester', () => {
    const id = '7'.repeat(10_000);
    const url = `https://acme.zendesk.com/agent/tickets/${id}`;
    const page = dom(
      `<div class="workspace" data-ticket-id="${id}"><input data-test-id="omni-header-subject" value="Hi"><div data-test-id="ticket-system-field-requester-select">Ann &lt;ann@a.example&gt;</div></div>`,
      url,
    );
    const ctx = RECOGNIZERS.zendesk(url, page);
    const parsed = PageContext.safeParse(ctx);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ kind: 'ticket', ref: null, people: [{ name: 'Ann', email: 'ann@a.example' }] });
    expect(parsed.data!.url.length).toBeLessThanOrEqual(4000);
  });

  it('a 10 000-character name is cut, a too-long address is dropped rather than cut into another one', () => {
    const url = 'https://acme.freshdesk.com/a/tickets/9';
    const longName = 'Ж'.repeat(10_000);
    const longMail = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`;
    const page = dom(
      `<h2 class="ticket-subject-heading">${'S'.repeat(5000)}</h2><div class="info-details-widget"><div class="widget-requestor-info">${longName}</div><a href="mailto:${longMail}">x</a></div>`,
      url,
    );
    const parsed = PageContext.safeParse(RECOGNIZERS.freshdesk(url, page));
    expect(parsed.success).toBe(true);
    expect(parsed.data!.subject).toHaveLength(1000);
    expect(parsed.data!.people[0]!.name).toHaveLength(300);
    expect(parsed.data!.people[0]!.email).toBeNull();
  });

  it('cutting never leaves half a surrogate pair', () => {
    expect(cap(`${'a'.repeat(299)}😀`, 300)).toBe('a'.repeat(299));
    const ctx = bound({
      site: 'gmail',
      kind: 'thread',
      url: `https://mail.google.com/${'😀'.repeat(3000)}`,
      people: [{ role: 'from', name: '😀'.repeat(400) }],
    });
    expect(hasLoneSurrogate(ctx.url)).toBe(false);
    expect(hasLoneSurrogate(ctx.people![0]!.name!)).toBe(false);
  });

  it('more than 200 people keeps the first 200', () => {
    const people = Array.from({ length: 500 }, (_, i) => ({ role: 'to' as const, email: `p${i}@x.example` }));
    expect(PageContext.safeParse(bound({ site: 'gmail', kind: 'thread', url: 'https://mail.google.com/', people })).success).toBe(true);
  });
});

// ---------- fuzz: every recognizer on odd pages ----------

const SELECTORS = [ZENDESK, FRESHDESK, LINKEDIN, GMAIL, OUTLOOK].flatMap((o) =>
  Object.values(o).flatMap((alts) => (Array.isArray(alts) ? alts.map(([css]) => css as string) : [])),
);
/** Attribute name/value pairs lifted from the recognizers' own selectors, so fuzzed pages hit real code paths. */
const ATTRS: [string, string][] = [];
for (const css of SELECTORS) {
  for (const m of css.matchAll(/\[([\w-]+)(?:[\^$*]?="([^"]*)")?\]/g)) ATTRS.push([m[1]!, m[2] ?? '']);
  for (const m of css.matchAll(/\.([\w-]+)/g)) ATTRS.push(['class', m[1]!]);
  for (const m of css.matchAll(/#([\w-]+)/g)) ATTRS.push(['id', m[1]!]);
}

const oddText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.emailAddress(),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '<script>', 'mailto:', 'ticket_1', '12', '{"publicIdentifier":"x","firstName":1}'),
  fc.integer({ min: 300, max: 12_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 20, max: 12_000 }).map((n) => '9'.repeat(n)),
);
const attrValue = fc.oneof(
  oddText,
  fc.constantFrom('mailto:a@b.example', '/in/jose-garcia-nunez/overlay/about-this-profile/', 'https://www.linkedin.com/company/acme/', 'display:none', 'true'),
);
const attr = fc.oneof(
  fc.constantFrom(...ATTRS).chain(([k, v]) => (v ? fc.constant([k, v] as [string, string]) : attrValue.map((x) => [k, x] as [string, string]))),
  fc.tuple(
    fc.constantFrom('href', 'title', 'aria-label', 'alt', 'value', 'hidden', 'style', 'data-ticket-id', 'data-entity-id', 'data-album', 'email', 'name'),
    attrValue,
  ),
);
const TAGS = ['div', 'span', 'a', 'input', 'h1', 'h2', 'button', 'code', 'script', 'section', 'main', 'aside', 'img', 'ul', 'li', 'option'] as const;
type Node = { tag: (typeof TAGS)[number]; attrs: [string, string][]; text: string; children: Node[] };
const nodeAt = (depth: number): fc.Arbitrary<Node> =>
  fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(attr, { maxLength: 4 }),
    text: oddText,
    children: depth === 0 ? fc.constant([]) : fc.array(nodeAt(depth - 1), { maxLength: 3 }),
  });
const node = nodeAt(3);

function build(doc: Document, parent: Element, n: Node): void {
  const el = doc.createElement(n.tag);
  for (const [k, v] of n.attrs) {
    try {
      el.setAttribute(k, v);
    } catch {
      /* invalid attribute name */
    }
  }
  if (n.tag === 'script') el.setAttribute('type', 'application/json');
  el.appendChild(doc.createTextNode(n.text));
  for (const c of n.children) build(doc, el, c);
  parent.appendChild(el);
}

/** Lone surrogates cannot be percent-encoded: such a URL goes to the recognizer raw, as a page could report it. */
const enc = (t: string) => {
  try {
    return encodeURIComponent(t);
  } catch {
    return t;
  }
};
const URLS: Record<keyof typeof RECOGNIZERS, fc.Arbitrary<string>> = {
  gmail: fc.oneof(
    fc.constant('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd'),
    oddText.map((t) => `https://mail.google.com/mail/u/0/#inbox/${enc(t)}`),
  ),
  outlook: oddText.map((t) => `https://outlook.office.com/mail/inbox/id/${enc(t)}`),
  linkedin: fc.oneof(
    fc.constant('https://www.linkedin.com/in/jose-garcia-nunez/'),
    oddText.map((t) => `https://www.linkedin.com/in/${enc(t)}/`),
    oddText.map((t) => `https://www.linkedin.com/messaging/thread/${enc(t)}/`),
  ),
  zendesk: fc.oneof(
    fc.constant('https://acme.zendesk.com/agent/tickets/12'),
    fc.integer({ min: 1, max: 12_000 }).map((n) => `https://acme.zendesk.com/agent/tickets/${'9'.repeat(n)}`),
  ),
  freshdesk: fc.oneof(
    fc.constant('https://acme.freshdesk.com/a/tickets/12'),
    fc.integer({ min: 1, max: 12_000 }).map((n) => `https://acme.freshdesk.com/a/tickets/${'1'.repeat(n)}`),
  ),
};

describe('fuzz: recognizers on odd DOM and strings never throw and always pass the schema', () => {
  const window = new JSDOM('<!DOCTYPE html><html><body></body></html>', { url: 'https://example.com/' }).window;
  for (const [site, recognize] of Object.entries(RECOGNIZERS)) {
    it(site, () => {
      fc.assert(
        fc.property(URLS[site as keyof typeof RECOGNIZERS], fc.array(node, { maxLength: 4 }), (url, nodes) => {
          const doc = window.document.implementation.createHTMLDocument('');
          for (const n of nodes) build(doc, doc.body, n);
          const ctx = recognize(url, doc);
          const parsed = PageContext.safeParse(ctx);
          if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues).slice(0, 500));
          expect(parsed.data.site).toBe(site);
        }),
        { numRuns: 100 },
      );
    });
  }
});
