/**
 * "Write with a template" for one contact (the 360° view's button): choose a template, see it with the contact's
 * real values and what is missing, insert it into the compose the user has open.
 */
import { computed, effect, signal } from '@preact/signals';
import type { TemplateCategory, TemplateLang } from '../../schema/template';
import { getEngageSettings, type EngageSettings } from '../../storage/engage';
import { liveSignal } from '../live';
import { templateRows } from '../queries/templates';
import { ensureStarters } from '../commands/templates';
import {
  deliver,
  prepareMessage,
  recordUse,
  DeliveryBlockedError,
  type DeliverDeps,
  type Delivery,
  type PreparedMessage,
  type TargetTab,
} from '../commands/insert-template';

export interface PickerDeps {
  contactId: string;
  uiLang: () => TemplateLang;
  tab: () => TargetTab;
  deliverDeps: DeliverDeps;
  now?: () => Date;
  /** Start on this category (a next-best-action's). */
  category?: TemplateCategory | null;
  /** The writing settings; default the stored ones. */
  settings?: () => Promise<EngageSettings>;
}

export function createTemplatePickerModel(deps: PickerDeps) {
  const now = () => deps.now?.() ?? new Date();
  const readSettings = deps.settings ?? getEngageSettings;
  const rows = liveSignal(
    () => null,
    () => templateRows(),
  );
  const category = signal<TemplateCategory | null>(deps.category ?? null);
  const selectedId = signal<string | null>(null);
  const lang = signal<TemplateLang | null>(null);
  const prepared = signal<PreparedMessage | null>(null);
  const preparing = signal(false);
  const busy = signal(false);
  const delivery = signal<Delivery | null>(null);
  const error = signal<'do_not_contact' | 'empty' | 'failed' | null>(null);
  const seeded = ensureStarters(deps.uiLang(), now()).catch(() => 0);

  const visible = computed(() => (rows.value.value ?? []).filter((r) => r.languages.length > 0 && (!category.value || r.template.category === category.value)));
  // The first template shown is selected until the user picks one.
  const current = computed(() => selectedId.value ?? visible.value[0]?.template.id ?? null);

  let generation = 0;
  let requested = '';
  const stopPrepare = effect(() => {
    const id = current.value;
    const l = lang.value;
    void rows.value.value; // re-render when any template changes (an edit elsewhere, sync)
    const mine = ++generation;
    // Another template or language: the last preview is not this one's, so it goes rather than show the wrong text
    // until the new one is ready (a change of the same template, from an edit or sync, keeps it meanwhile).
    const key = `${id}|${l}`;
    if (key !== requested) prepared.value = null;
    requested = key;
    if (!id) return;
    preparing.value = true;
    void (async () => {
      await seeded;
      const settings = await readSettings();
      const p = await prepareMessage(id, deps.contactId, { sender: settings, uiLang: deps.uiLang(), lang: l ?? undefined, now: now() });
      if (mine !== generation) return;
      prepared.value = p;
      preparing.value = false;
    })().catch(() => {
      if (mine === generation) preparing.value = false;
    });
  });

  async function insert(): Promise<Delivery | null> {
    const p = prepared.value;
    if (!p || busy.value) return null;
    busy.value = true;
    error.value = null;
    delivery.value = null;
    try {
      const tab = deps.tab();
      const settings = await readSettings();
      const d = await deliver(p, tab, settings.composeTarget, deps.deliverDeps);
      delivery.value = d;
      await recordUse(p, d, tab, { now: now() });
      return d;
    } catch (e) {
      error.value = e instanceof DeliveryBlockedError ? e.reason : 'failed';
      return null;
    } finally {
      busy.value = false;
    }
  }

  return {
    rows: rows.value,
    visible,
    category,
    current,
    lang,
    prepared,
    preparing,
    busy,
    delivery,
    error,
    ready: seeded,
    select: (id: string) => {
      selectedId.value = id;
      delivery.value = null;
    },
    setCategory: (c: TemplateCategory | null) => {
      category.value = c;
      selectedId.value = null;
    },
    setLang: (l: TemplateLang | null) => (lang.value = l),
    insert,
    dispose() {
      stopPrepare();
      rows.dispose();
      generation++;
    },
  };
}
export type TemplatePickerModel = ReturnType<typeof createTemplatePickerModel>;
