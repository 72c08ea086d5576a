/**
 * The Templates screen: the list by category, the editor of one template (its variants in French and English), a
 * preview with a real contact's values and what is missing, the A/B results, and the writing settings.
 */
import { computed, effect, signal } from '@preact/signals';
import type { Template, TemplateCategory, TemplateLang, TemplateVariant } from '../../schema/template';
import { TemplateInput } from '../../schema/template';
import type { Contact } from '../../schema';
import { searchContacts } from '../../db';
import { renderMessage, type RenderedMessage } from '../../engage/render';
import { contentFor } from '../../engage/template';
import { localeForLang } from '../../i18n/format';
import { DEFAULT_ENGAGE_SETTINGS, getEngageSettings, saveEngageSettings, watchEngageSettings, type EngageSettings } from '../../storage/engage';
import { liveSignal, type LiveSignal } from '../live';
import { templateRows, templateResults, type TemplateResults, type UseRow } from '../queries/templates';
import { loadRecipient, type Recipient } from '../queries/merge-values';
import * as cmd from '../commands/templates';

export interface TemplatesDeps {
  uiLang: () => TemplateLang;
  /** The contact on the page the user is on, the first preview recipient. */
  pageContactId: () => string | null;
  newTemplateName: () => string;
  now?: () => Date;
}

export interface Draft {
  /** The template this draft edits. */
  id: string;
  name: string;
  category: TemplateCategory;
  variants: TemplateVariant[];
}

const draftOf = (t: Template): Draft => ({ id: t.id, name: t.name, category: t.category, variants: structuredClone(t.variants) });

export function createTemplatesModel(deps: TemplatesDeps) {
  const now = () => deps.now?.() ?? new Date();
  const rows = liveSignal(
    () => null,
    () => templateRows(),
  );
  const seeded = cmd.ensureStarters(deps.uiLang(), now()).catch(() => 0);
  const category = signal<TemplateCategory | null>(null);
  const selectedId = signal<string | null>(null);
  const draft = signal<Draft | null>(null);
  /** The user changed the draft since it was loaded: a change from elsewhere (sync) does not overwrite it. */
  const edited = signal(false);
  const variantId = signal<string | null>(null);
  const editLang = signal<TemplateLang>(deps.uiLang());
  const saveError = signal<string | null>(null);
  const confirmDelete = signal<string | null>(null);
  const confirmStop = signal<string | null>(null);
  const confirmRemoveUse = signal<UseRow | null>(null);
  const settings = signal<EngageSettings>(DEFAULT_ENGAGE_SETTINGS);
  const previewContact = signal<Contact | null>(null);
  const recipient = signal<Recipient | null>(null);
  const contactResults = signal<Contact[]>([]);
  const results = signal<TemplateResults | null>(null);

  void getEngageSettings().then((s) => (settings.value = s));
  const unwatch = watchEngageSettings((s) => (settings.value = s));

  const visible = computed(() => (rows.value.value ?? []).filter((r) => !category.value || r.template.category === category.value));
  const selected = computed(() => (rows.value.value ?? []).find((r) => r.template.id === selectedId.value)?.template ?? null);
  const dirty = computed(() => {
    const t = selected.value;
    const d = draft.value;
    return edited.value && !!t && !!d && JSON.stringify(draftOf(t)) !== JSON.stringify(d);
  });
  const currentVariant = computed(() => {
    const d = draft.value;
    if (!d) return null;
    return d.variants.find((v) => v.id === variantId.value) ?? d.variants.find((v) => v.active) ?? d.variants[0] ?? null;
  });

  // The draft follows the selected template until the user edits it; a change from elsewhere (sync) reloads an unedited draft.
  const stopDraft = effect(() => {
    const t = selected.value;
    if (!t) {
      draft.value = null;
      return;
    }
    if (!edited.peek() || draft.peek()?.id !== t.id) {
      draft.value = draftOf(t);
      edited.value = false;
    }
  });
  const reload = (t: Template) => {
    edited.value = false;
    draft.value = draftOf(t);
  };
  const change = (d: Draft) => {
    edited.value = true;
    draft.value = d;
  };

  // Results of the selected template, live.
  let live: LiveSignal<TemplateResults | null> | null = null;
  let stopLive: (() => void) | null = null;
  const stopResults = effect(() => {
    const id = selectedId.value;
    const windowDays = settings.value.replyWindowDays;
    stopLive?.();
    live?.dispose();
    live = null;
    results.value = null;
    if (!id) return;
    const l = liveSignal(
      () => null,
      () => templateResults(id, windowDays),
    );
    live = l;
    stopLive = effect(() => {
      const r = l.value.value ?? null;
      results.value = r;
      if (r && r.unrecorded.length) void cmd.recordReplies(r.unrecorded);
    });
  });

  // The preview's recipient: the page's contact until the user picks another.
  void (async () => {
    const id = deps.pageContactId();
    if (id) await pickContactId(id);
  })();
  async function pickContactId(id: string) {
    const r = await loadRecipient(id, settings.peek());
    recipient.value = r;
    previewContact.value = r?.contact ?? null;
  }
  const stopSender = effect(() => {
    const s = settings.value;
    const c = previewContact.peek();
    if (c) void loadRecipient(c.id, s).then((r) => (recipient.value = r));
  });

  const preview = computed<(RenderedMessage & { lang: TemplateLang; fellBack: boolean }) | null>(() => {
    const v = currentVariant.value;
    if (!v) return null;
    const { lang, content, fellBack } = contentFor(v, editLang.value);
    const facts = recipient.value?.facts ?? { myName: settings.value.myName, signature: settings.value.signature };
    return { ...renderMessage(content, facts, { locale: localeForLang(lang), now: now() }), lang, fellBack };
  });

  function editVariant(id: string, lang: TemplateLang, part: 'subject' | 'body', text: string) {
    const d = draft.value;
    if (!d) return;
    change({ ...d, variants: d.variants.map((v) => (v.id === id ? { ...v, [lang]: { ...v[lang], [part]: text } } : v)) });
  }

  async function save(): Promise<boolean> {
    const t = selected.value;
    const d = draft.value;
    if (!t || !d) return false;
    const { id: _id, ...fields } = d;
    const check = TemplateInput.safeParse({ ...fields, abTest: t.abTest, starterKey: t.starterKey });
    if (!check.success) {
      saveError.value = check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return false;
    }
    saveError.value = null;
    reload(await cmd.saveTemplate(t.id, { name: check.data.name, category: check.data.category, variants: check.data.variants }));
    return true;
  }

  return {
    rows: rows.value,
    ready: seeded,
    visible,
    category,
    selectedId,
    selected,
    draft,
    dirty,
    currentVariant,
    editLang,
    saveError,
    preview,
    recipient,
    previewContact,
    contactResults,
    results,
    settings,
    confirmDelete,
    confirmStop,
    confirmRemoveUse,
    setCategory: (c: TemplateCategory | null) => (category.value = c),
    select(id: string | null) {
      edited.value = false;
      selectedId.value = id;
      variantId.value = null;
      saveError.value = null;
    },
    selectVariant: (id: string) => (variantId.value = id),
    setEditLang: (l: TemplateLang) => (editLang.value = l),
    rename: (name: string) => draft.value && change({ ...draft.value, name }),
    recategorize: (c: TemplateCategory) => draft.value && change({ ...draft.value, category: c }),
    editVariant,
    save,
    revert: () => {
      const t = selected.value;
      if (t) reload(t);
    },
    async create(c: TemplateCategory) {
      const t = await cmd.createTemplate(cmd.blankTemplate(c, deps.newTemplateName()));
      selectedId.value = t.id;
      return t;
    },
    async addVariant() {
      const t = selected.value;
      if (!t) return;
      if (dirty.value && !(await save())) return;
      const next = await cmd.addVariant(t.id, now());
      variantId.value = next.variants[next.variants.length - 1]!.id;
      reload(next);
    },
    async removeVariant(id: string) {
      const t = selected.value;
      if (!t) return;
      if (dirty.value && !(await save())) return;
      reload(await cmd.removeVariant(t.id, id, now()));
      variantId.value = null;
    },
    async deleteConfirmed() {
      const id = confirmDelete.value;
      confirmDelete.value = null;
      if (!id) return;
      await cmd.deleteTemplate(id);
      if (selectedId.value === id) selectedId.value = null;
    },
    async stopConfirmed() {
      const keep = confirmStop.value;
      const t = selected.value;
      confirmStop.value = null;
      if (!keep || !t) return;
      reload(await cmd.stopTest(t.id, keep, now()));
    },
    logReply: (row: UseRow, subject: string) => cmd.logReplyTo(row.use, subject, now()),
    async removeUseConfirmed() {
      const row = confirmRemoveUse.value;
      confirmRemoveUse.value = null;
      if (row) await cmd.removeUse(row.use.id);
    },
    async searchContacts(q: string) {
      contactResults.value = q.trim().length >= 2 ? await searchContacts(q, 6) : [];
    },
    async previewFor(c: Contact) {
      contactResults.value = [];
      await pickContactId(c.id);
    },
    saveSettings: async (patch: Partial<EngageSettings>) => (settings.value = await saveEngageSettings(patch)),
    dispose() {
      stopDraft();
      stopResults();
      stopLive?.();
      live?.dispose();
      stopSender();
      unwatch();
      rows.dispose();
    },
  };
}
export type TemplatesModel = ReturnType<typeof createTemplatesModel>;
