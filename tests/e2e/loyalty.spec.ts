import { test, expect, readTable, loadDemo } from './extension';

type Account = { id: string; name: string; deletedAt: string | null };
type Order = { accountId: string | null; contactId: string | null; occurredAt: string; amount: number; currency: string; deletedAt: string | null };

const digits = (s: string) => Number(s.replace(/[^\d]/g, ''));

test('a loyalty programme set up in Lifecycle shows points, tier and badges on a demo account; a referral recorded there counts, and its removal can be undone', async ({
  panel,
}) => {
  test.setTimeout(150_000);
  await loadDemo(panel);

  await panel.getByRole('button', { name: /^(Lifecycle|Cycle de vie)$/ }).click();
  const settings = panel.getByTestId('loyalty-settings');
  await expect(settings.getByText(/No loyalty programme yet|Pas encore de programme/)).toBeVisible();
  await settings.getByTestId('loyalty-edit').click();
  const form = settings.getByTestId('loyalty-form');
  // a threshold that is not a number is refused beside its tier; nothing is stored
  await form.getByTestId('loyalty-tier-threshold').nth(1).fill('lots');
  await form.getByTestId('loyalty-save').click();
  await expect(form.getByTestId('loyalty-tiers').locator('li').nth(1).locator('.field-error')).toBeVisible();
  expect(await readTable(panel, 'loyaltyProgrammes')).toHaveLength(0);
  await form.getByTestId('loyalty-tier-threshold').nth(1).fill('5000');
  await form.getByTestId('loyalty-window').fill('');
  await form.getByTestId('loyalty-add-bonus').click();
  await form.getByTestId('loyalty-bonus-kind').selectOption('referral');
  await form.getByTestId('loyalty-bonus-points').fill('250');
  await form.getByTestId('loyalty-save').click();
  await expect(settings.getByTestId('loyalty-summary')).toContainText(/lifetime points|tous les points/);
  expect(await readTable(panel, 'loyaltyProgrammes')).toHaveLength(1);

  // a demo account whose orders are all in euros: its points are the sum of its orders, truncated
  const accounts = (await readTable<Account>(panel, 'accounts', 100_000)).filter((a) => !a.deletedAt);
  const orders = (await readTable<Order>(panel, 'orders', 1_000_000)).filter((o) => !o.deletedAt && o.accountId);
  const byAccount = new Map<string, Order[]>();
  for (const o of orders) byAccount.set(o.accountId!, [...(byAccount.get(o.accountId!) ?? []), o]);
  const now = Date.now();
  const candidate = accounts.find((a) => {
    const own = byAccount.get(a.id) ?? [];
    return own.length >= 2 && own.every((o) => o.currency === 'EUR' && Date.parse(o.occurredAt) <= now) && !accounts.some((b) => b !== a && b.name === a.name);
  });
  expect(candidate, 'a demo account with euro orders').toBeTruthy();
  const account = candidate!;
  const expected = Math.max(
    0,
    (byAccount.get(account.id) ?? []).reduce((s, o) => s + Math.trunc(o.amount + (o.amount >= 0 ? 1e-9 : -1e-9)), 0),
  );
  const other = accounts.find((a) => a.id !== account.id && !accounts.some((b) => b !== a && b.name === a.name) && a.name.length > 3)!;

  await panel.getByTestId('search').fill(account.name);
  await panel.getByRole('option').filter({ hasText: account.name }).first().click();
  const view = panel.getByTestId('account-view');
  const card = view.getByTestId('loyalty-section');
  await expect(card).toBeVisible();
  const points = async () => digits((await card.getByTestId('loyalty-points').innerText()).split(/points/)[0]!);
  expect(await points()).toBe(expected);
  await expect(card.getByTestId('loyalty-badges')).toContainText(/First order|Première commande/);
  await expect(card.getByTestId('loyalty-tier')).toHaveText(
    expected >= 20000 ? 'Gold' : expected >= 5000 ? 'Silver' : expected >= 1000 ? 'Bronze' : /No tier yet|Pas encore de niveau/,
  );

  // record who this account brought: picked by name, counted at once (250 bonus points), badge earned
  await expect(card.getByText(/No referral recorded|Aucune recommandation/)).toBeVisible();
  await card.getByTestId('loyalty-add-referral').click();
  const ref = card.getByTestId('referral-form');
  await ref.getByTestId('referral-save').click();
  await expect(ref.getByText(/Pick the account|Choisissez le compte/)).toBeVisible();
  await ref.getByTestId('referral-account').fill(other.name);
  await ref.getByRole('option').filter({ hasText: other.name }).first().getByRole('button').click();
  await ref.getByTestId('referral-save').click();
  await expect(card.getByTestId('loyalty-referrals')).toContainText(other.name);
  await expect.poll(points).toBe(expected + 250);
  await expect(card.getByTestId('loyalty-badges')).toContainText(/First referral|Première recommandation/);
  expect((await readTable<{ referredAccountId: string }>(panel, 'referrals')).map((r) => r.referredAccountId)).toEqual([other.id]);

  // removing it offers an undo; undo brings it back
  await card
    .getByRole('button', { name: new RegExp(`(Remove the referral of|Retirer la recommandation de) ${other.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .click();
  await expect(card.getByText(/No referral recorded|Aucune recommandation/)).toBeVisible();
  await panel.getByTestId('undo').click();
  await expect(card.getByTestId('loyalty-referrals')).toContainText(other.name);

  // the referred account says who brought it
  await card
    .getByTestId('loyalty-referrals')
    .getByRole('button', { name: new RegExp(`^${other.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .click();
  await expect(panel.getByTestId('account-view').getByTestId('loyalty-referred-by')).toContainText(account.name);
});
