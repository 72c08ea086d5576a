import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import fr from 'zod/v4/locales/fr.js';
import { AccountInput, ContactInput, SurveyResponseInput, TaskInput, ValidationError, type Account, type Contact } from '../../schema';
import type { Lang } from '../../i18n';

let configured: Lang | null = null;
/** zod's own messages in the UI language (custom schema messages stay as written). */
export function useZodLocale(l: Lang): void {
  if (configured === l) return;
  z.config(l === 'fr' ? fr() : en());
  configured = l;
}

export type FieldErrors = Record<string, string>;

/** Issues keyed by their top-level field ("emails.1" → "emails"); the first issue of a field wins. */
export function errorsByField(issues: { path: string | (string | number | symbol)[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = Array.isArray(i.path) ? i.path.map(String).join('.') : i.path;
    const field = path.split('.')[0] || '_';
    out[field] ??= i.message;
  }
  return out;
}

/** Validation issues by their whole path ("name", "steps.1.delayDays"): an item's error shows beside that item. */
export function issuesByPath(e: unknown): FieldErrors | null {
  if (!(e instanceof ValidationError)) return null;
  const out: FieldErrors = {};
  for (const i of e.issues) {
    const path = Array.isArray(i.path) ? i.path.map(String).join('.') : String(i.path);
    out[path || '_'] ??= i.message;
  }
  return out;
}

export function errorsOf(e: unknown): FieldErrors | null {
  return e instanceof ValidationError ? errorsByField(e.issues) : null;
}

const list = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export interface ContactDraft {
  firstName: string;
  lastName: string;
  emails: string;
  phones: string;
  title: string;
  accountId: string;
  linkedinUrl: string;
  tags: string;
  notes: string;
  doNotContact: boolean;
}

export function contactDraft(c?: Contact | null, accountId?: string | null): ContactDraft {
  return {
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    emails: c?.emails.join(', ') ?? '',
    phones: c?.phones.join(', ') ?? '',
    title: c?.title ?? '',
    accountId: c?.accountId ?? accountId ?? '',
    linkedinUrl: c?.linkedinUrl ?? '',
    tags: c?.tags.join(', ') ?? '',
    notes: c?.notes ?? '',
    doNotContact: c?.doNotContact ?? false,
  };
}

export function contactFromDraft(d: ContactDraft) {
  return {
    firstName: d.firstName.trim(),
    lastName: d.lastName.trim(),
    emails: list(d.emails),
    phones: list(d.phones),
    title: orNull(d.title),
    accountId: orNull(d.accountId),
    linkedinUrl: orNull(d.linkedinUrl),
    tags: list(d.tags),
    notes: orNull(d.notes),
    doNotContact: d.doNotContact,
  };
}

/** Field errors of a contact draft, in the UI language; empty when it is valid. */
export function validateContact(d: ContactDraft, l: Lang): FieldErrors {
  useZodLocale(l);
  const input = contactFromDraft(d);
  const r = ContactInput.safeParse(input);
  const errors = r.success ? {} : errorsByField(r.error.issues);
  if (!input.firstName && !input.lastName && input.emails.length === 0)
    errors.lastName ??= l === 'fr' ? 'Un contact a besoin d’un nom ou d’un e-mail' : 'A contact needs a name or an email';
  return errors;
}

export interface AccountDraft {
  name: string;
  domains: string;
  owner: string;
  industry: string;
  tier: string;
  lifecycleStage: string;
  currency: string;
  annualValue: string;
  renewalDate: string;
  notes: string;
}

export function accountDraft(a?: Account | null): AccountDraft {
  return {
    name: a?.name ?? '',
    domains: a?.domains.join(', ') ?? '',
    owner: a?.owner ?? '',
    industry: a?.industry ?? '',
    tier: a?.tier ?? 'standard',
    lifecycleStage: a?.lifecycleStage ?? 'active',
    currency: a?.currency ?? 'EUR',
    annualValue: a?.annualValue == null ? '' : String(a.annualValue),
    renewalDate: a?.renewalDate ?? '',
    notes: a?.notes ?? '',
  };
}

export function accountFromDraft(d: AccountDraft) {
  const value = d.annualValue.trim().replace(/\s/g, '').replace(',', '.');
  return {
    name: d.name.trim(),
    domains: list(d.domains).map((x) => x.toLowerCase()),
    owner: orNull(d.owner),
    industry: orNull(d.industry),
    tier: d.tier as Account['tier'],
    lifecycleStage: d.lifecycleStage as Account['lifecycleStage'],
    currency: d.currency.trim().toUpperCase(),
    annualValue: value === '' ? null : Number(value),
    renewalDate: orNull(d.renewalDate),
    notes: orNull(d.notes),
  };
}

export function validateAccount(d: AccountDraft, l: Lang): FieldErrors {
  useZodLocale(l);
  const r = AccountInput.safeParse(accountFromDraft(d));
  return r.success ? {} : errorsByField(r.error.issues);
}

export function validateSurvey(input: unknown, l: Lang): FieldErrors {
  useZodLocale(l);
  const r = SurveyResponseInput.safeParse(input);
  return r.success ? {} : errorsByField(r.error.issues);
}

export function validateTask(input: unknown, l: Lang): FieldErrors {
  useZodLocale(l);
  const r = TaskInput.safeParse(input);
  return r.success ? {} : errorsByField(r.error.issues);
}
