const alnum = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^a-zA-Z0-9]/g, '')
    .toLowerCase();

/** Whether a domain looks like the company's own: "Acme Inc" ~ acme.com, "Burlington Textiles" ~ burlington.com. */
function resembles(company: string, domain: string): boolean {
  const label = alnum(domain.split('.').slice(0, -1).join(''));
  const name = alnum(company);
  const firstWord = alnum(company.split(/\s+/)[0] ?? '');
  return label.length >= 2 && (name.includes(label) || (firstWord.length >= 3 && label.includes(firstWord)));
}

/**
 * Domains a new company account gets from a contact's business e-mails: those resembling the company name,
 * else the only one; several unrelated domains (private or old addresses) give none rather than a wrong one.
 */
export function domainsForCompany(company: string | null, domains: string[]): string[] {
  const unique = [...new Set(domains)];
  const like = company ? unique.filter((d) => resembles(company, d)) : [];
  return like.length ? like : unique.length === 1 ? unique : [];
}
