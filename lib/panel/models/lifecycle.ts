/**
 * The Lifecycle screen: the sequences (list, editor, each one's enrolments and their state) and the lifecycle
 * workflows' settings (each rule on or off, propose or schedule, its days), with a "run now" of what the background
 * alarm does.
 */
import { computed, signal } from '@preact/signals';
import type { Purpose, Sequence, SequenceStep } from '../../schema';
import { issuesByPath } from '../view/forms';
import type { Lang } from '../../i18n';
import { DEFAULT_WORKFLOW_SETTINGS, getWorkflowSettings, saveWorkflowSettings, watchWorkflowSettings } from '../../storage/lifecycle';
import type { WorkflowSettings } from '../../lifecycle/settings';
import { liveSignal } from '../live';
import { enrolmentsOfSequence, sequenceRows, templateOptions } from '../queries/sequences';
import * as cmd from '../commands/sequences';
import { scheduleWorkflows } from '../commands/workflows';
import { failureReason } from '../failure';

export interface StepDraft {
  templateId: string;
  delayDays: number;
  note: string;
}

export interface SequenceDraft {
  /** null for a new sequence. */
  id: string | null;
  name: string;
  purpose: Purpose;
  steps: StepDraft[];
  archived: boolean;
}

export interface LifecycleDeps {
  lang: () => Lang;
  newSequenceName: () => string;
  now?: () => Date;
}

const draftOf = (s: Sequence): SequenceDraft => ({
  id: s.id,
  name: s.name,
  purpose: s.purpose,
  steps: s.steps.map((x) => ({ templateId: x.templateId, delayDays: x.delayDays, note: x.note ?? '' })),
  archived: s.archived,
});

const stepInput = (s: StepDraft): SequenceStep => ({ templateId: s.templateId, delayDays: s.delayDays, note: s.note.trim() === '' ? null : s.note });

export function createLifecycleModel(deps: LifecycleDeps) {
  const now = () => deps.now?.() ?? new Date();
  const rows = liveSignal(
    () => null,
    () => sequenceRows(),
  );
  const templates = liveSignal(
    () => null,
    () => templateOptions(),
  );
  const selectedId = signal<string | null>(null);
  const enrolments = liveSignal(
    () => selectedId.value,
    (id) => (id ? enrolmentsOfSequence(id) : Promise.resolve([])),
  );
  const draft = signal<SequenceDraft | null>(null);
  const errors = signal<Record<string, string>>({});
  const saveError = signal<string | null>(null);
  const confirmStop = signal<string | null>(null);
  const settings = signal<WorkflowSettings>(DEFAULT_WORKFLOW_SETTINGS);
  const settingsError = signal<string | null>(null);
  const settingsSaved = signal(false);
  const runReport = signal<{ scheduled: number; stopped: number; finished: number } | null>(null);
  const running = signal(false);

  void getWorkflowSettings().then((s) => (settings.value = s));
  const unwatch = watchWorkflowSettings((s) => (settings.value = s));

  const selected = computed(() => (rows.value.value ?? []).find((r) => r.sequence.id === selectedId.value) ?? null);

  function newSequence() {
    const first = templates.value.value?.[0]?.id ?? '';
    draft.value = { id: null, name: deps.newSequenceName(), purpose: 'sales', steps: [{ templateId: first, delayDays: 0, note: '' }], archived: false };
    errors.value = {};
    saveError.value = null;
  }

  function edit(id: string) {
    const row = (rows.value.value ?? []).find((r) => r.sequence.id === id);
    if (!row) return;
    draft.value = draftOf(row.sequence);
    errors.value = {};
    saveError.value = null;
  }

  function change(patch: Partial<SequenceDraft>) {
    if (draft.value) draft.value = { ...draft.value, ...patch };
  }

  function changeStep(index: number, patch: Partial<StepDraft>) {
    const d = draft.value;
    if (!d) return;
    change({ steps: d.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  }

  function addStep() {
    const d = draft.value;
    if (!d) return;
    const last = d.steps[d.steps.length - 1];
    change({ steps: [...d.steps, { templateId: last?.templateId ?? templates.value.value?.[0]?.id ?? '', delayDays: 3, note: '' }] });
  }

  function removeStep(index: number) {
    const d = draft.value;
    if (!d || d.steps.length <= 1) return;
    change({ steps: d.steps.filter((_, i) => i !== index) });
  }

  function moveStep(index: number, by: -1 | 1) {
    const d = draft.value;
    const to = index + by;
    if (!d || to < 0 || to >= d.steps.length) return;
    const steps = [...d.steps];
    [steps[index], steps[to]] = [steps[to]!, steps[index]!];
    change({ steps });
  }

  /** Saves the draft; returns the sequence, or null with the errors shown beside their fields. */
  async function save(): Promise<Sequence | null> {
    const d = draft.value;
    if (!d) return null;
    const input = { name: d.name, purpose: d.purpose, steps: d.steps.map(stepInput), archived: d.archived };
    try {
      const saved = d.id ? await cmd.updateSequence(d.id, input) : await cmd.createSequence(input);
      draft.value = null;
      errors.value = {};
      saveError.value = null;
      selectedId.value = saved.id;
      return saved;
    } catch (e) {
      const byPath = issuesByPath(e);
      errors.value = byPath ?? {};
      saveError.value = byPath ? null : failureReason(e);
      return null;
    }
  }

  function cancel() {
    draft.value = null;
    errors.value = {};
    saveError.value = null;
  }

  async function setArchived(id: string, archived: boolean) {
    await cmd.updateSequence(id, { ...(await currentInput(id)), archived });
  }

  async function currentInput(id: string) {
    const s = (rows.value.value ?? []).find((r) => r.sequence.id === id)?.sequence;
    if (!s) throw new Error('sequence not found');
    return { name: s.name, purpose: s.purpose, steps: s.steps, archived: s.archived };
  }

  async function stop(enrolmentId: string) {
    confirmStop.value = null;
    await cmd.stopEnrolment(enrolmentId, 'manual', null, now());
  }

  async function saveSettings(next: unknown): Promise<boolean> {
    settingsSaved.value = false;
    try {
      settings.value = await saveWorkflowSettings(next);
      settingsError.value = null;
      settingsSaved.value = true;
      return true;
    } catch (e) {
      const byPath = issuesByPath(e);
      settingsError.value = byPath
        ? Object.entries(byPath)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')
        : failureReason(e);
      return false;
    }
  }

  /** What the background does on its alarm, now: stop what must stop, schedule what is due. */
  async function runNow() {
    running.value = true;
    try {
      const at = now();
      const e = await cmd.evaluateEnrolments(at);
      const w = await scheduleWorkflows(settings.value, at, deps.lang());
      runReport.value = { scheduled: w.scheduled, stopped: e.stopped, finished: e.finished };
    } finally {
      running.value = false;
    }
  }

  return {
    rows: rows.value,
    templates: templates.value,
    enrolments: enrolments.value,
    selectedId,
    selected,
    draft,
    errors,
    saveError,
    confirmStop,
    settings,
    settingsError,
    settingsSaved,
    runReport,
    running,
    select: (id: string | null) => (selectedId.value = id),
    newSequence,
    edit,
    change,
    changeStep,
    addStep,
    removeStep,
    moveStep,
    save,
    cancel,
    setArchived,
    askStop: (id: string | null) => (confirmStop.value = id),
    stop,
    saveSettings,
    runNow,
    dispose() {
      rows.dispose();
      templates.dispose();
      enrolments.dispose();
      unwatch();
    },
  };
}

export type LifecycleModel = ReturnType<typeof createLifecycleModel>;
