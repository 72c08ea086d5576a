// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { gmailCompose } from '../../../lib/content/compose/gmail';
import { outlookCompose } from '../../../lib/content/compose/outlook';
import { listenForCompose, writeIntoCompose, type RuntimeLike } from '../../../lib/content/compose/listen';
import { insertEnvelope, readInsertRequest, senderIsExtension, MAX_COMPOSE_BODY } from '../../../lib/messaging/compose-protocol';
import { ComposeInsertReply } from '../../../lib/messaging/schemas';
import type { ObserverContext } from '../../../lib/content/observe';

const SITES = path.resolve(__dirname, '../../../lib/sites');
/** `gmail/2026-…` → lib/sites/gmail/fixtures/2026-….html: each site keeps its fixtures in its own folder. */
function load(name: string, url: string): Document {
  const [site, file] = name.split('/') as [string, string];
  return new JSDOM(fs.readFileSync(path.join(SITES, site, 'fixtures', `${file}.html`), 'utf8'), { url }).window.document;
}
const GMAIL_NEW = () => load('gmail/2026-12-03-compose-new-message', 'https://mail.google.com/mail/u/0/#inbox?compose=new');
const GMAIL_REPLY = () => load('gmail/2026-12-03-compose-inline-reply', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKmVbHnPqRtSwXyZaBcDeFgHj');
const OUTLOOK_NEW = () => load('outlook/2026-12-03-compose-new-message', 'https://outlook.office.com/mail/deeplink/compose');
const OUTLOOK_REPLY = () => load('outlook/2026-12-03-compose-reply', 'https://outlook.office.com/mail/inbox/id/AAQk');

/** Puts the cursor in the body's text at an offset, as a click would. */
function caretIn(doc: Document, textNode: Node, offset: number): Range {
  const r = doc.createRange();
  r.setStart(textNode, offset);
  r.collapse(true);
  const sel = doc.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(r);
  return r;
}
const textNodes = (el: Node): Text[] => {
  const out: Text[] = [];
  const w = el.ownerDocument!.createTreeWalker(el, 4);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
};
/** The body as lines: text nodes and <br>/block boundaries. */
function lines(el: Element): string {
  let s = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) s += n.textContent;
    else if (n.nodeName === 'BR') s += '\n';
    else {
      const block = n !== el && /^(DIV|P)$/.test(n.nodeName);
      if (block && s && !s.endsWith('\n')) s += '\n';
      n.childNodes.forEach(walk);
    }
  };
  walk(el);
  return s;
}

describe('compose drivers on dated fixtures', () => {
  it('Gmail new message: the dialog’s body and its empty subject', () => {
    const [w, ...rest] = gmailCompose.find(GMAIL_NEW());
    expect(rest).toHaveLength(0);
    expect(w!.kind).toBe('compose');
    expect(w!.body.getAttribute('aria-label')).toBe('Message Body');
    expect(w!.subject?.name).toBe('subjectbox');
  });
  it('Gmail inline reply: a reply (subject kept hidden)', () => {
    const [w] = gmailCompose.find(GMAIL_REPLY());
    expect(w!.kind).toBe('reply');
    expect(w!.subject).toBeNull();
    expect(w!.body.textContent).toContain('Bonjour Hélène');
  });
  it('Outlook new message: the body editor, not the To well, and the subject line', () => {
    const [w] = outlookCompose.find(OUTLOOK_NEW());
    expect(w!.kind).toBe('compose');
    expect(w!.body.id).toBe('editorParent_1');
    expect(w!.subject?.getAttribute('maxlength')).toBe('255');
  });
  it('Outlook inline reply: a reply without a subject line', () => {
    const [w] = outlookCompose.find(OUTLOOK_REPLY());
    expect(w!.kind).toBe('reply');
    expect(w!.body.id).toBe('editorParent_2');
  });
  it('pages without a compose: nothing found (reading pane, thread without reply, inbox)', () => {
    expect(outlookCompose.find(load('outlook/2026-11-26-reading-pane-en', 'https://outlook.office.com/mail/inbox/id/x'))).toEqual([]);
    expect(gmailCompose.find(load('gmail/2026-11-26-thread-several-senders', 'https://mail.google.com/mail/u/0/#inbox/x'))).toEqual([]);
    expect(gmailCompose.find(load('gmail/2026-11-26-list', 'https://mail.google.com/mail/u/0/#inbox'))).toEqual([]);
  });
  it('a minimised (hidden) compose is not a target', () => {
    const doc = GMAIL_NEW();
    doc.querySelector('[role="dialog"]')!.setAttribute('style', 'display: none');
    expect(gmailCompose.find(doc)).toEqual([]);
  });
});

describe('writing into the compose (text nodes and line breaks, never markup)', () => {
  it('Gmail inline reply: at the cursor, the hidden subject untouched', () => {
    const doc = GMAIL_REPLY();
    const body = gmailCompose.find(doc)[0]!.body;
    const saved = caretIn(doc, textNodes(body)[0]!, 'Bonjour Hélène,'.length);
    const r = writeIntoCompose(doc, gmailCompose, { subject: 'Ignored', body: '\nMerci pour votre message.\n<b>pas du HTML</b>' }, saved);
    expect(r).toEqual({ ok: true, site: 'gmail', kind: 'reply', atCursor: true, subjectSet: false });
    expect(lines(body)).toBe('Bonjour Hélène,\nMerci pour votre message.\n<b>pas du HTML</b>\n\n');
    expect(body.querySelector('b')).toBeNull();
    expect((doc.querySelector('input[name="subjectbox"]') as HTMLInputElement).value).toBe('Renouvellement 2027');
  });

  it('Gmail new message: sets the empty subject (with input and change events) and writes at the cursor', () => {
    const doc = GMAIL_NEW();
    const w = gmailCompose.find(doc)[0]!;
    const events: string[] = [];
    w.subject!.addEventListener('input', () => events.push('subject:input'));
    w.subject!.addEventListener('change', () => events.push('subject:change'));
    w.body.addEventListener('input', (e) => events.push(`body:${(e as InputEvent).inputType}`));
    const first = w.body.firstElementChild!; // the empty first line, above the signature
    const saved = doc.createRange();
    saved.setStart(first, 0);
    saved.collapse(true);
    const r = writeIntoCompose(doc, gmailCompose, { subject: 'Renouvellement de votre contrat', body: 'Bonjour Hélène,\n\nÀ bientôt' }, saved);
    expect(r).toMatchObject({ ok: true, kind: 'compose', atCursor: true, subjectSet: true });
    expect(w.subject!.value).toBe('Renouvellement de votre contrat');
    expect(events).toEqual(['subject:input', 'subject:change', 'body:insertText']);
    expect(lines(w.body).startsWith('Bonjour Hélène,\n\nÀ bientôt')).toBe(true);
    expect(lines(w.body)).toContain('-- \nAlex Morgan\nNorthwind Traders');
  });

  it('a subject already written is kept', () => {
    const doc = GMAIL_NEW();
    const w = gmailCompose.find(doc)[0]!;
    w.subject!.value = 'Mon objet';
    expect(writeIntoCompose(doc, gmailCompose, { subject: 'Autre', body: 'x' }, null)).toMatchObject({ subjectSet: false });
    expect(w.subject!.value).toBe('Mon objet');
  });

  it('no cursor in the body: at its start, and says so', () => {
    const doc = OUTLOOK_REPLY();
    const r = writeIntoCompose(doc, outlookCompose, { subject: '', body: 'Thanks,' }, null);
    expect(r).toMatchObject({ ok: true, site: 'outlook', kind: 'reply', atCursor: false });
    expect(lines(outlookCompose.find(doc)[0]!.body).startsWith('Thanks,\nHi Jonas,')).toBe(true);
  });

  it('Outlook new message: the subject line is filled, the To well untouched', () => {
    const doc = OUTLOOK_NEW();
    const w = outlookCompose.find(doc)[0]!;
    const to = doc.querySelector('[aria-label="To"]')!.textContent;
    const r = writeIntoCompose(doc, outlookCompose, { subject: 'Your renewal', body: 'Hello Jonas,' }, null);
    expect(r).toMatchObject({ ok: true, subjectSet: true, kind: 'compose' });
    expect(w.subject!.value).toBe('Your renewal');
    expect(doc.querySelector('[aria-label="To"]')!.textContent).toBe(to);
    expect(lines(w.body).startsWith('Hello Jonas,')).toBe(true);
  });

  it('no compose open: says so, changes nothing', () => {
    const doc = load('gmail/2026-11-26-list', 'https://mail.google.com/mail/u/0/#inbox');
    const before = doc.body.innerHTML;
    expect(writeIntoCompose(doc, gmailCompose, { subject: 's', body: 'b' }, null)).toEqual({ ok: false, reason: 'no_compose' });
    expect(doc.body.innerHTML).toBe(before);
  });

  it('property: any text lands verbatim as text (markup-looking text stays text)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }).map((s) => s.replace(/\r/g, '')),
        (text) => {
          const doc = OUTLOOK_REPLY();
          const body = outlookCompose.find(doc)[0]!.body;
          const elementsBefore = body.querySelectorAll('*').length;
          writeIntoCompose(doc, outlookCompose, { subject: '', body: text }, caretIn(doc, textNodes(body)[0]!, 0));
          expect(lines(body).startsWith(text)).toBe(true);
          const brs = (text.match(/\n/g) ?? []).length;
          expect(body.querySelectorAll('*').length).toBe(elementsBefore + brs);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the content-script listener', () => {
  function setup(doc: Document) {
    let listener: ((m: unknown, s: { id?: string; url?: string; tab?: unknown }) => Promise<unknown> | undefined) | null = null;
    const runtime: RuntimeLike = {
      id: 'ext-id',
      getURL: (p: string) => `chrome-extension://ext-id${p}`,
      onMessage: { addListener: (cb) => void (listener = cb), removeListener: vi.fn() },
    };
    const handlers: Record<string, () => void> = {};
    let invalidate: () => void = () => {};
    const ctx: ObserverContext = {
      isValid: true,
      addEventListener: (_t, type, h) => void (handlers[type] = h as () => void),
      onInvalidated: (cb) => ((invalidate = cb), () => {}),
    };
    listenForCompose(ctx, gmailCompose, runtime, doc);
    return { send: (m: unknown, s: object) => listener!(m, s), handlers, runtime, invalidate: () => invalidate() };
  }
  const panel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };

  it('writes at the cursor remembered before the panel took the focus', async () => {
    const doc = GMAIL_REPLY();
    const { send, handlers } = setup(doc);
    const body = gmailCompose.find(doc)[0]!.body;
    caretIn(doc, textNodes(body)[0]!, 'Bonjour'.length);
    handlers.selectionchange!();
    doc.getSelection()!.removeAllRanges(); // focus went to the side panel
    const reply = ComposeInsertReply.parse(await send(insertEnvelope({ subject: '', body: ' chère' }), panel));
    expect(reply).toMatchObject({ ok: true, atCursor: true });
    expect(body.textContent!.startsWith('Bonjour chère Hélène,')).toBe(true);
  });

  it('refuses other extensions, content scripts and web pages; ignores messages that are not its own', async () => {
    const doc = GMAIL_REPLY();
    const before = doc.body.innerHTML;
    const { send } = setup(doc);
    const msg = insertEnvelope({ subject: '', body: 'x' });
    for (const s of [
      { id: 'other', url: 'chrome-extension://other/x.html' },
      { ...panel, tab: { id: 3 } },
      { id: 'ext-id', url: 'https://evil.example/' },
      {},
    ]) {
      expect(await send(msg, s)).toEqual({ ok: false, reason: 'bad_sender' });
    }
    expect(send({ carnet: 1, name: 'pageContext', payload: {} }, panel)).toBeUndefined();
    expect(send('hello', panel)).toBeUndefined();
    expect(doc.body.innerHTML).toBe(before);
  });

  it('a malformed request is refused, whatever its shape (fuzz)', async () => {
    const doc = GMAIL_REPLY();
    const { send } = setup(doc);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ subject: fc.anything(), body: fc.anything() })), async (payload) => {
        const before = doc.body.innerHTML;
        const parsed = ComposeInsertReply.parse(await send({ carnet: 1, name: 'insertIntoCompose', payload }, panel));
        const wellFormed = readInsertRequest({ carnet: 1, name: 'insertIntoCompose', payload }) !== 'bad_request';
        expect(parsed.ok).toBe(wellFormed);
        if (!parsed.ok) {
          expect(parsed.reason).toBe('bad_request');
          expect(doc.body.innerHTML).toBe(before);
        }
      }),
    );
    expect(readInsertRequest({ carnet: 1, name: 'insertIntoCompose', payload: { subject: '', body: 'x'.repeat(MAX_COMPOSE_BODY + 1) } })).toBe('bad_request');
    expect(readInsertRequest({ carnet: 1, name: 'insertIntoCompose', payload: { subject: '', body: '' } })).toBe('bad_request');
  });

  it('stops listening when the extension reloads', () => {
    const { runtime, invalidate } = setup(GMAIL_REPLY());
    invalidate();
    expect(runtime.onMessage.removeListener).toHaveBeenCalled();
  });

  it('sender check', () => {
    expect(senderIsExtension(panel, 'ext-id', 'chrome-extension://ext-id/')).toBe(true);
    expect(senderIsExtension({ id: 'ext-id', url: 'chrome-extension://ext-id/background.js' }, 'ext-id', 'chrome-extension://ext-id/')).toBe(true);
    expect(senderIsExtension(undefined, 'ext-id', 'chrome-extension://ext-id/')).toBe(false);
  });
});
