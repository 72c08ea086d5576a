// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { runSite, type ContentBrowser, type MessageSender, type OnMessage, type SiteScript } from '../../../lib/content/runtime';
import { defineExtra } from '../../../lib/content/extra';
import { answerOwnPages, fromOwnPages } from '../../../lib/content/messages';
import { applyBadges, knownSenderBadges } from '../../../lib/content/known-senders';
import { gmail } from '../../../lib/sites/gmail';
import { GMAIL } from '../../../lib/sites/gmail/selectors';
import { fixturesDir } from '../../../lib/sites/fixtures';
import { SITE_MATCHES } from '../../../lib/sites/matches';
import type { PageContextInput } from '../../../lib/schema/page-context';
import { fakeCtx } from './fake-ctx';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const click = (win: Window) => new (win as unknown as typeof globalThis).Event('click');

function fakeBrowserApi(settings: Record<string, unknown> = {}) {
  const listeners = new Set<OnMessage>();
  const browser: ContentBrowser = {
    runtime: {
      id: 'carnet-id',
      getURL: () => 'chrome-extension://carnet-id/',
      onMessage: { addListener: (cb) => void listeners.add(cb), removeListener: (cb) => void listeners.delete(cb) },
    },
    storage: { local: { get: async (key) => (key in settings ? { [key]: settings[key] } : {}) } },
    i18n: { getMessage: () => 'Known to Carnet' },
  };
  /** Delivers a message as the browser would: to each listener until one answers. */
  const deliver = (message: unknown, sender: MessageSender) => {
    for (const l of listeners) {
      const r = l(message, sender);
      if (r !== undefined) return r;
    }
    return undefined;
  };
  return { browser, listeners, deliver };
}

const PANEL: MessageSender = { id: 'carnet-id', url: 'chrome-extension://carnet-id/sidepanel.html' };

/** A toy site: the text of #subject, or none. */
const toy: SiteScript = {
  site: 'gmail',
  matches: ['https://mail.google.com/*'],
  recognize: (url, doc) => {
    const s = doc.getElementById('subject')?.textContent;
    return s ? { site: 'gmail', kind: 'thread', url, subject: s } : { site: 'gmail', kind: 'none', url, reason: 'none' };
  },
};

function page(body = '<h2 id="subject">Hello</h2>') {
  return new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd' })
    .window as unknown as Window;
}

describe('the site runtime', () => {
  it('recognizes at start, sends the context, and gives every extra each recognition and the reply', async () => {
    const win = page();
    const sent: PageContextInput[] = [];
    const seen: string[] = [];
    const extra = defineExtra('probe', () => ({
      recognized: (p) => void seen.push(`recognized ${p.kind}`),
      delivered: (reply, p) => void seen.push(`delivered ${JSON.stringify(reply)} ${p.subject}`),
    }));
    const run = runSite(fakeCtx(), { ...toy, extras: [extra] }, { browser: fakeBrowserApi().browser, win, send: async (p) => (sent.push(p), { known: [] }) });
    await wait(0);
    expect(sent).toHaveLength(1);
    expect(seen).toEqual(['recognized thread', 'delivered {"known":[]} Hello']);
    // Unchanged page: not sent again, but the extras still see the recognition (the page may have re-rendered).
    run.runNow();
    await wait(0);
    expect(sent).toHaveLength(1);
    expect(seen.at(-1)).toBe('recognized thread');
  });

  it('an extra that throws, anywhere, is reported once per phase and stops neither sending nor the other extras', async () => {
    const win = page();
    const report = vi.fn();
    const sent: PageContextInput[] = [];
    const good: string[] = [];
    const broken = [
      defineExtra('throws at start', () => {
        throw new Error('start');
      }),
      defineExtra('throws when recognized', () => ({
        recognized: () => {
          throw new Error('recognized');
        },
      })),
      defineExtra('rejects when delivered', () => ({ delivered: async () => Promise.reject(new Error('delivered')) })),
      defineExtra('throws in a listener', (env) => {
        env.listen(env.doc, 'click', () => {
          throw new Error('listener');
        });
      }),
    ];
    const fine = defineExtra('fine', () => ({ recognized: () => void good.push('r'), delivered: () => void good.push('d') }));
    const run = runSite(
      fakeCtx(),
      { ...toy, extras: [...broken, fine] },
      { browser: fakeBrowserApi().browser, win, report, send: async (p) => void sent.push(p) },
    );
    win.document.dispatchEvent(click(win));
    await wait(0);
    run.runNow();
    expect(sent).toHaveLength(1);
    expect(good).toEqual(['r', 'd', 'r']);
    const calls = report.mock.calls.map(([name, phase, e]) => `${name}|${phase}|${(e as Error).message}`);
    expect(calls.sort()).toEqual(
      [
        'throws at start|start|start',
        'throws when recognized|recognized|recognized',
        'throws when recognized|recognized|recognized',
        'rejects when delivered|delivered|delivered',
        'throws in a listener|click|listener',
      ].sort(),
    );
  });

  it('by default, reports to the console once per extra and phase (a hook failing on every DOM change)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const win = page();
    const run = runSite(
      fakeCtx(),
      {
        ...toy,
        extras: [
          defineExtra('noisy', () => ({
            recognized: () => {
              throw new Error('again');
            },
          })),
        ],
      },
      { browser: fakeBrowserApi().browser, win, send: async () => {} },
    );
    for (let i = 0; i < 5; i++) run.runNow();
    expect(warn.mock.calls).toEqual([['Carnet: noisy recognized failed:', 'again']]);
    warn.mockRestore();
  });

  it('whatever the extras throw and in any order, every distinct context is sent exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('start', 'recognized', 'delivered', 'none'), { maxLength: 5 }),
        fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        async (failures, subjects) => {
          const win = page('<h2 id="subject"></h2>');
          const boom = () => {
            throw new Error('boom');
          };
          const extras = failures.map((at, i) =>
            defineExtra(`x${i}`, () => {
              if (at === 'start') boom();
              return at === 'recognized' ? { recognized: boom } : at === 'delivered' ? { delivered: boom } : {};
            }),
          );
          const sent: (string | null | undefined)[] = [];
          const run = runSite(
            fakeCtx(),
            { ...toy, extras },
            { browser: fakeBrowserApi().browser, win, report: () => {}, send: async (p) => void sent.push(p.subject) },
          );
          for (const s of subjects) {
            win.document.getElementById('subject')!.textContent = s;
            run.runNow();
            await wait(0);
          }
          const distinct = subjects.filter((s, i) => i === 0 || s !== subjects[i - 1]);
          expect(sent).toEqual([undefined, ...distinct]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('re-recognizes after SPA navigation and settled DOM changes, and does nothing once the context is invalidated', async () => {
    const win = page();
    const ctx = fakeCtx();
    const sent: PageContextInput[] = [];
    const recognized = vi.fn();
    const run = runSite(
      ctx,
      { ...toy, extras: [defineExtra('probe', () => ({ recognized }))] },
      {
        browser: fakeBrowserApi().browser,
        win,
        send: async (p) => void sent.push(p),
        observe: { debounceMs: 5 },
      },
    );
    await wait(0);
    expect(sent.map((p) => p.subject)).toEqual(['Hello']);
    // The thread changes in place (Gmail re-renders): recognized again once the mutations settle.
    win.document.getElementById('subject')!.textContent = 'Second thread';
    await wait(30);
    expect(sent.map((p) => p.subject)).toEqual(['Hello', 'Second thread']);
    // SPA navigation: WXT's location-change event (and hashchange) trigger a recognition of the new URL.
    win.history.pushState({}, '', '/mail/u/0/#inbox/OtherThreadId');
    win.dispatchEvent(new (win as unknown as typeof globalThis).Event('wxt:locationchange'));
    await wait(30);
    expect(sent.at(-1)?.url).toBe('https://mail.google.com/mail/u/0/#inbox/OtherThreadId');
    const calls = recognized.mock.calls.length;
    // The extension is updated or reloaded: the old content script must go quiet.
    ctx.invalidate();
    win.document.getElementById('subject')!.textContent = 'After invalidation';
    win.dispatchEvent(new (win as unknown as typeof globalThis).Event('wxt:locationchange'));
    await wait(30);
    expect(sent).toHaveLength(3);
    expect(recognized).toHaveBeenCalledTimes(calls);
    expect(run.isObserving()).toBe(false);
  });

  it("an extra's listeners go with the content script", async () => {
    const win = page();
    const ctx = fakeCtx();
    const clicks = vi.fn();
    const torn = vi.fn();
    runSite(
      ctx,
      { ...toy, extras: [defineExtra('clicks', (env) => (env.listen(env.doc, 'click', clicks), env.onInvalidated(torn)))] },
      { browser: fakeBrowserApi().browser, win, send: async () => {} },
    );
    win.document.dispatchEvent(click(win));
    ctx.invalidate();
    win.document.dispatchEvent(click(win));
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(torn).toHaveBeenCalledTimes(1);
  });
});

describe('messages to an extra', () => {
  it('reach it only from this extension’s own pages, and stop with the content script', async () => {
    const win = page();
    const ctx = fakeCtx();
    const { browser, listeners, deliver } = fakeBrowserApi();
    const echo = defineExtra('echo', (env) =>
      answerOwnPages(env, (m) => ((m as { echo?: string }).echo ? Promise.resolve(`echo ${(m as { echo: string }).echo}`) : undefined)),
    );
    runSite(ctx, { ...toy, extras: [echo] }, { browser, win, send: async () => {} });
    expect(await deliver({ echo: 'hi' }, PANEL)).toBe('echo hi');
    expect(deliver({ other: 1 }, PANEL), 'not its message: left to other listeners').toBeUndefined();
    expect(deliver({ echo: 'hi' }, { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' })).toBeUndefined();
    expect(deliver({ echo: 'hi' }, { id: 'carnet-id', url: 'https://mail.google.com/', tab: { id: 3 } as MessageSender['tab'] })).toBeUndefined();
    expect(deliver({ echo: 'hi' }, { id: 'carnet-id', url: 'https://evil.example/chrome-extension://carnet-id/' })).toBeUndefined();
    expect(deliver({ echo: 'hi' }, { id: 'carnet-id' })).toBeUndefined();
    ctx.invalidate();
    expect(listeners.size).toBe(0);
  });

  it('a handler that throws or rejects is reported as its extra’s, and the sender sees the failure', async () => {
    const report = vi.fn();
    const { browser, deliver } = fakeBrowserApi();
    const bad = defineExtra('bad', (env) =>
      answerOwnPages(env, (m) => {
        if (m === 'throw') throw new Error('sync');
        return Promise.reject(new Error('async'));
      }),
    );
    runSite(fakeCtx(), { ...toy, extras: [bad] }, { browser, win: page(), report, send: async () => {} });
    expect(deliver('throw', PANEL)).toBeUndefined();
    await expect(deliver('reject', PANEL)).rejects.toThrow('async');
    expect(report.mock.calls.map(([n, p, e]) => `${n} ${p} ${(e as Error).message}`)).toEqual(['bad message sync', 'bad message async']);
  });

  it('fromOwnPages accepts exactly: this id, no tab, a URL of this extension', () => {
    const { runtime } = fakeBrowserApi().browser;
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom('carnet-id', 'other'), { nil: undefined }),
        fc.option(fc.constantFrom('chrome-extension://carnet-id/p.html', 'https://x.example/', 'chrome-extension://other/p.html'), { nil: undefined }),
        fc.boolean(),
        (id, url, tab) => {
          const sender: MessageSender = { id, url, ...(tab ? { tab: { id: 1 } as MessageSender['tab'] } : {}) };
          expect(fromOwnPages(sender, runtime)).toBe(id === 'carnet-id' && url === 'chrome-extension://carnet-id/p.html' && !tab);
        },
      ),
    );
    expect(fromOwnPages(undefined, runtime)).toBe(false);
  });
});

describe('known-sender badges (Gmail)', () => {
  const fixture = fs.readFileSync(path.join(fixturesDir('gmail'), '2026-11-26-thread-several-senders.html'), 'utf8');
  const url = 'https://mail.google.com/mail/u/0/#label/Clients/FMfcgzQXJWDsKyxsVzLzKFRjHNjfhxxd';
  const senders = (doc: Document) => Array.from(doc.querySelectorAll('span.gD[email]'), (e) => e.getAttribute('email')!.toLowerCase());

  async function start(settings: Record<string, unknown>, reply: unknown) {
    const win = new JSDOM(fixture, { url }).window as unknown as Window;
    const run = runSite(
      fakeCtx(),
      { ...gmail, extras: [knownSenderBadges(GMAIL.sender)] },
      { browser: fakeBrowserApi(settings).browser, win, send: async () => reply },
    );
    await wait(10);
    return { doc: win.document, run };
  }
  const badges = (doc: Document) => Array.from(doc.querySelectorAll('carnet-badge'), (b) => b.getAttribute('data-carnet-email'));

  it('marks each known sender once, follows the reply, and comes back after a re-render', async () => {
    const probe = new JSDOM(fixture, { url }).window.document;
    const known = senders(probe)[0]!;
    const { doc, run } = await start({}, { known: [known.toUpperCase()] });
    const expected = senders(doc).filter((e) => e === known);
    expect(expected.length).toBeGreaterThan(0);
    expect(badges(doc)).toEqual(expected);
    for (const b of Array.from(doc.querySelectorAll('carnet-badge'))) b.remove(); // Gmail re-renders the header
    run.runNow();
    expect(badges(doc)).toEqual(expected);
  });

  it('shows nothing when the in-page hint is off, or when the reply is not a list of addresses', async () => {
    const probe = new JSDOM(fixture, { url }).window.document;
    const known = senders(probe)[0]!;
    expect(badges((await start({ settings: { inPageHint: false } }, { known: [known] })).doc)).toEqual([]);
    // Settings the panel cannot read mean the default there (hint on): the page follows, not a half-read value.
    expect(badges((await start({ settings: { language: 'klingon', inPageHint: false } }, { known: [known] })).doc)).toEqual(
      senders(probe).filter((e) => e === known),
    );
    expect(badges((await start({}, { known: known })).doc)).toEqual([]);
    expect(badges((await start({}, undefined)).doc)).toEqual([]);
    expect(badges((await start({}, { known: [42, null, known] })).doc)).toEqual(senders(probe).filter((e) => e === known));
  });

  it('uses the first sender alternative that finds anything, and removes badges no longer true', () => {
    const doc = new JSDOM('<table><tr><td class="gF"><span email="old@x.fr">Old</span></td></tr></table>').window.document;
    applyBadges(doc, GMAIL.sender, ['old@x.fr'], 't');
    expect(badges(doc)).toEqual(['old@x.fr']);
    applyBadges(doc, GMAIL.sender, [], 't');
    expect(badges(doc)).toEqual([]);
  });
});

describe('entrypoints', () => {
  it('each site’s content script is its registration: its own match patterns, at document_idle, a few lines', async () => {
    for (const site of Object.keys(SITE_MATCHES) as (keyof typeof SITE_MATCHES)[]) {
      const file = path.resolve(import.meta.dirname, `../../../entrypoints/${site}.content.ts`);
      expect(fs.readFileSync(file, 'utf8').trim().split('\n').length, site).toBeLessThanOrEqual(10);
      const def = (await import(`../../../entrypoints/${site}.content.ts`)).default as { matches: string[]; runAt: string; main: unknown };
      expect(def.matches, site).toEqual([...SITE_MATCHES[site]]);
      expect(def.runAt).toBe('document_idle');
      expect(typeof def.main).toBe('function');
    }
  });
});
