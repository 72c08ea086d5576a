/**
 * The lifecycle run the background starts on an alarm (the MV3 service worker may stop between two runs; nothing is kept in
 * memory): stop or finish the sequences' enrolments whose rules say so, and schedule the tasks of the workflows set
 * to schedule. Proposals (the workflows set to propose) reach the next-best-actions through the scoring instead.
 */
import { pickLang, type Lang } from '../i18n';
import { evaluateEnrolments, type EvaluateReport } from '../panel/commands/sequences';
import { scheduleWorkflows, type ScheduleReport } from '../panel/commands/workflows';
import { readItem, settingsItem } from '../storage/items';
import { getLifecyclePeriod, getWorkflowSettings, lifecyclePeriodItem } from '../storage/lifecycle';

export const LIFECYCLE_ALARM = 'carnet.lifecycle';

export interface LifecycleRunReport {
  enrolments: EvaluateReport;
  workflows: ScheduleReport;
}

/** One run at `now`. Each half runs even when the other fails (a broken sequence must not stop the renewals). */
export async function runLifecycle(now: Date, lang: Lang): Promise<LifecycleRunReport> {
  const [enrolments, workflows] = await Promise.allSettled([evaluateEnrolments(now), getWorkflowSettings().then((s) => scheduleWorkflows(s, now, lang))]);
  if (enrolments.status === 'rejected') console.error('lifecycle: enrolments', enrolments.reason);
  if (workflows.status === 'rejected') console.error('lifecycle: workflows', workflows.reason);
  return {
    enrolments: enrolments.status === 'fulfilled' ? enrolments.value : { stopped: 0, finished: 0, active: 0 },
    workflows: workflows.status === 'fulfilled' ? workflows.value : { scheduled: 0, proposals: 0 },
  };
}

/** The language tasks are titled in: the user's choice, else the browser's. */
export async function backgroundLang(browserLanguage: string): Promise<Lang> {
  const settings = await readItem(settingsItem).catch(() => null);
  return pickLang(settings?.language ?? null, browserLanguage);
}

interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  onAlarm: { addListener(cb: (a: { name: string }) => void): void };
}
interface StorageApi {
  onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
}

/** Arms the periodic alarm (re-armed when its period setting changes) and runs the lifecycle on each firing. */
export function setupLifecycle(api: { alarms: AlarmsApi; storage: StorageApi; browserLanguage: () => string; now?: () => Date }) {
  const arm = async () => {
    const minutes = await getLifecyclePeriod().catch(() => lifecyclePeriodItem.fallback);
    await api.alarms.create(LIFECYCLE_ALARM, { periodInMinutes: minutes, delayInMinutes: Math.min(1, minutes) });
  };
  api.alarms.onAlarm.addListener((a) => {
    if (a.name !== LIFECYCLE_ALARM) return;
    void backgroundLang(api.browserLanguage())
      .then((lang) => runLifecycle(api.now?.() ?? new Date(), lang))
      .catch((e) => console.error('lifecycle', e));
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && lifecyclePeriodItem.key in changes) void arm();
  });
  void arm();
}
