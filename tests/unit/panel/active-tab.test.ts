import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { pickFollowedTab } from '../../../lib/panel/active-tab';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

describe('pickFollowedTab (the panel opened as a page, without the "tabs" permission)', () => {
  it('follows the most recently seen tab, a page Carnet cannot read (no URL) included, never its own pages', () => {
    const tabs = [
      { id: 1, url: 'https://mail.google.com/mail/u/0/#inbox/x', lastAccessed: 100 },
      { id: 2, url: `${ORIGIN}sidepanel.html`, lastAccessed: 900 },
      { id: 3, url: `${ORIGIN}sidepanel.html?view=welcome`, lastAccessed: 800 },
      { id: 4, lastAccessed: 300 },
    ];
    // Tab 2 is this panel; 3 is the welcome; 4 is some other site (its URL hidden): it is what the user looks at.
    expect(pickFollowedTab(tabs, 2, ORIGIN, () => 0)?.id).toBe(4);
    // The panel saw the Gmail tab activated after that.
    expect(pickFollowedTab(tabs, 2, ORIGIN, (id) => (id === 1 ? 1000 : 0))?.id).toBe(1);
    expect(pickFollowedTab([tabs[1]!, tabs[2]!], 2, ORIGIN, () => 0)).toBeNull();
  });

  it('for any tabs: the pick is one of them, not this panel, not an extension page, and none is seen later', () => {
    const tab = fc.record({
      id: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      url: fc.option(fc.oneof(fc.webUrl(), fc.constant(`${ORIGIN}sidepanel.html`)), { nil: undefined }),
      lastAccessed: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(tab, { maxLength: 8 }), fc.integer({ min: 1, max: 20 }), (tabs, self) => {
        const picked = pickFollowedTab(tabs, self, ORIGIN, () => 0);
        const allowed = tabs.filter((t) => t.id != null && t.id !== self && !t.url?.startsWith(ORIGIN));
        if (!allowed.length) {
          expect(picked).toBeNull();
          return;
        }
        expect(allowed).toContain(picked);
        for (const t of allowed) expect(t.lastAccessed ?? 0).toBeLessThanOrEqual(picked!.lastAccessed ?? 0);
      }),
    );
  });
});
