import type { PageContextInput, PagePerson } from '../schema/page-context';

/** Gmail: senders and recipients of the open thread (data-carrying `email` attributes). */
export function recognize(url: string, doc: Document): PageContextInput {
  const hash = new URL(url).hash;
  const thread = doc.querySelector('[data-thread-perm-id], [data-legacy-thread-id]');
  if (!thread || !/^#[^/]+\/.+/.test(hash)) return { site: 'gmail', kind: 'none', url, reason: 'no thread open' };
  const people: Partial<PagePerson>[] = [];
  for (const el of doc.querySelectorAll('[data-message-id] span[email]')) {
    const email = el.getAttribute('email')!.toLowerCase();
    if (people.some((p) => p.email === email)) continue;
    people.push({ role: el.classList.contains('gD') ? 'from' : 'to', email, name: el.getAttribute('name') });
  }
  return {
    site: 'gmail',
    kind: 'thread',
    url,
    ref: thread.getAttribute('data-thread-perm-id') ?? thread.getAttribute('data-legacy-thread-id'),
    subject: doc.querySelector('h2.hP')?.textContent ?? null,
    people: people as PagePerson[],
  };
}
