/**
 * Writes of the lifecycle workflows: the ledger entry that keeps a proposal from coming back (on the same
 * derived id everywhere), and the scheduling of proposals whose rule creates a task (run by the background alarm
 * and from Settings). Called by the panel's action list and by lib/background/lifecycle.ts.
 */
import { getDb, insert, writeTransaction } from '../../db';
import { derivedId } from '../../lifecycle/ids';
import { workflowProposals, type WorkflowProposal } from '../../lifecycle/workflows';
import type { WorkflowSettings } from '../../lifecycle/settings';
import { groupByAccount, type PortfolioInput } from '../../portfolio/score';
import { lifecycleStage, type LifecycleThresholds } from '../../scoring/lifecycle';
import { getScoringSettings } from '../../scoring-runner/settings';
import { loadPortfolioInput } from '../../scoring-runner/load';
import { ms } from '../../scoring/time';
import type { Task, WorkflowOutcome, WorkflowRule, WorkflowRun } from '../../schema';
import type { Lang } from '../../i18n';
import { actionTaskTitle } from '../view/scoring-labels';

export interface WorkflowRef {
  rule: string;
  key: string;
  period: string;
}

const isRule = (r: string): r is WorkflowRule => ['welcome', 'onboarding', 'birthday', 'renewal', 'win_back', 'nps_recovery', 'csat_request'].includes(r);

/**
 * Records what became of a proposal under its key; a key already recorded keeps its first entry (a dismissal on one
 * device is not turned into an acceptance by a late click on another). Returns the entry, or null for a bad ref.
 */
export async function recordWorkflowRun(
  ref: WorkflowRef,
  target: { accountId: string | null; contactId: string | null },
  outcome: WorkflowOutcome,
  now: Date,
  taskId: string | null = null,
): Promise<WorkflowRun | null> {
  if (!isRule(ref.rule)) return null;
  const id = derivedId(ref.key);
  return writeTransaction(['workflowRuns'], async () => {
    const existing = await getDb().workflowRuns.get(id);
    if (existing) return existing.deletedAt ? null : existing;
    return insert('workflowRuns', {
      id,
      rule: ref.rule as WorkflowRule,
      key: ref.key,
      period: ref.period,
      accountId: target.accountId,
      contactId: target.contactId,
      outcome,
      at: now.toISOString(),
      taskId,
    });
  });
}

/** Whether a key is in the ledger. */
export async function isRecorded(key: string): Promise<boolean> {
  const row = await getDb().workflowRuns.get(derivedId(key));
  return !!row && !row.deletedAt;
}

/** Every account's proposals from the database as it is (lifecycle from dates and activity; no scoring needed). */
export function proposalsFromInput(input: PortfolioInput, settings: WorkflowSettings, now: Date, thresholds?: LifecycleThresholds): WorkflowProposal[] {
  const t = now.getTime();
  const grouped = groupByAccount(input);
  const out: WorkflowProposal[] = [];
  for (const a of input.accounts) {
    const r = grouped.get(a.id);
    if (!r || a.deletedAt) continue;
    let last = -Infinity;
    for (const i of r.interactions)
      if (i.direction !== 'internal') {
        const x = ms(i.occurredAt);
        if (x <= t && x > last) last = x;
      }
    for (const o of r.orders) {
      const x = ms(o.occurredAt);
      if (x <= t && x > last) last = x;
    }
    let firstOrder = Infinity;
    for (const o of r.orders) {
      const x = ms(o.occurredAt);
      if (x < firstOrder) firstOrder = x;
    }
    const contract = ms(a.contractStart);
    const startedAt = contract <= t ? contract : Number.isFinite(firstOrder) ? firstOrder : ms(a.createdAt.slice(0, 24));
    const lastActivityAt = last === -Infinity ? null : last;
    const lifecycle =
      a.lifecycleStage === 'churned'
        ? 'churned'
        : lifecycleStage({ churnedAt: a.churnedAt, startedAt, lastActivityAt, churnProbability: null }, now, thresholds);
    out.push(
      ...workflowProposals(
        {
          account: { id: a.id, lifecycle, startedAt, lastActivityAt, churnedAt: a.churnedAt, renewalDate: a.renewalDate },
          contacts: r.contacts,
          surveys: r.surveys as never,
          interactions: r.interactions.filter((i) => i.channel === 'ticket') as never,
          done: new Set((r.workflowRuns ?? []).map((x) => x.key)),
        },
        settings,
        now,
      ),
    );
  }
  return out;
}

export interface ScheduleReport {
  scheduled: number;
  proposals: number;
}

/**
 * Creates the dated task (with its reminder, lib/background/reminders.ts) of every proposal whose rule schedules,
 * and records it in the ledger in the same transaction: run again, nothing is scheduled twice.
 */
export async function scheduleWorkflows(settings: WorkflowSettings, now: Date, lang: Lang): Promise<ScheduleReport> {
  const input = await loadPortfolioInput();
  const thresholds = (await getScoringSettings()).lifecycle;
  const proposals = proposalsFromInput(input, settings, now, thresholds).filter((p) => p.mode === 'schedule');
  const accounts = new Map(input.accounts.map((a) => [a.id, a] as const));
  let scheduled = 0;
  for (const p of proposals) {
    const account = accounts.get(p.accountId);
    if (!account) continue;
    const id = derivedId(p.key);
    const done = await writeTransaction(['workflowRuns', 'tasks'], async () => {
      if (await getDb().workflowRuns.get(id)) return false;
      const task: Task = await insert('tasks', {
        accountId: p.accountId,
        contactId: p.contactId,
        title: actionTaskTitle(p.actionType, account.name, lang),
        notes: null,
        dueAt: p.dueAt,
        status: 'open',
        actionType: p.actionType,
        owner: account.owner,
      });
      await insert('workflowRuns', {
        id,
        rule: p.rule,
        key: p.key,
        period: p.period,
        accountId: p.accountId,
        contactId: p.contactId,
        outcome: 'scheduled',
        at: now.toISOString(),
        taskId: task.id,
      });
      return true;
    });
    if (done) scheduled++;
  }
  return { scheduled, proposals: proposals.length };
}
