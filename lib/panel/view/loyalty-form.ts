/**
 * The loyalty programme form's draft: what the user typed (text, decimal comma in French) and its conversion to
 * the input `saveProgramme` validates. Tier ids are never typed: an existing tier keeps its id (segments and
 * badges name it), a new one gets a key made from its name.
 */
import type { BonusKind, LoyaltyRules } from '../../schema/loyalty';

export interface TierDraft {
  /** '' for a tier added in this form. */
  id: string;
  name: string;
  threshold: string;
}

export interface BonusDraft {
  kind: BonusKind;
  points: string;
  minAmount: string;
}

export interface ProgrammeDraft {
  enabled: boolean;
  currency: string;
  pointsPerUnit: string;
  /** Blank: tiers are held on lifetime points. */
  windowMonths: string;
  warnDays: string;
  tiers: TierDraft[];
  bonuses: BonusDraft[];
}

const show = (n: number, decimalComma: boolean) => (decimalComma ? String(n).replace('.', ',') : String(n));

export function draftFromRules(r: LoyaltyRules, decimalComma: boolean): ProgrammeDraft {
  return {
    enabled: r.enabled,
    currency: r.currency,
    pointsPerUnit: show(r.pointsPerUnit, decimalComma),
    windowMonths: r.windowMonths === null ? '' : String(r.windowMonths),
    warnDays: String(r.warnDays),
    tiers: [...r.tiers].sort((a, b) => a.threshold - b.threshold).map((t) => ({ id: t.id, name: t.name, threshold: String(t.threshold) })),
    bonuses: r.bonuses.map((b) => ({ kind: b.kind, points: String(b.points), minAmount: b.minAmount === null ? '' : show(b.minAmount, decimalComma) })),
  };
}

/** A typed number ("1 000", "2,5"): blank or not a number gives NaN, which the schema refuses with the field's path. */
export function typedNumber(s: string): number {
  const t = s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number.NaN : Number(t);
}

/** A tier key from its name: "Or Élite" → "or-elite"; unique among `taken`. */
export function tierKey(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 20)
      .replace(/-+$/, '') || 'tier';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}

/** The input to validate (not validated here: saveProgramme names the field of any error). */
export function inputFromDraft(d: ProgrammeDraft): Record<string, unknown> {
  const taken = new Set(d.tiers.map((t) => t.id).filter(Boolean));
  const tiers = d.tiers.map((t) => {
    const id = t.id || tierKey(t.name, taken);
    taken.add(id);
    return { id, name: t.name.trim(), threshold: typedNumber(t.threshold) };
  });
  return {
    enabled: d.enabled,
    currency: d.currency.trim().toUpperCase(),
    pointsPerUnit: typedNumber(d.pointsPerUnit),
    windowMonths: d.windowMonths.trim() === '' ? null : typedNumber(d.windowMonths),
    warnDays: typedNumber(d.warnDays),
    tiers,
    bonuses: d.bonuses.map((b) => ({
      kind: b.kind,
      points: typedNumber(b.points),
      minAmount: b.kind === 'order_at_least' ? (b.minAmount.trim() === '' ? null : typedNumber(b.minAmount)) : null,
    })),
  };
}

export const newTier = (): TierDraft => ({ id: '', name: '', threshold: '' });
export const newBonus = (kind: BonusKind = 'first_order'): BonusDraft => ({ kind, points: '', minAmount: '' });

const SHOWN = /^(pointsPerUnit|currency|windowMonths|warnDays|tiers|tiers\.\d+\.(name|threshold)|bonuses\.\d+\.(points|minAmount))$/;

/** The errors the form shows nowhere beside a field (e.g. "bonuses.0.kind"), as one line for its alert. */
export function otherErrors(errors: Record<string, string>): string | null {
  const rest = Object.entries(errors).filter(([path]) => !SHOWN.test(path));
  return rest.length ? rest.map(([path, msg]) => (path === '_' ? msg : `${path}: ${msg}`)).join('; ') : null;
}
