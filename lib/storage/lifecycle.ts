/**
 * Lifecycle workflow settings and the background's timings, as typed storage items (zod-checked on every read and
 * write). The scoring worker cannot read extension storage: the panel reads these and sends them with the request.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_WORKFLOW_SETTINGS, parseWorkflowSettings, WorkflowSettings } from '../lifecycle/settings';
import { ValidationError } from '../schema/errors';

const workflowsItem = storage.defineItem<unknown>('local:lifecycle.workflows', { fallback: {} });

export async function getWorkflowSettings(): Promise<WorkflowSettings> {
  return parseWorkflowSettings(await workflowsItem.getValue());
}

/** Validates the whole settings (the error names the rule and field) and stores them; nothing is written when invalid. */
export async function saveWorkflowSettings(input: unknown): Promise<WorkflowSettings> {
  const r = WorkflowSettings.safeParse(input);
  if (!r.success) throw ValidationError.from('lifecycle.workflows', r.error);
  await workflowsItem.setValue(r.data);
  return r.data;
}

export function watchWorkflowSettings(cb: (s: WorkflowSettings) => void): () => void {
  return workflowsItem.watch((v) => cb(parseWorkflowSettings(v)));
}

export { DEFAULT_WORKFLOW_SETTINGS };

/**
 * Minutes between the background's lifecycle runs (sequence stops, scheduled workflows); tests set a fraction of a
 * minute. Alarms fire at most once a minute in a packed extension, more often unpacked.
 */
export const LifecyclePeriod = z.number().check(z.gte(1 / 60), z.lte(24 * 60));
const periodItem = storage.defineItem<unknown>('local:lifecycle.periodMinutes', { fallback: 15 });

export async function getLifecyclePeriod(): Promise<number> {
  const r = LifecyclePeriod.safeParse(await periodItem.getValue());
  return r.success ? r.data : 15;
}

export function watchLifecyclePeriod(cb: () => void): () => void {
  return periodItem.watch(() => cb());
}
