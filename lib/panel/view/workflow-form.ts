/**
 * The workflow settings form's draft: every rule's switch, mode and day fields as the user typed them (text), and
 * the conversion back to the settings the storage item validates. Renewal leads are a list ("90, 30").
 */
import type { WorkflowMode, WorkflowSettings } from '../../lifecycle/settings';
import type { WorkflowRule } from '../../schema/workflow';

export const WORKFLOW_RULES: readonly WorkflowRule[] = ['welcome', 'onboarding', 'birthday', 'renewal', 'win_back', 'nps_recovery', 'csat_request'];

/** Each rule's day fields, in the order the form shows them. */
export const WORKFLOW_FIELDS: Record<WorkflowRule, readonly string[]> = {
  welcome: ['withinDays'],
  onboarding: ['afterDays', 'withinDays'],
  birthday: ['leadDays'],
  renewal: ['leadDays'],
  win_back: ['lostAfterDays', 'lostMaxDays'],
  nps_recovery: ['withinDays'],
  csat_request: ['withinDays'],
};

export interface RuleDraft {
  enabled: boolean;
  mode: WorkflowMode;
  fields: Record<string, string>;
}
export type WorkflowDraft = Record<WorkflowRule, RuleDraft>;

export function draftFromSettings(s: WorkflowSettings): WorkflowDraft {
  const out = {} as WorkflowDraft;
  for (const rule of WORKFLOW_RULES) {
    const r = s[rule] as unknown as Record<string, unknown> & { enabled: boolean; mode: WorkflowMode };
    const fields: Record<string, string> = {};
    for (const f of WORKFLOW_FIELDS[rule]) {
      const v = r[f];
      fields[f] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
    }
    out[rule] = { enabled: r.enabled, mode: r.mode, fields };
  }
  return out;
}

/** A typed number: blank or not a number gives NaN, which the settings schema refuses with the field's path. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

/** The settings to validate (not validated here: saveWorkflowSettings names the rule and field of any error). */
export function inputFromDraft(d: WorkflowDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of WORKFLOW_RULES) {
    const r = d[rule];
    const fields: Record<string, unknown> = {};
    for (const f of WORKFLOW_FIELDS[rule]) {
      const text = r.fields[f] ?? '';
      fields[f] =
        rule === 'renewal' && f === 'leadDays'
          ? text
              .split(/[;\s]*[,;][\s]*|\s+/)
              .filter(Boolean)
              .map(num)
          : num(text);
    }
    out[rule] = { enabled: r.enabled, mode: r.mode, ...fields };
  }
  return out;
}
