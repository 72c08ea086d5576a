import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getDb, insert } from '../../../lib/db';
import { runLifecycle, setupLifecycle, LIFECYCLE_ALARM, backgroundLang } from '../../../lib/lifecycle-runner/run';
import { createSequence, enrolContact } from '../../../lib/panel/commands/sequences';
import { executeAction, recordFeedback } from '../../../lib/panel/commands/actions';
import { saveWorkflowSettings, lifecyclePeriodItem } from '../../../lib/storage/lifecycle';
import { settingsItem, writeItem } from '../../../lib/storage/items';
import { riskyAccount } from '../scoreui/fixture';

const NOW = new Date('2026-12-03T10:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

async function enrolled() {
  const { account, contact } = await riskyAccount('Acme', NOW, 'allowed');
  const tpl = await insert('templates', {
    name: 'Relance',
    category: 'follow_up',
    variants: [{ id: 'a', label: 'A', fr: { subject: 'Bonjour', body: 'Bonjour' } }],
  });
  const seq = await createSequence({
    name: 'Relance',
    steps: [
      { templateId: tpl.id, delayDays: 1 },
      { templateId: tpl.id, delayDays: 3 },
    ],
  });
  const e = await enrolContact(seq.id, contact.id, NOW, 'fr');
  return { account, contact, e };
}

describe('the lifecycle run', () => {
  it('stops an enrolment on a reply and schedules the renewal reminder once, however often it runs', async () => {
    const { account, contact, e } = await enrolled();
    await insert('interactions', {
      accountId: account.id,
      contactIds: [contact.id],
      channel: 'email',
      direction: 'inbound',
      occurredAt: later(0.5).toISOString(),
    });
    const first = await runLifecycle(later(1), 'fr');
    expect(first.enrolments.stopped).toBe(1);
    expect(first.workflows.scheduled).toBe(1);
    expect((await getDb().enrolments.get(e.id))?.stopReason).toBe('replied');
    const renewal = (await getDb().tasks.toArray()).filter((t) => t.actionType === 'renewal_reminder' && !t.deletedAt);
    expect(renewal).toHaveLength(1);
    expect(renewal[0]!.title).toContain('Acme');
    const again = await runLifecycle(later(1.1), 'fr');
    expect(again.workflows.scheduled).toBe(0);
    expect((await getDb().tasks.toArray()).filter((t) => t.actionType === 'renewal_reminder' && !t.deletedAt)).toHaveLength(1);
  });

  it('a workflow turned off schedules nothing', async () => {
    await riskyAccount('Beta', NOW, 'allowed');
    await saveWorkflowSettings({ renewal: { enabled: false } });
    expect((await runLifecycle(later(1), 'en')).workflows.scheduled).toBe(0);
  });

  it('a broken stored enrolment is skipped and blocks neither the other enrolments nor the scheduling', async () => {
    const { account, contact, e } = await enrolled();
    await insert('interactions', {
      accountId: account.id,
      contactIds: [contact.id],
      channel: 'email',
      direction: 'inbound',
      occurredAt: later(0.5).toISOString(),
    });
    // an enrolment whose sequence is gone and whose stored shape is broken: the evaluation may throw, the scheduling runs
    await getDb().enrolments.add({
      id: '0190a0a0-0000-7000-8000-0000000000ee',
      status: 'active',
      contactId: 'nobody',
      sequenceId: 'gone',
      enrolledAt: 'not a date',
      taskIds: null,
    } as never);
    const r = await runLifecycle(later(1), 'en');
    expect(r.enrolments).toMatchObject({ stopped: 1, skipped: 1 });
    expect((await getDb().enrolments.get(e.id))?.status).toBe('stopped');
    expect(r.workflows.scheduled).toBe(1);
  });

  it('arms its alarm with the stored period and re-arms it when the period changes', async () => {
    const created: { name: string; periodInMinutes: number }[] = [];
    const listeners: ((c: Record<string, unknown>, area: string) => void)[] = [];
    setupLifecycle({
      alarms: { create: (name, info) => created.push({ name, ...info }), onAlarm: { addListener: () => {} } },
      storage: { onChanged: { addListener: (cb) => listeners.push(cb) } },
      browserLanguage: () => 'fr-FR',
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(created.at(-1)).toMatchObject({ name: LIFECYCLE_ALARM, periodInMinutes: 15 });
    await writeItem(lifecyclePeriodItem, 5);
    for (const l of listeners) l({ [lifecyclePeriodItem.key]: { newValue: 5 } }, 'local');
    await new Promise((r) => setTimeout(r, 20));
    expect(created.at(-1)).toMatchObject({ periodInMinutes: 5 });
  });

  it('titles tasks in the chosen language, else the browser one', async () => {
    expect(await backgroundLang('fr-CA')).toBe('fr');
    await writeItem(settingsItem, { language: 'en', inPageHint: true });
    expect(await backgroundLang('fr-CA')).toBe('en');
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await backgroundLang('fr-FR')).toBe('fr');
  });
});

describe('workflow proposals and the ledger', () => {
  const workflow = (key: string) => ({ rule: 'win_back', key, period: 'once' });

  it('executing a proposed action records it as accepted with its task', async () => {
    const { account, contact } = await riskyAccount('Delta', NOW, 'allowed');
    const r = await executeAction(
      account.id,
      { type: 'recovery_call', contactId: contact.id, workflow: { rule: 'nps_recovery', key: `nps_recovery|${contact.id}|s1`, period: 's1' } },
      { now: NOW },
    );
    expect(r.kind).toBe('task');
    const runs = await getDb().workflowRuns.toArray();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ outcome: 'accepted', rule: 'nps_recovery', accountId: account.id, taskId: r.kind === 'task' ? r.task.id : null });
  });

  it('a dismissal is recorded; a snooze is not (the proposal comes back after it)', async () => {
    const { account, contact } = await riskyAccount('Epsilon', NOW, 'allowed');
    await recordFeedback(account.id, { type: 'win_back', contactId: contact.id, workflow: workflow(`win_back|${account.id}|a`) }, 'snoozed', { now: NOW });
    expect(await getDb().workflowRuns.count()).toBe(0);
    await recordFeedback(account.id, { type: 'win_back', contactId: contact.id, workflow: workflow(`win_back|${account.id}|a`) }, 'dismissed', { now: NOW });
    expect((await getDb().workflowRuns.toArray())[0]).toMatchObject({ outcome: 'dismissed' });
  });

  it('an action without a workflow leaves the ledger alone', async () => {
    const { account, contact } = await riskyAccount('Zeta', NOW, 'allowed');
    await executeAction(account.id, { type: 'call_at_risk', contactId: contact.id }, { now: NOW });
    expect(await getDb().workflowRuns.count()).toBe(0);
  });
});
