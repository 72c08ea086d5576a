import type { ConsentEntry } from '../schema';
import type { Rng } from './prng';
import { DAY, iso, type AccountPlan, type ContactRef, type DemoInput, type IdMaker } from './plan';
import { slug, EN_FIRST, EN_SURNAMES, FR_FIRST, FR_SURNAMES, FREE_MAIL, TITLES, type Country, type Lang } from './vocab';

const CONTACTS_BY_TIER = { small: [1, 2], standard: [1, 4], key: [2, 5], strategic: [3, 6] } as const;
const BUYER_TITLES = new Set([1, 5, 6]);

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}
const pairs = (rng: Rng, n: number) => Array.from({ length: n }, () => digits(rng, 2)).join(' ');

/** A phone number written the way people write it in that country. */
export function phoneFor(rng: Rng, country: Country, mobile: boolean): string {
  switch (country) {
    case 'FR':
      return mobile ? `+33 ${rng.pick(['6', '7'])} ${pairs(rng, 4)}` : `+33 ${rng.int(1, 5)} ${pairs(rng, 4)}`;
    case 'BE':
      return mobile ? `+32 4${rng.int(70, 99)} ${pairs(rng, 3)}` : `+32 ${rng.pick(['2', '4', '81', '71'])} ${digits(rng, 3)} ${pairs(rng, 2)}`;
    case 'GB':
      return mobile
        ? `+44 7${digits(rng, 3)} ${digits(rng, 6)}`
        : rng.chance(0.5)
          ? `+44 20 ${digits(rng, 4)} ${digits(rng, 4)}`
          : `+44 ${rng.pick(['161', '117', '113', '121', '131', '141'])} ${digits(rng, 3)} ${digits(rng, 4)}`;
    case 'US':
      return `+1 (${rng.pick(['617', '312', '720', '512', '206', '404', '503', '612', '919', '412'])}) ${rng.int(200, 989)}-${digits(rng, 4)}`;
    case 'IE':
      return mobile
        ? `+353 8${rng.pick(['3', '5', '6', '7'])} ${digits(rng, 3)} ${digits(rng, 4)}`
        : `+353 ${rng.pick(['1', '21', '91', '61'])} ${digits(rng, 3)} ${digits(rng, 4)}`;
  }
}

function consentLedger(rng: Rng, plan: AccountPlan, lang: Lang, dnc: boolean): ConsentEntry[] {
  const fr = lang === 'fr';
  const out: ConsentEntry[] = [];
  const since = plan.contractStartMs ?? plan.firstTouchMs;
  if (plan.contractStartMs !== null) {
    const src = fr ? 'Contrat cadre' : 'Master services agreement';
    out.push({ purpose: 'account_management', lawfulBasis: 'contract', grantedAt: iso(since), source: src, withdrawnAt: null });
    out.push({ purpose: 'support', lawfulBasis: 'contract', grantedAt: iso(since), source: src, withdrawnAt: null });
  } else {
    const src = rng.pick(fr ? ['Salon professionnel', 'Demande via le site web', 'Recommandation'] : ['Trade show', 'Website enquiry', 'Referral']);
    out.push({ purpose: 'sales', lawfulBasis: 'legitimate_interest', grantedAt: iso(plan.firstTouchMs), source: src, withdrawnAt: null });
  }
  if (rng.chance(0.4) || dnc) {
    const granted = since + rng.int(0, 200) * DAY;
    const at = Math.min(granted, plan.nowMs - DAY);
    const withdrawn = dnc || rng.chance(0.15) ? iso(Math.min(plan.nowMs - 3_600_000, at + rng.int(10, 300) * DAY)) : null;
    out.push({
      purpose: 'marketing',
      lawfulBasis: 'consent',
      grantedAt: iso(at),
      source: fr ? 'Formulaire newsletter' : 'Newsletter sign-up form',
      withdrawnAt: withdrawn,
    });
  }
  if (plan.contractStartMs !== null && rng.chance(0.5)) {
    out.push({
      purpose: 'surveys',
      lawfulBasis: 'legitimate_interest',
      grantedAt: iso(since),
      source: fr ? 'Contrat cadre' : 'Master services agreement',
      withdrawnAt: null,
    });
  }
  return out;
}

export function generateContacts(rng: Rng, plan: AccountPlan, ids: IdMaker, count?: number): { records: DemoInput<'contacts'>[]; refs: ContactRef[] } {
  const [lo, hi] = CONTACTS_BY_TIER[plan.tier];
  const n = count ?? rng.int(lo, hi);
  const records: DemoInput<'contacts'>[] = [];
  const refs: ContactRef[] = [];
  const usedEmails = new Set<string>();
  for (let j = 0; j < n; j++) {
    const lang: Lang = rng.chance(0.1) ? (plan.lang === 'fr' ? 'en' : 'fr') : plan.lang;
    const first = rng.pick(lang === 'fr' ? FR_FIRST : EN_FIRST);
    const lastName = rng.pick(lang === 'fr' ? FR_SURNAMES : EN_SURNAMES);
    const f = slug(first.name, '');
    const l = slug(lastName, '');
    const fl = slug(first.name);
    const ll = slug(lastName);
    const emails: string[] = [];
    const freeOnly = rng.chance(0.07);
    if (!freeOnly) {
      const local = rng.weighted({ [`${fl}.${ll}`]: 6, [`${f[0]}.${l}`]: 2, [`${f}${l}`]: 1, [f]: plan.tier === 'small' ? 2 : 0.3 });
      let email = `${local.replace(/-/g, '')}@${plan.domain}`;
      for (let k = 2; usedEmails.has(email); k++) email = `${local.replace(/-/g, '')}${k}@${plan.domain}`;
      usedEmails.add(email);
      emails.push(email);
    }
    if (freeOnly || rng.chance(0.05)) {
      // Free-mail addresses are shared by everyone: the account index keeps them unique across the portfolio.
      emails.push(`${f}.${l}${(plan.index * 7 + j).toString(36)}@${rng.pick(FREE_MAIL[plan.country])}`);
    }
    const phones: string[] = [];
    if (rng.chance(0.8)) phones.push(phoneFor(rng, plan.country, rng.chance(0.4)));
    if (rng.chance(0.2)) phones.push(phoneFor(rng, plan.country, true));
    const titleIdx = j === 0 ? rng.pick([0, 1, 3, 12, 13]) : rng.int(0, TITLES.length - 1);
    const t = TITLES[titleIdx]!;
    const title = lang === 'fr' ? (first.female ? t[1] : t[0]) : t[2];
    const dnc = rng.chance(0.025);
    let birthday: string | null = null;
    if (rng.chance(0.3)) {
      const mm = String(rng.int(1, 12)).padStart(2, '0');
      const dd = String(rng.int(1, 28)).padStart(2, '0');
      // Only full dates: the schema's regex accepts "---MM-DD", not the documented "--MM-DD" (reported).
      birthday = `${rng.int(1960, 1998)}-${mm}-${dd}`;
    }
    const tags = rng.sample(['decision-maker', 'champion', 'billing', 'technical', 'newsletter'], rng.chance(0.5) ? 0 : rng.int(1, 2));
    const createdMs = Math.min(plan.nowMs - DAY, plan.firstTouchMs + j * rng.int(0, 90) * DAY);
    const id = ids.next('contacts', createdMs);
    records.push({
      id,
      accountId: plan.id,
      firstName: first.name,
      lastName,
      emails,
      phones,
      linkedinUrl: rng.chance(0.65) ? `https://www.linkedin.com/in/${fl}-${ll}-${rng.hex(4)}${(plan.index * 8 + j).toString(36)}` : null,
      title,
      language: lang,
      birthday,
      tags,
      consent: consentLedger(rng, plan, lang, dnc),
      doNotContact: dnc,
      owner: plan.owner,
      custom: {},
      notes: null,
    });
    refs.push({ id, firstName: first.name, lang, doNotContact: dnc, buyer: BUYER_TITLES.has(titleIdx) });
  }
  return { records, refs };
}
