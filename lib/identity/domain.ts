// The JSON itself, not the package's CommonJS entry: bundled as an ES module, the entry's array was copied into a
// namespace object property by property (14 000 getters, 12–30 ms of every background start).
import freeEmailDomains from 'free-email-domains/domains.json' with { type: 'json' };

let freeSet: Set<string> | null = null;
/** Answers by domain: an import asks once per row, and a file's rows share a few thousand domains. */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 10_000;

/**
 * Webmail providers (gmail.com, outlook.fr, yahoo.co.uk, 14k more): an address there says nothing about
 * the company, so it never matches an account. Background only: the list is ~250 kB.
 */
export function isFreeMailDomain(domain: string | null | undefined): boolean {
  if (!domain) return false;
  const known = answers.get(domain);
  if (known !== undefined) return known;
  freeSet ??= new Set((freeEmailDomains as string[]).map((d) => d.toLowerCase()));
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  const free = freeSet.has(d) || parentDomains(d).some((p) => freeSet!.has(p));
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(domain, free);
  return free;
}

/** Second-level public suffixes common in business addresses; the rest of the world uses one-label TLDs. */
const MULTI_PART_SUFFIXES = new Set(
  `co.uk org.uk ac.uk gov.uk ltd.uk plc.uk me.uk net.uk nhs.uk sch.uk
   com.au net.au org.au edu.au gov.au asn.au id.au co.nz org.nz net.nz govt.nz ac.nz
   co.jp ne.jp or.jp ac.jp go.jp ed.jp lg.jp gr.jp co.kr or.kr ne.kr go.kr ac.kr
   com.cn net.cn org.cn gov.cn edu.cn ac.cn com.hk org.hk net.hk edu.hk gov.hk com.tw org.tw net.tw edu.tw gov.tw
   com.sg org.sg net.sg edu.sg gov.sg com.my org.my net.my gov.my edu.my co.id or.id ac.id go.id web.id
   co.th or.th ac.th go.th in.th com.vn net.vn org.vn edu.vn gov.vn com.ph org.ph net.ph gov.ph edu.ph
   co.in net.in org.in firm.in gen.in ind.in ac.in edu.in gov.in res.in com.pk org.pk net.pk edu.pk gov.pk com.bd
   com.br net.br org.br gov.br edu.br art.br ind.br com.mx org.mx net.mx gob.mx edu.mx com.ar org.ar net.ar gob.ar
   com.co org.co net.co gov.co edu.co com.pe org.pe gob.pe com.ve com.uy com.py com.bo com.ec gob.ec com.gt com.do
   co.za org.za gov.za ac.za net.za web.za com.ng org.ng gov.ng edu.ng com.eg org.eg gov.eg edu.eg co.ke or.ke go.ke
   co.ma gov.ma com.tn com.gh co.tz co.ug co.zw
   com.tr org.tr net.tr gov.tr edu.tr gen.tr bel.tr com.sa org.sa gov.sa edu.sa net.sa com.ae gov.ae ac.ae co.ae
   co.il org.il ac.il gov.il net.il com.qa com.kw com.bh com.om com.lb com.jo
   gouv.fr asso.fr nom.fr presse.fr tm.fr com.fr com.es org.es nom.es gob.es edu.es com.pt org.pt gov.pt
   com.pl net.pl org.pl gov.pl edu.pl co.at or.at gv.at ac.at com.gr org.gr gov.gr edu.gr com.cy
   com.ru org.ru net.ru com.ua org.ua net.ua gov.ua in.ua com.ro org.ro co.hu org.hu com.hr
   co.no priv.no com.mt co.rs org.rs gov.it edu.it gov.be ac.be co.je co.gg co.im gov.ie`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The domain and its parents down to the registrable domain, most specific first:
 * `eu.sales.acme.co.uk` → `eu.sales.acme.co.uk, sales.acme.co.uk, acme.co.uk`. Never a public suffix.
 */
export function parentDomains(domain: string): string[] {
  const labels = domain.trim().toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length < 2) return [];
  const last2 = labels.slice(-2).join('.');
  const minLabels = MULTI_PART_SUFFIXES.has(last2) ? 3 : 2;
  const out: string[] = [];
  for (let i = 0; labels.length - i >= minLabels; i++) out.push(labels.slice(i).join('.'));
  return out;
}
