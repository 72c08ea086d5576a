import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../lib/db';
import { ACTION_CATALOGUE, type ActionType } from '../../../lib/scoring/nba';
import type { PortfolioModels } from '../../../lib/portfolio/score';
import { runScoring, rescoreAccounts, MODELS_KEY } from '../../../lib/scoring-runner';
import { executeAction, recordFeedback, ActionBlockedError, markChurned, labelCounts } from '../../../lib/panel/commands/actions';
import { riskyAccount } from './fixture';

import { setScoringBackend } from '../../../lib/scoring-runner';
import { inlineBackend } from '../../../lib/scoring-runner/compute';

beforeAll(() => setScoringBackend(inlineBackend));

const score = (id: string) =>
  getDb()
    .scores.get(id)
    .then((s) => s!);

describe('next-best-action execution', () => {
  it('suppresses every contact action for a do-not-contact or non-consenting contact, from the data to the scores', async () => {
    const now = new Date();
    const ok = await riskyAccount('Allowed', now, 'allowed');
    const dnc = await riskyAccount('Optout', now, 'do_not_contact');
    const none = await riskyAccount('Noconsent', now, 'no_consent');
    await runScoring({ now });
    const allowed = await score(ok.account.id);
    const types = allowed.actions.map((a) => a.type);
    expect(types).toContain('call_at_risk');
    expect(types).toContain('renewal_proposal');
    expect(allowed.actions.every((a) => a.contactId === ok.contact.id)).toBe(true);
    for (const blocked of [dnc, none]) {
      const s = await score(blocked.account.id);
      // same churn situation…
      expect(s.segments).toContain('lifecycle:at_risk');
      // …but nothing that would reach the contact
      expect(s.actions.filter((a) => ACTION_CATALOGUE[a.type as ActionType].needsContact)).toEqual([]);
    }
    // and executing one anyway is refused
    await expect(executeAction(dnc.account.id, { type: 'renewal_proposal', contactId: dnc.contact.id })).rejects.toThrow(ActionBlockedError);
    await expect(executeAction(none.account.id, { type: 'call_at_risk', contactId: none.contact.id })).rejects.toMatchObject({ reason: 'no_consent' });
    expect(await getDb().tasks.count()).toBe(0);
    expect(await getDb().feedback.count()).toBe(0);
  });

  it('a task action creates the task and records accepted feedback; the action then leaves the list', async () => {
    const now = new Date();
    const { account, contact } = await riskyAccount('Taskco', now, 'allowed');
    await runScoring({ now });
    const action = (await score(account.id)).actions.find((a) => a.type === 'call_at_risk')!;
    const r = await executeAction(account.id, action, { now, lang: 'en' });
    expect(r.kind).toBe('task');
    const tasks = await getDb().tasks.toArray();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      accountId: account.id,
      contactId: contact.id,
      status: 'open',
      actionType: 'call_at_risk',
      title: 'Call Taskco: churn risk',
      owner: 'alice',
    });
    expect(Date.parse(tasks[0]!.dueAt!) - now.getTime()).toBe(2 * 86_400_000);
    const fb = await getDb().feedback.toArray();
    expect(fb).toMatchObject([{ accountId: account.id, contactId: contact.id, actionType: 'call_at_risk', outcome: 'accepted' }]);
    await rescoreAccounts([account.id], { now });
    expect((await score(account.id)).actions.map((a) => a.type)).not.toContain('call_at_risk');
  });

  it('an email action opens Gmail compose with the template in the contact’s language', async () => {
    const now = new Date();
    const { account, contact } = await riskyAccount('Mailco', now, 'allowed', 'fr');
    const openUrl = vi.fn(async (_url: string) => undefined);
    const r = await executeAction(account.id, { type: 'renewal_proposal', contactId: contact.id }, { now, lang: 'en', openUrl });
    expect(openUrl).toHaveBeenCalledTimes(1);
    const url = new URL(openUrl.mock.calls[0]![0]);
    expect(url.origin).toBe('https://mail.google.com');
    expect(url.searchParams.get('to')).toBe(contact.emails[0]);
    expect(url.searchParams.get('su')).toBe('Renouvellement de votre contrat Mailco');
    expect(url.searchParams.get('body')).toMatch(/^Bonjour Hélène,/);
    expect(r.kind === 'email' && r.lang).toBe('fr');
    const m = await executeAction(account.id, { type: 'renewal_proposal', contactId: contact.id }, { now, useGmail: false, openUrl });
    expect(m.kind === 'email' && m.url.startsWith('mailto:helene@mailco.example?subject=')).toBe(true);
    expect(await getDb().feedback.where('accountId').equals(account.id).count()).toBe(2);
  });

  it('snooze hides the action until its date; dismissals train the success rate on the next run', async () => {
    const now = new Date();
    const { account } = await riskyAccount('Snoozeco', now, 'allowed');
    await runScoring({ now });
    const before = (await getDb().meta.get(MODELS_KEY))!.value as PortfolioModels;
    const s = await score(account.id);
    const renewal = s.actions.find((a) => a.type === 'renewal_proposal')!;
    const fb = await recordFeedback(account.id, renewal, 'snoozed', { now });
    expect(Date.parse(fb.snoozeUntil!) - now.getTime()).toBe(7 * 86_400_000);
    await rescoreAccounts([account.id], { now });
    expect((await score(account.id)).actions.map((a) => a.type)).not.toContain('renewal_proposal');
    const nps = s.actions.find((a) => a.type !== 'renewal_proposal')!;
    await recordFeedback(account.id, nps, 'dismissed', { now });
    await runScoring({ now });
    const after = (await getDb().meta.get(MODELS_KEY))!.value as PortfolioModels;
    const t = nps.type as ActionType;
    expect(after.rates[t].beta).toBe(before.rates[t].beta + 1);
    expect(after.rates[t].mean).toBeLessThan(before.rates[t].mean);
  });

  it('marking an account churned sets its stage and date and counts as a label', async () => {
    const now = new Date();
    const { account } = await riskyAccount('Lostco', now, 'allowed');
    const before = await labelCounts(now);
    const lostOn = new Date(now.getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
    const a = await markChurned(account.id, lostOn);
    expect(a).toMatchObject({ lifecycleStage: 'churned', churnedAt: lostOn });
    const after = await labelCounts(now);
    expect(after.churned).toBe(before.churned + 1);
    await runScoring({ now });
    const s = await score(account.id);
    expect(s.segments).toContain('lifecycle:churned');
    // Lost 20 days ago: too soon for the win-back workflow (90 days by default), and nothing else is proposed.
    expect(s.actions).toEqual([]);
    await runScoring({ now: new Date(now.getTime() + 80 * 86_400_000) });
    expect((await score(account.id)).actions.map((x) => [x.type, x.workflow?.rule])).toEqual([['win_back', 'win_back']]);
  });
});
