import { useState } from 'preact/hooks';
import { t, lang } from '@/lib/i18n';
import { Tier, LifecycleStage, type Account, type Contact } from '@/lib/schema';
import { insertWithUndo, updateWithUndo } from '@/lib/panel/commands/undoable';
import { withUndo } from '@/lib/panel/commands/log';
import { open } from '@/lib/panel/router';
import {
  accountDraft,
  accountFromDraft,
  contactDraft,
  contactFromDraft,
  errorsOf,
  validateAccount,
  validateContact,
  type AccountDraft,
  type ContactDraft,
  type FieldErrors,
} from '@/lib/panel/view/forms';
import { Field, invalid } from './Field';
import { isSealed, sealedFields } from '@/lib/panel/models/crypto';

/**
 * At-rest encryption locked: fields read sealed are shown as locked, left out of the draft's validation and out of
 * the saved patch, so the rest of the record can still be edited and the sealed values stay as they are.
 */
function lockedFieldsOf(table: 'contacts' | 'accounts', record: object | null | undefined): string[] {
  return record ? sealedFields(table, record as Record<string, unknown>, isSealed) : [];
}
function withoutLocked<D extends object>(draft: D, locked: string[]): D {
  const out = { ...draft } as Record<string, unknown>;
  for (const k of locked) if (k in out) out[k] = '';
  return out as D;
}
function omitLocked<T extends object>(input: T, locked: string[]): T {
  const out = { ...input } as Record<string, unknown>;
  for (const k of locked) delete out[k];
  return out as T;
}
function LockedField({ id, label }: { id: string; label: string }) {
  return (
    <Field id={id} label={label}>
      <input id={id} value={t('crypto.lockedField')} disabled data-testid={`${id}-locked`} />
    </Field>
  );
}

function useDraft<D extends object>(initial: D, validate: (d: D) => FieldErrors) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState(false);
  const set = (k: keyof D, v: D[keyof D]) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    if (touched) setErrors(validate(next));
  };
  const check = () => {
    setTouched(true);
    const errs = validate(draft);
    setErrors(errs);
    return Object.keys(errs).length === 0;
  };
  return { draft, set, errors, setErrors, check, blur: () => touched || setErrors(validate(draft)) };
}

/** Creates or edits a contact; each field's error shows beside it, in the UI language. */
export function ContactForm({ contact, accountId, onDone }: { contact?: Contact | null; accountId?: string | null; onDone: () => void }) {
  const locked = lockedFieldsOf('contacts', contact);
  const f = useDraft<ContactDraft>(withoutLocked(contactDraft(contact, accountId), locked), (d) => validateContact(d, lang.value));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!f.check()) return;
    const input = omitLocked(contactFromDraft(f.draft), locked);
    let createdId: string | null = null;
    const ok = await withUndo(
      async () => {
        try {
          if (contact) return await updateWithUndo('contacts', contact.id, input);
          const r = await insertWithUndo('contacts', input);
          createdId = r.value.id;
          return r;
        } catch (err) {
          const errs = errorsOf(err);
          if (errs) f.setErrors(errs);
          throw err;
        }
      },
      t(contact ? 'form.saved' : 'contact.created'),
    );
    if (ok) {
      onDone();
      if (createdId) open({ name: 'contact', id: createdId });
    }
  };
  const text = (k: keyof ContactDraft, label: string, type: 'text' | 'date' = 'text') => (
    <Field id={`c-${k}`} label={label} error={f.errors[k]}>
      <input
        id={`c-${k}`}
        type={type as 'text'}
        value={f.draft[k] as string}
        onInput={(e) => f.set(k, e.currentTarget.value)}
        onBlur={f.blur}
        {...invalid(`c-${k}`, f.errors[k])}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      {text('firstName', t('form.firstName'))}
      {text('lastName', t('form.lastName'))}
      {text('emails', t('form.emails'))}
      {locked.includes('phones') ? <LockedField id="c-phones" label={t('form.phones')} /> : text('phones', t('form.phones'))}
      {text('title', t('contact.title'))}
      {text('linkedinUrl', 'LinkedIn')}
      {text('tags', t('form.tags'))}
      {locked.includes('notes') ? (
        <LockedField id="c-notes" label={t('notes.title')} />
      ) : (
        <Field id="c-notes" label={t('notes.title')} error={f.errors.notes}>
          <textarea id="c-notes" rows={3} value={f.draft.notes} onInput={(e) => f.set('notes', e.currentTarget.value)} />
        </Field>
      )}
      <label class="check">
        <input type="checkbox" checked={f.draft.doNotContact} onChange={(e) => f.set('doNotContact', e.currentTarget.checked)} /> {t('consent.doNotContact')}
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function AccountForm({ account, onDone }: { account?: Account | null; onDone: () => void }) {
  const locked = lockedFieldsOf('accounts', account);
  const f = useDraft<AccountDraft>(withoutLocked(accountDraft(account), locked), (d) => validateAccount(d, lang.value));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!f.check()) return;
    const input = omitLocked(accountFromDraft(f.draft), locked);
    let createdId: string | null = null;
    const ok = await withUndo(
      async () => {
        try {
          if (account) return await updateWithUndo('accounts', account.id, input);
          const r = await insertWithUndo('accounts', input);
          createdId = r.value.id;
          return r;
        } catch (err) {
          const errs = errorsOf(err);
          if (errs) f.setErrors(errs);
          throw err;
        }
      },
      t(account ? 'form.saved' : 'account.created'),
    );
    if (ok) {
      onDone();
      if (createdId) open({ name: 'account', id: createdId });
    }
  };
  const text = (k: keyof AccountDraft, label: string, type: 'text' | 'date' = 'text') => (
    <Field id={`a-${k}`} label={label} error={f.errors[k]}>
      <input
        id={`a-${k}`}
        type={type as 'text'}
        value={f.draft[k]}
        onInput={(e) => f.set(k, e.currentTarget.value)}
        onBlur={f.blur}
        {...invalid(`a-${k}`, f.errors[k])}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate data-testid="account-form">
      {text('name', t('form.name'))}
      {text('domains', t('form.domains'))}
      {text('owner', t('account.owner'))}
      {text('industry', t('form.industry'))}
      <Field id="a-tier" label={t('account.tier')}>
        <select id="a-tier" value={f.draft.tier} onChange={(e) => f.set('tier', e.currentTarget.value)}>
          {Tier.options.map((o) => (
            <option value={o}>{t(`tier.${o}`)}</option>
          ))}
        </select>
      </Field>
      <Field id="a-stage" label={t('account.stage')}>
        <select id="a-stage" value={f.draft.lifecycleStage} onChange={(e) => f.set('lifecycleStage', e.currentTarget.value)}>
          {LifecycleStage.options.map((o) => (
            <option value={o}>{t(`stage.${o}`)}</option>
          ))}
        </select>
      </Field>
      {text('annualValue', t('account.annualValue'))}
      {text('currency', t('form.currency'))}
      {text('renewalDate', t('account.renewal'), 'date')}
      {locked.includes('notes') ? (
        <LockedField id="a-notes" label={t('notes.title')} />
      ) : (
        <Field id="a-notes" label={t('notes.title')}>
          <textarea id="a-notes" rows={3} value={f.draft.notes} onInput={(e) => f.set('notes', e.currentTarget.value)} />
        </Field>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
