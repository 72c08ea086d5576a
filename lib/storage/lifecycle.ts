/**
 * Lifecycle workflow settings and the background's timings, as typed storage items (zod-checked on every read and
 * write). The scoring worker cannot read extension storage: the panel reads these and sends them with the request.
 */
import * as z from 'zod/mini';
import { DEFAULT_WORKFLOW_SETTINGS, parseWorkflowSettings, WorkflowSettings } from '../lifecycle/settings';
import { ValidationError } from '../schema/errors';
import { defineStorageItem, readItem, watchItem, writeItem } from './items';

/** Stored as-is (unknown) and parsed on read, so a value lacking a rule added later still gets that rule's defaults. */
export const workflowsItem = defineStorageItem<unknown>('local', 'lifecycle.workflows', z.unknown(), {});

export async function getWorkflowSettings(): Promise<WorkflowSettings> {
  return parseWorkflowSettings(await readItem(workflowsItem));
}

/** Validates the whole settings (the error names the rule and field) and stores them; nothing is written when invalid. */
export async function saveWorkflowSettings(input: unknown): Promise<WorkflowSettings> {
  const r = WorkflowSettings.safeParse(input);
  if (!r.success) throw ValidationError.from('lifecycle.workflows', r.error);
  await writeItem(workflowsItem, r.data);
  return r.data;
}

export function watchWorkflowSettings(cb: (s: WorkflowSettings) => void): () => void {
  return watchItem(workflowsItem, (v) => cb(parseWorkflowSettings(v)));
}

export { DEFAULT_WORKFLOW_SETTINGS };

/**
 * Minutes between the background's lifecycle runs (sequence stops, scheduled workflows); tests set a fraction of a
 * minute. Alarms fire at most once a minute in a packed extension, more often unpacked.
 */
export const LifecyclePeriod = z.number().check(z.gte(1 / 60), z.lte(24 * 60));
export const lifecyclePeriodItem = defineStorageItem('local', 'lifecycle.periodMinutes', LifecyclePeriod, 15);

export async function getLifecyclePeriod(): Promise<number> {
  return readItem(lifecyclePeriodItem);
}

export function watchLifecyclePeriod(cb: () => void): () => void {
  return watchItem(lifecyclePeriodItem, () => cb());
}
