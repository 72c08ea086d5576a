/**
 * The loyalty programme's screens: its settings form (points per currency unit, bonuses, tiers and their window,
 * the warning before a tier drop) and an account's loyalty card in the 360° view (points, tier, progress, the
 * coming drop, badges, referrals made and received, recording and removing a referral).
 */
import { computed, signal } from '@preact/signals';
import type { RateTable } from '../../currency/convert';
import type { Account, BonusKind } from '../../schema';
import { readItem, reportingItem, watchItem } from '../../storage/items';
import { recordReferral, removeReferral, saveProgramme } from '../commands/loyalty';
import { liveSignal } from '../live';
import { loadAccountLoyalty, loadProgramme } from '../queries/loyalty';
import { findAccounts } from '../queries/search';
import { issuesByPath } from '../view/forms';
import { draftFromRules, inputFromDraft, newBonus, newTier, type BonusDraft, type ProgrammeDraft, type TierDraft } from '../view/loyalty-form';
import { failureReason } from '../failure';

export interface ProgrammeDeps {
  decimalComma: () => boolean;
}

export function createLoyaltyProgrammeModel(deps: ProgrammeDeps) {
  const programme = liveSignal(
    () => null,
    () => loadProgramme(),
  );
  const draft = signal<ProgrammeDraft | null>(null);
  const errors = signal<Record<string, string>>({});
  const saving = signal(false);
  const saved = signal(false);

  /** Opens the form on the stored programme, or on the defaults switched on for a first set-up. */
  function edit() {
    const p = programme.value.value;
    if (!p) return;
    draft.value = draftFromRules(p.stored ? p.rules : { ...p.rules, enabled: true }, deps.decimalComma());
    errors.value = {};
    saved.value = false;
  }

  function change(patch: Partial<ProgrammeDraft>) {
    if (draft.value) draft.value = { ...draft.value, ...patch };
    saved.value = false;
  }
  const listOps = <K extends 'tiers' | 'bonuses', T extends ProgrammeDraft[K][number]>(key: K, make: () => T) => ({
    add: () => draft.value && change({ [key]: [...draft.value[key], make()] } as Partial<ProgrammeDraft>),
    remove: (i: number) => draft.value && change({ [key]: draft.value[key].filter((_, j) => j !== i) } as Partial<ProgrammeDraft>),
    set: (i: number, patch: Partial<T>) =>
      draft.value && change({ [key]: draft.value[key].map((x, j) => (j === i ? { ...x, ...patch } : x)) } as Partial<ProgrammeDraft>),
  });
  const tiers = listOps<'tiers', TierDraft>('tiers', newTier);
  const bonuses = listOps<'bonuses', BonusDraft>('bonuses', () => newBonus('first_order'));

  /** Saves the draft; false with the errors beside their fields ("tiers.1.threshold"). */
  async function save(): Promise<boolean> {
    const d = draft.value;
    if (!d) return false;
    saving.value = true;
    try {
      await saveProgramme(inputFromDraft(d));
      draft.value = null;
      errors.value = {};
      saved.value = true;
      return true;
    } catch (e) {
      errors.value = issuesByPath(e) ?? { _: failureReason(e) };
      return false;
    } finally {
      saving.value = false;
    }
  }

  return {
    programme: programme.value,
    draft,
    errors,
    saving,
    saved,
    edit,
    change,
    save,
    addTier: tiers.add,
    removeTier: tiers.remove,
    setTier: tiers.set,
    addBonus: (kind: BonusKind = 'first_order') => draft.value && change({ bonuses: [...draft.value.bonuses, newBonus(kind)] }),
    removeBonus: bonuses.remove,
    setBonus: bonuses.set,
    cancel: () => {
      draft.value = null;
      errors.value = {};
    },
    dispose: () => programme.dispose(),
  };
}
export type LoyaltyProgrammeModel = ReturnType<typeof createLoyaltyProgrammeModel>;

export interface ReferralDraft {
  query: string;
  referredAccountId: string | null;
  referredName: string;
  referrerContactId: string;
  referredAt: string;
  note: string;
}

export interface AccountLoyaltyDeps {
  now?: () => Date;
  /** Undo offered after a removal (the panel's toast). */
  onRemoved?: (undo: () => Promise<void>) => void;
  search?: (q: string) => Promise<Pick<Account, 'id' | 'name'>[]>;
}

const today = (d: Date) => d.toISOString().slice(0, 10);

export function createAccountLoyaltyModel(accountId: string, deps: AccountLoyaltyDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const rates = signal<RateTable | null>(null);
  void readItem(reportingItem)
    .then((r) => (rates.value = r.rates))
    .catch(() => undefined);
  const unwatch = watchItem(reportingItem, (r) => (rates.value = r.rates));
  const live = liveSignal(
    () => rates.value,
    (r) => loadAccountLoyalty(accountId, now(), r),
  );
  const referral = signal<ReferralDraft | null>(null);
  const results = signal<Pick<Account, 'id' | 'name'>[]>([]);
  const errors = signal<Record<string, string>>({});
  const search = deps.search ?? ((q: string) => findAccounts(q, 8));
  let searchSeq = 0;

  /** Progress towards the next tier, 0–1, from the current tier's threshold (or 0) to the next one's. */
  const progress = computed(() => {
    const s = live.value.value?.status;
    if (!s?.next) return s?.tier ? 1 : 0;
    const from = s.tier?.threshold ?? 0;
    const span = s.next.tier.threshold - from;
    return span <= 0 ? 1 : Math.min(1, Math.max(0, (s.qualifyingPoints - from) / span));
  });

  function startReferral() {
    const contacts = live.value.value?.contacts ?? [];
    referral.value = { query: '', referredAccountId: null, referredName: '', referrerContactId: contacts[0]?.id ?? '', referredAt: today(now()), note: '' };
    results.value = [];
    errors.value = {};
  }

  function changeReferral(patch: Partial<ReferralDraft>) {
    if (!referral.value) return;
    referral.value = { ...referral.value, ...patch };
    if (patch.query !== undefined) {
      referral.value = { ...referral.value, referredAccountId: null, referredName: '' };
      const seq = ++searchSeq;
      const q = patch.query.trim();
      if (q.length < 2) results.value = [];
      else
        void search(q).then((rows) => {
          if (seq === searchSeq) results.value = rows.filter((a) => a.id !== accountId);
        });
    }
  }

  function pickReferred(a: Pick<Account, 'id' | 'name'>) {
    if (!referral.value) return;
    referral.value = { ...referral.value, referredAccountId: a.id, referredName: a.name, query: a.name };
    results.value = [];
  }

  async function saveReferral(): Promise<boolean> {
    const d = referral.value;
    if (!d) return false;
    if (!d.referredAccountId) {
      errors.value = { referredAccountId: 'required' };
      return false;
    }
    try {
      await recordReferral({
        referrerAccountId: accountId,
        referrerContactId: d.referrerContactId || null,
        referredAccountId: d.referredAccountId,
        referredAt: d.referredAt,
        note: d.note.trim() === '' ? null : d.note,
      });
      referral.value = null;
      errors.value = {};
      return true;
    } catch (e) {
      errors.value = issuesByPath(e) ?? { _: failureReason(e) };
      return false;
    }
  }

  async function remove(id: string) {
    const { undo } = await removeReferral(id);
    deps.onRemoved?.(undo);
  }

  return {
    data: live.value,
    loading: live.loading,
    progress,
    referral,
    results,
    errors,
    startReferral,
    changeReferral,
    pickReferred,
    saveReferral,
    cancelReferral: () => {
      referral.value = null;
      errors.value = {};
    },
    remove,
    dispose: () => {
      live.dispose();
      unwatch();
    },
  };
}
export type AccountLoyaltyModel = ReturnType<typeof createAccountLoyaltyModel>;
