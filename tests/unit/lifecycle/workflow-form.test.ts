import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WORKFLOW_SETTINGS, WorkflowSettings } from '../../../lib/lifecycle/settings';
import { draftFromSettings, inputFromDraft, WORKFLOW_FIELDS, WORKFLOW_RULES, type WorkflowDraft } from '../../../lib/panel/view/workflow-form';

describe('the workflow settings form', () => {
  it('round-trips the settings through the draft unchanged', () => {
    const back = WorkflowSettings.parse(inputFromDraft(draftFromSettings(DEFAULT_WORKFLOW_SETTINGS)));
    expect(back).toEqual(DEFAULT_WORKFLOW_SETTINGS);
  });

  it('reads renewal leads as a list, whatever the separators', () => {
    const d = draftFromSettings(DEFAULT_WORKFLOW_SETTINGS);
    d.renewal.fields.leadDays = ' 120 ; 60,15 ';
    expect(WorkflowSettings.parse(inputFromDraft(d)).renewal.leadDays).toEqual([120, 60, 15]);
  });

  it('a blank or non-numeric field is refused with the rule and field in the path', () => {
    const d = draftFromSettings(DEFAULT_WORKFLOW_SETTINGS);
    d.win_back.fields.lostMaxDays = 'soon';
    const r = WorkflowSettings.safeParse(inputFromDraft(d));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('win_back.lostMaxDays');
  });

  it('any typed text gives settings that either parse or are refused, never a throw or a half-applied value', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -10, max: 5000 }).map(String),
      fc.constantFrom('', ' ', '1e3', '7.5', '0x10', 'NaN', '30, 90'),
    );
    const draft: fc.Arbitrary<WorkflowDraft> = fc.record(
      Object.fromEntries(
        WORKFLOW_RULES.map((rule) => [
          rule,
          fc.record({
            enabled: fc.boolean(),
            mode: fc.constantFrom('propose' as const, 'schedule' as const),
            fields: fc.record(Object.fromEntries(WORKFLOW_FIELDS[rule].map((f) => [f, text]))),
          }),
        ]),
      ),
    ) as unknown as fc.Arbitrary<WorkflowDraft>;
    fc.assert(
      fc.property(draft, (d: WorkflowDraft) => {
        const r = WorkflowSettings.safeParse(inputFromDraft(d));
        if (!r.success) return;
        for (const rule of WORKFLOW_RULES) {
          expect(r.data[rule].enabled).toBe(d[rule].enabled);
          for (const f of WORKFLOW_FIELDS[rule]) {
            const v = (r.data[rule] as Record<string, unknown>)[f];
            for (const n of Array.isArray(v) ? v : [v]) expect(Number.isInteger(n)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
