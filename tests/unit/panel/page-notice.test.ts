import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest';
import fc from 'fast-check';
import { pageNotice, UNREADABLE_AFTER_MS } from '@/lib/panel/view/page-notice';
import { PageContext, PageSite } from '@/lib/schema/page-context';
import { followPagePending, pageNoticeNow } from '@/lib/panel/page-pending';
import { activeTabId, tabState } from '@/lib/panel/active-tab';
import { notYet, none, bound } from '@/lib/sites/dom';

const about = { version: '1.2.3', userAgent: 'TestBrowser/1' };
const at = new Date('2026-12-04T10:00:00Z');

describe('pageNotice', () => {
  it('says nothing of a recognised page or of one Carnet does not read', () => {
    const thread = PageContext.parse({ site: 'gmail', kind: 'thread', url: 'https://mail.google.com/mail/u/0/#inbox/abc' });
    expect(pageNotice(thread, 60_000, about, at)).toBeNull();
    const list = PageContext.parse(none('gmail', 'https://mail.google.com/mail/u/0/#inbox', 'list view: no thread or compose open'));
    expect(pageNotice(list, 60_000, about, at)).toBeNull();
  });

  it('reads first, then says the page cannot be read, with a report that names the reason and not the page', () => {
    const url = 'https://www.linkedin.com/in/jeanne-client-42/';
    const ctx = PageContext.parse(bound(notYet('linkedin', url, 'profile not rendered yet')));
    expect(ctx.pending).toBe(true);
    expect(pageNotice(ctx, UNREADABLE_AFTER_MS - 1, about, at)).toEqual({ kind: 'reading', site: 'LinkedIn' });
    const n = pageNotice(ctx, UNREADABLE_AFTER_MS, about, at);
    expect(n?.kind).toBe('unreadable');
    if (n?.kind !== 'unreadable') throw new Error('unreachable');
    expect(n.report).toContain('Carnet 1.2.3 could not read a LinkedIn page.');
    expect(n.report).toContain('profile not rendered yet');
    expect(n.report).toContain('TestBrowser/1');
    expect(n.report).not.toContain('jeanne');
  });

  it('for any pending page and any wait, reads before the threshold, is unreadable after it, and never reports the URL', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PageSite.options),
        fc.webUrl(),
        fc.string({ maxLength: 80 }),
        fc.double({ min: -1e6, max: 1e9, noNaN: true }),
        (site, url, reason, wait) => {
          const ctx = PageContext.parse(bound(notYet(site, url, reason)));
          const n = pageNotice(ctx, wait, about, at);
          expect(n?.kind).toBe(wait >= UNREADABLE_AFTER_MS ? 'unreadable' : 'reading');
          if (n?.kind === 'unreadable' && url.length > 30) expect(n.report).not.toContain(url);
        },
      ),
    );
  });
});

describe('followPagePending', () => {
  let stop: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    activeTabId.value = 7;
    tabState.value = null;
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const pending = (url: string) => ({
    context: PageContext.parse(bound(notYet('zendesk', url, 'ticket not rendered yet'))),
    match: { primary: null, others: [], suggestions: [] } as never,
    at: Date.now(),
  });

  it('turns "reading" into "cannot read" once the same page has been pending for the threshold, and starts over on another page', () => {
    stop = followPagePending(about);
    tabState.value = pending('https://acme.zendesk.com/agent/tickets/1');
    expect(pageNoticeNow.value?.kind).toBe('reading');
    vi.advanceTimersByTime(UNREADABLE_AFTER_MS / 2);
    // the content script re-sends the same state on DOM changes: the wait does not restart
    tabState.value = pending('https://acme.zendesk.com/agent/tickets/1');
    vi.advanceTimersByTime(UNREADABLE_AFTER_MS / 2 + 100);
    expect(pageNoticeNow.value?.kind).toBe('unreadable');
    tabState.value = pending('https://acme.zendesk.com/agent/tickets/2');
    expect(pageNoticeNow.value?.kind).toBe('reading');
    tabState.value = {
      ...pending('https://acme.zendesk.com/agent/tickets/2'),
      context: PageContext.parse({ site: 'zendesk', kind: 'ticket', url: 'https://acme.zendesk.com/agent/tickets/2' }),
    };
    expect(pageNoticeNow.value).toBeNull();
  });
});
