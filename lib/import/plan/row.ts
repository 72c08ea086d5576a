import type { CsvRow } from '../parse';
import type { Mapping, Target } from '../presets';
import { clean } from '../values';

/** One row's cells by target field (a target mapped from several columns keeps each non-empty cell). */
export type Values = Map<Target, string[]>;

export function rowValues(header: string[], mapping: Mapping, row: CsvRow): Values {
  const v: Values = new Map();
  header.forEach((h, i) => {
    const t = mapping[h];
    if (!t) return;
    const cell = clean(row.cells[i]);
    if (!cell) return;
    const list = v.get(t);
    if (list) list.push(cell);
    else v.set(t, [cell]);
  });
  return v;
}

export const first = (v: Values, t: Target): string => v.get(t)?.[0] ?? '';
export const all = (v: Values, t: Target): string[] => v.get(t) ?? [];
