/** LinkedIn addresses reduced to what identifies a person. Dependency-free: content scripts use it too. */
export type LinkedinRef = { kind: 'profile'; url: string; slug: string } | { kind: 'salesnav'; id: string };

export function parseLinkedinUrl(raw: string | null | undefined): LinkedinRef | null {
  let s = (raw ?? '').trim();
  if (!s) return null;
  if (!/^https?:\/\//i.test(s)) s = `https://${s.replace(/^\/+/, '')}`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if (!/(?:^|\.)linkedin\.com$/i.test(u.hostname)) return null;
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts[0] === 'sales' && (parts[1] === 'lead' || parts[1] === 'people') && parts[2]) {
    const id = parts[2].split(',')[0];
    return id ? { kind: 'salesnav', id } : null;
  }
  if (parts[0] !== 'in' || !parts[1]) return null;
  let slug = parts[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    /* keep raw */
  }
  // Vanity slugs are case-insensitive; member ids (ACoAA…, in messaging links) are not.
  if (!/^ACoAA/.test(slug)) slug = slug.toLowerCase();
  // Only the slug counts: locale sub-paths (`/fr/`), `/overlay/…`, `/details/…`, query and hash all go.
  return { kind: 'profile', slug, url: `https://www.linkedin.com/in/${encodeURIComponent(slug)}` };
}

/** `https://www.linkedin.com/in/<slug>` for any profile URL variant, else null. */
export function canonicalLinkedinUrl(raw: string | null | undefined): string | null {
  const ref = parseLinkedinUrl(raw);
  return ref?.kind === 'profile' ? ref.url : null;
}
