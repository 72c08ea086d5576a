import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'preact';
import { insert, insertMany } from '../../../lib/db';
import { t } from '../../../lib/i18n';
import { Record360 } from '../../../components/Record360';

async function contactWithTask() {
  const account = await insert('accounts', { name: 'Acme', domains: ['acme.fr'] });
  const [ana] = await insertMany('contacts', [
    { firstName: 'Ana', lastName: 'Lima', emails: ['ana@acme.fr'], accountId: account.id },
    { firstName: 'Bob', lastName: 'Roy', emails: ['bob@acme.fr'], accountId: account.id },
  ]);
  await insertMany(
    'interactions',
    Array.from({ length: 50 }, (_, i) => ({
      accountId: account.id,
      contactIds: [ana!.id],
      channel: 'email' as const,
      occurredAt: new Date(Date.parse('2026-01-01T10:00:00Z') + i * 3_600_000).toISOString(),
      subject: `#${i}`,
    })),
  );
  await insert('tasks', { title: 'Call Ana back', contactId: ana!.id, accountId: account.id, dueAt: '2026-05-01T09:00:00Z' });
  return ana!;
}

/** Every state the DOM went through, as the text checks the test cares about. */
function watch(host: HTMLElement) {
  const states: { rows: number; pending: boolean; task: boolean; noTask: boolean; colleague: boolean }[] = [];
  const snap = () =>
    states.push({
      rows: host.querySelectorAll('[data-testid="timeline-item"]').length,
      pending: !!host.querySelector('[data-testid="record-sections-pending"]'),
      task: (host.textContent ?? '').includes('Call Ana back'),
      noTask: (host.textContent ?? '').includes(t('task.none')),
      colleague: (host.textContent ?? '').includes('Bob Roy'),
    });
  const mo = new MutationObserver(snap);
  mo.observe(host, { childList: true, subtree: true, characterData: true });
  return { states, stop: () => mo.disconnect() };
}

async function until(check: () => boolean, ms = 5000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Record360 rendering', () => {
  const host = document.createElement('div');
  afterEach(() => render(null, host));

  it('paints the header and first timeline rows first, then the sections, never an empty state before their data', async () => {
    const ana = await contactWithTask();
    document.body.append(host);
    const w = watch(host);
    render(<Record360 refd={{ kind: 'contact', id: ana.id }} />, host);
    await until(() => (host.textContent ?? '').includes('Call Ana back') && (host.textContent ?? '').includes('Bob Roy'));
    await new Promise((r) => setTimeout(r, 50));
    w.stop();
    const firstWithRows = w.states.find((s) => s.rows > 0)!;
    // The first frame with timeline rows holds the placeholder, not the sections.
    expect(firstWithRows.pending).toBe(true);
    expect(firstWithRows.task).toBe(false);
    expect(host.querySelector('h2')!.textContent).toBe('Ana Lima');
    // The sections came after, and "no open task" was never shown for a contact who has one.
    expect(w.states.some((s) => s.noTask)).toBe(false);
    const last = w.states.at(-1)!;
    expect(last).toMatchObject({ pending: false, task: true, colleague: true });
    expect(last.rows).toBeGreaterThan(0);
  });

  it('a later write updates the sections without bringing the placeholder back', async () => {
    const ana = await contactWithTask();
    document.body.append(host);
    render(<Record360 refd={{ kind: 'contact', id: ana.id }} />, host);
    await until(() => (host.textContent ?? '').includes('Call Ana back'));
    const w = watch(host);
    await insert('tasks', { title: 'Send the quote', contactId: ana.id, dueAt: '2026-06-01T09:00:00Z' });
    await until(() => (host.textContent ?? '').includes('Send the quote'));
    w.stop();
    expect(w.states.some((s) => s.pending)).toBe(false);
  });
});
