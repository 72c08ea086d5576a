import type { ParsedCsv } from '../parse';
import type { Mapping, PresetDef, Target } from '../presets';
import { truthy } from './fields';
import { detectDayOrder, parseDateParts, toIsoDate, toIsoDateTime, type DayOrder } from '../values';
import { idDamage } from '../identifiers';
import { all, first, rowValues, type Values } from './row';
import type { ImportPlan, PlannedEntity, PlannedUpdate, PlanOptions, PlanSummary } from './types';

/** What every row planner of one file shares: the file's choices (day order, decimal comma) and the plan being built. */
export interface PlanContext {
  preset: PresetDef;
  header: string[];
  values: Values[];
  defaultCurrency: string;
  decimalComma: boolean;
  summary: PlanSummary;
  inserts: ImportPlan['inserts'];
  updates: PlannedUpdate[];
  count(entity: PlannedEntity, kind: 'new' | 'updated'): void;
  /** A date cell in the file's day order; `bad` names the field and value when it is not a date. */
  dateOf(v: Values, t: Target, kind: 'date' | 'datetime'): { value: string | null; bad: string | null };
  /** The file's column mapped to a target (to name it in a message). */
  columnOf(t: Target): string;
  /**
   * The identifier a row gives in this field, or '' when a spreadsheet damaged it (scientific notation, rounded
   * digits): such a value would match rows and records it does not name, so it is reported and left out.
   */
  exactId(v: Values, t: Target, line: number): string;
  /** Whether the source system marked the row deleted (then reported as left out). */
  skipDeleted(v: Values, line: number): boolean;
}

const DATE_TARGETS: Target[] = ['birthday', 'occurredAt', 'closeDate', 'renewalDate', 'contractStart'];

export function createPlanContext(parsed: ParsedCsv, preset: PresetDef, mapping: Mapping, opts: PlanOptions): PlanContext {
  const { header, rows } = parsed;
  const summary: PlanSummary = { rows: rows.length, new: 0, updated: 0, duplicates: 0, invalid: [], warnings: [], byEntity: {} };
  const values = rows.map((r) => rowValues(header, mapping, r));

  // Per-file choices: day order of each date field, decimal comma. A semicolon-separated file is a European export.
  const preferDmy = parsed.delimiter === ';';
  const dayOrder = new Map<Target, DayOrder>();
  for (const t of DATE_TARGETS) {
    const vals = values.flatMap((v) => all(v, t));
    if (vals.length) dayOrder.set(t, detectDayOrder(vals, preferDmy) ?? (preferDmy ? 'dmy' : 'mdy'));
  }
  const numbers = values.flatMap((v) => [...all(v, 'amount'), ...all(v, 'unitPrice'), ...all(v, 'revenue')]);
  const decimalComma = preferDmy || numbers.some((n) => /^[-\d\s\u00a0.]*,\d{1,2}$/.test(n.replace(/[^\d\s\u00a0.,-]/g, '')));

  const columnOf = (t: Target) => header.find((h) => mapping[h] === t) ?? t;
  return {
    preset,
    header,
    values,
    defaultCurrency: opts.currency ?? preset.defaultCurrency ?? 'EUR',
    decimalComma,
    summary,
    inserts: { accounts: [], contacts: [], orders: [], interactions: [], deals: [], campaignStats: [], agencyPlans: [] },
    updates: [],
    count(entity, kind) {
      const c = (summary.byEntity[entity] ??= { new: 0, updated: 0 });
      c[kind]++;
    },
    dateOf(v, t, kind) {
      const cell = first(v, t);
      if (!cell) return { value: null, bad: null };
      const p = parseDateParts(cell, dayOrder.get(t) ?? 'mdy');
      if (!p) return { value: null, bad: `${t}: "${cell}" is not a date` };
      return { value: kind === 'date' ? toIsoDate(p) : toIsoDateTime(p), bad: null };
    },
    columnOf,
    exactId(v, t, line) {
      const cell = first(v, t);
      const damage = cell ? idDamage(cell) : null;
      if (!damage) return cell;
      const column = columnOf(t);
      const how = damage === 'scientific' ? 'in scientific notation' : 'rounded to 15 digits';
      summary.warnings.push({
        line,
        key: damage === 'scientific' ? 'import.issue.idScientific' : 'import.issue.idRounded',
        params: { column, value: cell.slice(0, 80) },
        reason: `${column}: "${cell.slice(0, 80)}" is ${how} (a spreadsheet re-save); not used to match, not kept`,
      });
      return '';
    },
    skipDeleted(v, line) {
      if (!truthy(first(v, 'deleted'))) return false;
      summary.invalid.push({ line, reason: 'deleted: the row is marked deleted in the source system' });
      return true;
    },
  };
}
