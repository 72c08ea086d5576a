import { describe, it, expect, vi } from 'vitest';
import { dispatch, type ReceiveEnv } from '../../lib/messaging/receive';
import { matchesPattern, matchesAny } from '../../lib/sites/match-pattern';
import { CONTENT_MATCHES } from '../../lib/sites/matches';

const env: ReceiveEnv = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  isSupportedPage: (url) => matchesAny(CONTENT_MATCHES, url),
};
const fromGmail = { id: 'ext', url: 'https://mail.google.com/mail/u/0/#inbox/abc', tab: { id: 7 } } as never;
const fromPanel = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' } as never;
const ctx = { site: 'gmail', kind: 'thread', url: 'https://mail.google.com/mail/u/0/#inbox/abc', people: [{ role: 'from', email: 'a@b.fr' }] };

describe('dispatch', () => {
  it('passes a valid payload from a supported page to its handler, parsed with defaults', async () => {
    const pageContext = vi.fn(async () => ({ ok: true as const, known: [] }));
    const reply = await dispatch({ carnet: 1, name: 'pageContext', payload: ctx }, fromGmail, { pageContext }, env);
    expect(reply).toEqual({ ok: true, known: [] });
    const [parsed] = pageContext.mock.calls[0] as unknown as [{ people: { name: null }[]; ref: null }];
    expect(parsed.ref).toBeNull();
    expect(parsed.people[0]!.name).toBeNull();
  });

  it('rejects a content message from another extension, a non-supported page, or without a tab', async () => {
    const pageContext = vi.fn();
    const msg = { carnet: 1, name: 'pageContext', payload: ctx };
    expect(await dispatch(msg, { ...(fromGmail as object), id: 'evil' } as never, { pageContext }, env)).toEqual({ error: 'message from another extension' });
    expect(await dispatch(msg, { id: 'ext', url: 'https://evil.example/', tab: { id: 1 } } as never, { pageContext }, env)).toHaveProperty('error');
    expect(await dispatch(msg, fromPanel, { pageContext }, env)).toEqual({ error: 'content message without a tab' });
    expect(pageContext).not.toHaveBeenCalled();
  });

  it('rejects an extension-only message sent by a content script', async () => {
    const rematchTab = vi.fn();
    expect(await dispatch({ carnet: 1, name: 'rematchTab', payload: { tabId: 1 } }, fromGmail, { rematchTab }, env)).toEqual({
      error: 'extension message from a web page',
    });
    expect(rematchTab).not.toHaveBeenCalled();
  });

  it('names the bad field of a malformed payload and ignores foreign messages', async () => {
    const pageContext = vi.fn();
    const bad = await dispatch({ carnet: 1, name: 'pageContext', payload: { ...ctx, kind: 'inbox' } }, fromGmail, { pageContext }, env);
    expect((bad as { error: string }).error).toMatch(/kind/);
    expect(await dispatch({ hello: 1 }, fromGmail, { pageContext }, env)).toBeUndefined();
    expect(await dispatch({ carnet: 1, name: 'nope', payload: {} }, fromGmail, {}, env)).toEqual({ error: 'unknown message nope' });
    expect(pageContext).not.toHaveBeenCalled();
  });
});

describe('match patterns', () => {
  it('matches the supported sites and nothing else', () => {
    expect(matchesPattern('https://*.zendesk.com/*', 'https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', 'https://zendesk.com.evil.io/')).toBe(false);
    expect(matchesPattern('https://mail.google.com/*', 'http://mail.google.com/')).toBe(false);
    expect(matchesAny(CONTENT_MATCHES, 'https://www.linkedin.com/in/x/')).toBe(true);
    expect(matchesAny(CONTENT_MATCHES, 'https://example.com/')).toBe(false);
    expect(matchesAny(CONTENT_MATCHES, 'not a url')).toBe(false);
  });
});
