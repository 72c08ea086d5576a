import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'preact';
import { insertMany } from '../../../lib/db';
import { PortfolioView } from '../../../components/PortfolioView';

const N = 2000;

async function until(check: () => boolean, ms = 10_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('PortfolioView', () => {
  const host = document.createElement('div');
  afterEach(() => render(null, host));

  it('renders only the rows in view of a large portfolio, tells its size, and moves by arrow keys and End', async () => {
    // Zero-padded, so name order is index order: "Compte 0000" … "Compte 1999".
    await insertMany(
      'accounts',
      Array.from({ length: N }, (_, i) => ({ name: `Compte ${String(i).padStart(4, '0')}` })),
    );
    document.body.append(host);
    render(<PortfolioView />, host);
    const items = () => [...host.querySelectorAll<HTMLElement>('[role="listitem"]')];
    await until(() => items().some((li) => li.textContent?.includes('Compte 0000')));
    expect(items().length).toBeLessThan(40);
    expect(items()[0]!.getAttribute('aria-setsize')).toBe(String(N));
    expect(items()[0]!.getAttribute('aria-posinset')).toBe('1');

    const focused = () => document.activeElement?.closest<HTMLElement>('[role="listitem"]');
    items()[0]!.querySelector('button')!.focus();
    items()[0]!
      .querySelector('button')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(focused()?.getAttribute('aria-posinset')).toBe('2');
    expect(focused()?.textContent).toContain('Compte 0001');

    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    // the last row's window is read, rendered and focused
    await until(() => focused()?.textContent?.includes('Compte 1999') ?? false);
    expect(focused()?.getAttribute('aria-posinset')).toBe(String(N));
    expect(items().length).toBeLessThan(40);
  });
});
