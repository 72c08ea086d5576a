import { describe, it, expect, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { ENTITIES, Id } from '../../../lib/schema';
import { generatePortfolio, generateHeavyAccount, DEMO_ENTITIES, type DemoChunk } from '../../../lib/demo/generate';
import { demoId, type DemoEntity } from '../../../lib/demo/ids';

const NOW = new Date('2026-03-15T10:00:00.000Z');
const DAY = 86_400_000;

function digest(chunks: Iterable<DemoChunk>): string {
  const h = createHash('sha256');
  for (const c of chunks) h.update(JSON.stringify(c));
  return h.digest('hex');
}

/** All records of a portfolio, per table. */
function flatten(chunks: Iterable<DemoChunk>) {
  const out = Object.fromEntries(DEMO_ENTITIES.map((n) => [n, [] as unknown[]])) as { [N in DemoEntity]: DemoChunk[N] };
  for (const c of chunks) for (const n of DEMO_ENTITIES) (out[n] as unknown[]).push(...c[n]);
  return out;
}

const idTime = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('demo ids', () => {
  it('are UUIDv7 with the given time, and differ by entity, account, sub-index and seed', () => {
    const t = Date.UTC(2025, 0, 2, 3, 4, 5, 6);
    const a = demoId(t, 'contacts', 123456, 789, 0xdeadbeef);
    expect(Id.safeParse(a).success).toBe(true);
    expect(idTime(a)).toBe(t);
    const others = [
      demoId(t, 'orders', 123456, 789, 0xdeadbeef),
      demoId(t, 'contacts', 123457, 789, 0xdeadbeef),
      demoId(t, 'contacts', 123456, 790, 0xdeadbeef),
      demoId(t, 'contacts', 123456, 789, 0xdeadbe00),
      demoId(t, 'contacts', 0xffffff, 0xfffff, 0xffffffff),
    ];
    for (const o of others) {
      expect(o).not.toBe(a);
      expect(Id.safeParse(o).success).toBe(true);
    }
    expect(() => demoId(t, 'contacts', 0x1000000, 0, 1)).toThrow(RangeError);
  });
});

describe('demo portfolio: schema', () => {
  it('every generated record of 300 accounts passes its entity schema', () => {
    let checked = 0;
    for (const chunk of generatePortfolio({ seed: 7, accounts: 300, now: NOW })) {
      for (const name of DEMO_ENTITIES) {
        for (const rec of chunk[name]) {
          const { id, ...input } = rec as { id: string };
          expect(Id.safeParse(id).success, `${name} id ${id}`).toBe(true);
          const r = ENTITIES[name].input.safeParse(input);
          if (!r.success) throw new Error(`${name} ${id}: ${JSON.stringify(r.error.issues)}\n${JSON.stringify(input)}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300 * 20);
  });

  it('the heavy benchmark account has exactly the interactions asked for, all valid', () => {
    const heavy = generateHeavyAccount({ seed: 'bench', now: NOW, interactions: 10_000 });
    expect(heavy.accounts).toHaveLength(1);
    expect(heavy.interactions).toHaveLength(10_000);
    for (const i of heavy.interactions) {
      expect(i.accountId).toBe(heavy.accounts[0]!.id);
      const { id: _id, ...input } = i;
      expect(ENTITIES.interactions.input.safeParse(input).success).toBe(true);
    }
    // Its ids and domain never clash with a portfolio of the same seed.
    const portfolio = flatten(generatePortfolio({ seed: 'bench', accounts: 50, now: NOW }));
    const ids = new Set(DEMO_ENTITIES.flatMap((n) => portfolio[n].map((r) => r.id)));
    for (const n of DEMO_ENTITIES) for (const r of heavy[n]) expect(ids.has(r.id)).toBe(false);
    const domains = new Set(portfolio.accounts.flatMap((a) => a.domains ?? []));
    expect(domains.has(heavy.accounts[0]!.domains![0]!)).toBe(false);
  });
});

describe('demo portfolio: determinism', () => {
  it('same seed and now give identical output; another seed or now does not', () => {
    const a = digest(generatePortfolio({ seed: 42, accounts: 120, now: NOW }));
    const b = digest(generatePortfolio({ seed: 42, accounts: 120, now: NOW }));
    const c = digest(generatePortfolio({ seed: 43, accounts: 120, now: NOW }));
    const d = digest(generatePortfolio({ seed: 42, accounts: 120, now: new Date(NOW.getTime() + DAY) }));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
  });

  it('chunk size does not change the records', () => {
    const small = flatten(generatePortfolio({ seed: 'x', accounts: 90, now: NOW, chunkSize: 7 }));
    const big = flatten(generatePortfolio({ seed: 'x', accounts: 90, now: NOW, chunkSize: 1000 }));
    expect(JSON.stringify(small)).toBe(JSON.stringify(big));
  });

  it('uses neither Math.random nor the clock', () => {
    const random = Math.random;
    const dateNow = Date.now;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    Date.now = () => {
      throw new Error('Date.now called');
    };
    try {
      expect(flatten(generatePortfolio({ seed: 1, accounts: 20, now: NOW })).accounts).toHaveLength(20);
      generateHeavyAccount({ seed: 1, now: NOW, interactions: 100 });
    } finally {
      Math.random = random;
      Date.now = dateNow;
    }
  });
});

describe('demo portfolio: relationships and realism (2 000 accounts)', () => {
  let all: ReturnType<typeof flatten>;
  let ms2000 = 0;
  let accounts: Map<string, (typeof all)['accounts'][number]>;
  let contacts: Map<string, (typeof all)['contacts'][number]>;
  beforeAll(() => {
    const t0 = performance.now();
    all = flatten(generatePortfolio({ seed: 2026, accounts: 2000, now: NOW }));
    ms2000 = performance.now() - t0;
    accounts = new Map(all.accounts.map((a) => [a.id, a]));
    contacts = new Map(all.contacts.map((c) => [c.id, c]));
  });

  it('generates 2 000 accounts in reasonable time', () => {
    console.log(`generated 2000 accounts in ${ms2000.toFixed(0)} ms:`, Object.fromEntries(DEMO_ENTITIES.map((n) => [n, all[n].length])));
    expect(all.accounts).toHaveLength(2000);
    expect(ms2000).toBeLessThan(60_000);
  });

  it('ids are unique and sort by when things happened, none in the future', () => {
    const ids = DEMO_ENTITIES.flatMap((n) => all[n].map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => idTime(id) > NOW.getTime())).toEqual([]);
    expect(all.interactions.filter((i) => idTime(i.id) !== Date.parse(i.occurredAt))).toEqual([]);
    expect(all.orders.filter((o) => idTime(o.id) !== Date.parse(o.occurredAt))).toEqual([]);
  });

  it('every accountId and contactId refers to a generated record of the same account', () => {
    for (const c of all.contacts) expect(accounts.has(c.accountId!)).toBe(true);
    const sameAccount = (contactId: string | null | undefined, accountId: string | null | undefined) => {
      if (contactId == null) return;
      expect(contacts.get(contactId)?.accountId).toBe(accountId);
    };
    for (const i of all.interactions) {
      expect(accounts.has(i.accountId!)).toBe(true);
      for (const c of i.contactIds ?? []) sameAccount(c, i.accountId);
    }
    for (const n of ['orders', 'deals', 'tasks', 'surveys', 'feedback'] as const) {
      for (const r of all[n]) {
        expect(accounts.has(r.accountId!), `${n} ${r.id}`).toBe(true);
        sameAccount(r.contactId, r.accountId);
      }
    }
  });

  it('domains, emails and source refs are unique; currencies follow the country', () => {
    const domains = all.accounts.flatMap((a) => a.domains ?? []);
    expect(new Set(domains).size).toBe(domains.length);
    const emails = all.contacts.flatMap((c) => c.emails ?? []);
    expect(new Set(emails).size).toBe(emails.length);
    const refs = all.interactions.filter((i) => i.source).map((i) => `${i.source!.site}:${i.source!.ref}`);
    expect(new Set(refs).size).toBe(refs.length);
    const currency = { FR: 'EUR', BE: 'EUR', IE: 'EUR', GB: 'GBP', US: 'USD' } as Record<string, string>;
    for (const a of all.accounts) {
      const country = a.custom!.country as string;
      expect(a.currency).toBe(currency[country]);
      expect(a.domains![0]!.endsWith({ FR: '.fr', BE: '.be', IE: '.ie', GB: '.co.uk', US: '.com' }[country]!)).toBe(true);
    }
    for (const o of all.orders) expect(o.currency).toBe(accounts.get(o.accountId!)!.currency);
  });

  it('both languages, accented names, free-mail addresses, LinkedIn URLs and do-not-contact flags appear', () => {
    const langs = new Set(all.contacts.map((c) => c.language));
    expect(langs).toEqual(new Set(['fr', 'en']));
    const fr = all.accounts.filter((a) => ['FR', 'BE'].includes(a.custom!.country as string)).length;
    expect(fr / all.accounts.length).toBeGreaterThan(0.4);
    expect(fr / all.accounts.length).toBeLessThan(0.6);
    expect(all.contacts.some((c) => /[éèëïçœł]/i.test(c.firstName + c.lastName))).toBe(true);
    expect(all.contacts.some((c) => c.emails?.some((e) => /@(gmail\.com|orange\.fr|hotmail\.co\.uk|free\.fr)$/.test(e)))).toBe(true);
    for (const c of all.contacts) if (c.linkedinUrl) expect(c.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+$/);
    const dnc = all.contacts.filter((c) => c.doNotContact).length;
    expect(dnc).toBeGreaterThan(0);
    expect(dnc / all.contacts.length).toBeLessThan(0.06);
    const perAccount = new Map<string, number>();
    for (const c of all.contacts) perAccount.set(c.accountId!, (perAccount.get(c.accountId!) ?? 0) + 1);
    expect(Math.min(...perAccount.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perAccount.values())).toBeLessThanOrEqual(6);
    expect(all.contacts.every((c) => (c.consent ?? []).length > 0)).toBe(true);
  });

  it('lifecycle mix: churned accounts stop, at-risk ones tail off', () => {
    const stage = (s: string) => all.accounts.filter((a) => a.lifecycleStage === s);
    const churned = stage('churned');
    expect(churned.length / 2000).toBeGreaterThan(0.08);
    expect(churned.length / 2000).toBeLessThan(0.25);
    expect(stage('at_risk').length).toBeGreaterThan(50);
    expect(stage('prospect').length).toBeGreaterThan(20);
    for (const a of churned) expect(a.churnedAt).toMatch(/^\d{4}-\d\d-\d\d$/);
    for (const a of all.accounts) if (a.lifecycleStage !== 'churned') expect(a.churnedAt).toBeNull();
    for (const i of all.interactions) {
      const a = accounts.get(i.accountId!)!;
      if (a.churnedAt) expect(i.occurredAt.slice(0, 10) <= a.churnedAt).toBe(true);
      expect(Date.parse(i.occurredAt)).toBeLessThanOrEqual(NOW.getTime());
      expect(Date.parse(i.occurredAt)).toBeGreaterThanOrEqual(NOW.getTime() - 731 * DAY);
    }
    // Interactions per account in the last 90 days against the 90 days a year earlier.
    const rate = (ids: Set<string>, from: number, to: number) =>
      all.interactions.filter((i) => ids.has(i.accountId!) && Date.parse(i.occurredAt) >= from && Date.parse(i.occurredAt) < to).length / ids.size;
    const now = NOW.getTime();
    const atRisk = new Set(stage('at_risk').map((a) => a.id));
    const active = new Set(stage('active').map((a) => a.id));
    const recentRisk = rate(atRisk, now - 90 * DAY, now);
    const earlierRisk = rate(atRisk, now - 455 * DAY, now - 365 * DAY);
    expect(recentRisk).toBeLessThan(earlierRisk * 0.6);
    expect(rate(active, now - 90 * DAY, now)).toBeGreaterThan(recentRisk * 2);
  });

  it('channels, tickets with status and source refs, and surveys of all kinds with the right mood', () => {
    const channels = new Set(all.interactions.map((i) => i.channel));
    expect(channels).toEqual(new Set(['email', 'call', 'meeting', 'linkedin', 'ticket', 'chat', 'note']));
    const tickets = all.interactions.filter((i) => i.channel === 'ticket');
    expect(tickets.length).toBeGreaterThan(100);
    for (const t of tickets) {
      expect(t.ticketStatus).not.toBeNull();
      expect(['zendesk', 'freshdesk']).toContain(t.source?.site);
    }
    expect(tickets.some((t) => ['new', 'open', 'pending', 'on_hold'].includes(t.ticketStatus!))).toBe(true);
    const emails = all.interactions.filter((i) => i.channel === 'email');
    for (const e of emails) expect(['gmail', 'outlook']).toContain(e.source?.site);
    const outbound = emails.filter((e) => e.direction === 'outbound').length / emails.length;
    expect(outbound).toBeGreaterThan(0.25);
    expect(outbound).toBeLessThan(0.75);
    expect(all.interactions.filter((i) => i.channel === 'note').every((i) => i.direction === 'internal')).toBe(true);
    expect(new Set(all.surveys.map((s) => s.kind))).toEqual(new Set(['nps', 'csat', 'ces']));
    const recent = NOW.getTime() - 120 * DAY;
    const nps = (s: string) => {
      const scores = all.surveys
        .filter((r) => r.kind === 'nps' && Date.parse(r.respondedAt) > recent && accounts.get(r.accountId!)!.lifecycleStage === s)
        .map((r) => r.score);
      const promoters = scores.filter((x) => x >= 9).length;
      const detractors = scores.filter((x) => x <= 6).length;
      return (100 * (promoters - detractors)) / scores.length;
    };
    expect(nps('active')).toBeGreaterThan(30);
    expect(nps('at_risk')).toBeLessThan(-20);
    expect(all.surveys.some((s) => s.comment && /[éèà]/.test(s.comment))).toBe(true);
    expect(all.surveys.some((s) => s.comment && /\bthe\b/i.test(s.comment))).toBe(true);
  });

  it('orders: repeat buyers, one-off buyers, credit notes, amounts by tier', () => {
    const perAccount = new Map<string, number[]>();
    for (const o of all.orders) {
      const list = perAccount.get(o.accountId!) ?? [];
      list.push(o.amount);
      perAccount.set(o.accountId!, list);
    }
    const counts = [...perAccount.values()].map((l) => l.length);
    const repeat = counts.filter((n) => n >= 2).length;
    expect(repeat / counts.length).toBeGreaterThan(0.5);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(20);
    expect(all.orders.some((o) => o.amount < 0)).toBe(true);
    for (const a of all.accounts) if (a.lifecycleStage === 'prospect') expect(perAccount.has(a.id)).toBe(false);
    const yearly = (tier: string) => {
      const ids = all.accounts.filter((a) => a.tier === tier && a.currency === 'EUR').map((a) => a.id);
      const sums = ids.map((id) => (perAccount.get(id) ?? []).reduce((s, x) => s + x, 0));
      return sums.reduce((s, x) => s + x, 0) / ids.length;
    };
    expect(yearly('strategic')).toBeGreaterThan(yearly('key'));
    expect(yearly('key')).toBeGreaterThan(yearly('standard'));
    expect(yearly('standard')).toBeGreaterThan(yearly('small'));
  });

  it('orders look like BG/NBD data: over-dispersed repeat counts across customers of the same age', () => {
    const now = NOW.getTime();
    // Customers whose whole two-year window was observable: x = repeat purchases, as in the CDNOW summary.
    const old = all.accounts.filter((a) => a.contractStart && Date.parse(a.contractStart) < now - 800 * DAY);
    const byAccount = new Map<string, number>();
    for (const o of all.orders) if (o.amount > 0) byAccount.set(o.accountId!, (byAccount.get(o.accountId!) ?? 0) + 1);
    const x = old.filter((a) => a.tier === 'standard').map((a) => Math.max(0, (byAccount.get(a.id) ?? 0) - 1));
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
    expect(x.length).toBeGreaterThan(200);
    expect(mean).toBeGreaterThan(2);
    expect(variance / mean).toBeGreaterThan(2); // a gamma mixture of Poissons with dropout, not one Poisson
    expect(x.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  it('tasks overdue and due soon, renewal deals open and won/lost', () => {
    const now = NOW.getTime();
    const open = all.tasks.filter((t) => t.status === 'open');
    expect(open.some((t) => Date.parse(t.dueAt!) < now)).toBe(true);
    expect(open.some((t) => Date.parse(t.dueAt!) > now && Date.parse(t.dueAt!) < now + 14 * DAY)).toBe(true);
    expect(all.tasks.some((t) => t.status === 'done' && t.doneAt)).toBe(true);
    const renewals = all.deals.filter((d) => d.kind === 'renewal');
    for (const s of ['won', 'lost', 'negotiation', 'proposal'])
      expect(
        renewals.some((d) => d.stage === s),
        s,
      ).toBe(true);
    expect(all.deals.some((d) => d.kind === 'new_business')).toBe(true);
    expect(all.deals.some((d) => d.kind === 'upsell')).toBe(true);
    expect(all.segments.length).toBeGreaterThan(0);
    expect(all.feedback.length).toBeGreaterThan(0);
  });
});

describe('demo portfolio: options', () => {
  it('locale mix and interactionsPerAccount steer the output', () => {
    const fr = flatten(generatePortfolio({ seed: 3, accounts: 60, now: NOW, locales: { fr: 1, en: 0 } }));
    expect(fr.accounts.every((a) => ['FR', 'BE'].includes(a.custom!.country as string))).toBe(true);
    expect(fr.segments[0]!.name).toMatch(/Comptes/);
    const en = flatten(generatePortfolio({ seed: 3, accounts: 60, now: NOW, locales: { en: 1, fr: 0 } }));
    expect(en.accounts.every((a) => ['GB', 'US', 'IE'].includes(a.custom!.country as string))).toBe(true);
    const base = flatten(generatePortfolio({ seed: 3, accounts: 100, now: NOW })).interactions.length;
    const more = flatten(generatePortfolio({ seed: 3, accounts: 100, now: NOW, interactionsPerAccount: 96 })).interactions.length;
    expect(more / base).toBeGreaterThan(3);
    expect(more / base).toBeLessThan(5);
    expect(() => generatePortfolio({ seed: 3, accounts: -1, now: NOW }).next()).toThrow(RangeError);
    expect(() => generatePortfolio({ seed: 3, accounts: 1, now: new Date('nope') }).next()).toThrow(/now/);
  });
});

describe('demo portfolio: scale', () => {
  it('is lazy: the first chunk of 100 000 accounts comes at once', () => {
    const t = performance.now();
    const first = generatePortfolio({ seed: 1, accounts: 100_000, now: NOW, chunkSize: 100 }).next();
    const ms = performance.now() - t;
    expect(first.done).toBe(false);
    expect(first.value!.accounts).toHaveLength(100);
    expect(ms).toBeLessThan(5000);
  });

  it('counts 20 000 accounts without keeping them', () => {
    const t = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    let accounts = 0;
    let records = 0;
    let maxChunk = 0;
    for (const chunk of generatePortfolio({ seed: 'scale', accounts: 20_000, now: NOW, chunkSize: 200 })) {
      accounts += chunk.accounts.length;
      let n = 0;
      for (const name of DEMO_ENTITIES) n += chunk[name].length;
      records += n;
      maxChunk = Math.max(maxChunk, n);
    }
    const ms = performance.now() - t;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    console.log(`20000 accounts: ${records} records in ${ms.toFixed(0)} ms; largest chunk ${maxChunk} records; heap delta ${heapMb.toFixed(0)} MB`);
    expect(accounts).toBe(20_000);
    expect(records).toBeGreaterThan(20_000 * 20);
    expect(ms).toBeLessThan(180_000); // about 13 s on an idle core; the bound allows for a loaded machine
  }, 240_000);
});
