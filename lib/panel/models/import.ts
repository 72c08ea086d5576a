import { signal, computed } from '@preact/signals';
import type { FromWorker, ToWorker } from '../../import/worker-protocol';
import { TARGETS, IMPORT_ENTITIES, type ImportEntity, type Mapping, type Target } from '../../import/presets';
import type { ImportSummary } from '../../import/commit';
import type { DryRun } from '../../import/dry-run';
import { saveImportPreset } from '../../db/import-presets';
import type { MessageKey } from '../../i18n';

/**
 * The import screen's state machine. Everything heavy happens in the worker behind `port`: parse, dry run and
 * the writes; this side holds only the dry run's summary and the progress.
 */
export type ImportStep = 'idle' | 'analyzing' | 'analyzed' | 'planning' | 'planned' | 'importing' | 'done';
export type Analyzed = Extract<FromWorker, { type: 'analyzed' }>;

export interface WorkerPort {
  post(m: ToWorker, transfer?: Transferable[]): void;
  onMessage(cb: (m: FromWorker) => void): void;
  terminate(): void;
}

export interface ImportError {
  code: string;
  message: string;
}

export interface Progress {
  phase: 'parse' | 'plan' | 'write';
  /** 0..1 */
  fraction: number;
  written?: number;
  total?: number;
}

/** Message key for an ImportFileError code (or anything else thrown on the way). */
export function errorKey(code: string): MessageKey {
  switch (code) {
    case 'empty':
    case 'binary':
    case 'no_header':
    case 'malformed':
    case 'too_large':
    case 'aborted':
      return `import.error.${code}`;
    default:
      return 'import.error.other';
  }
}

/** Each column of the file with the field it feeds ('' when ignored) and the fields it could feed. */
export function mappingRows(header: string[], mapping: Mapping, entity: ImportEntity): { column: string; target: Target | ''; choices: readonly Target[] }[] {
  return header.map((column) => ({ column, target: mapping[column] ?? '', choices: TARGETS[entity] }));
}

/** Sets or clears (target '') one column's field, keeping the rest. */
export function withColumn(mapping: Mapping, column: string, target: Target | ''): Mapping {
  const next = { ...mapping };
  if (target === '') delete next[column];
  else next[column] = target;
  return next;
}

export function isImportEntity(v: string): v is ImportEntity {
  return (IMPORT_ENTITIES as readonly string[]).includes(v);
}

export interface ImportModelOptions {
  /** Campaign reports: the client to import for, unless the file names another (e.g. opened from an account). */
  accountId?: string;
}

/**
 * The import screens (contacts, companies… and campaign reports): a file analysed, mapped, dry-run and committed in
 * the import worker, with the progress, the error and the preset being named.
 */
export function createImportModel(makePort: () => WorkerPort, sessionOpts: ImportModelOptions = {}) {
  const step = signal<ImportStep>('idle');
  const progress = signal<Progress | null>(null);
  const analyzed = signal<Analyzed | null>(null);
  const fileName = signal<string>('');
  const entity = signal<ImportEntity>('contacts');
  const presetId = signal<string | undefined>(undefined);
  const mapping = signal<Mapping>({});
  const plan = signal<DryRun | null>(null);
  const result = signal<ImportSummary | null>(null);
  const error = signal<ImportError | null>(null);
  /** Campaign reports: the client the figures go to ('' = the accounts the file names). */
  const accountId = signal<string>(sessionOpts.accountId ?? '');
  /** The name the user is typing to save this mapping as a preset, and the last preset saved. */
  const presetName = signal('');
  const savedPreset = signal<string | null>(null);
  const busy = computed(() => step.value === 'analyzing' || step.value === 'planning' || step.value === 'importing');

  let port: WorkerPort | null = null;
  let waiter: { resolve: (m: FromWorker) => void } | null = null;
  let disposed = false;

  function ensurePort(): WorkerPort {
    if (port) return port;
    port = makePort();
    port.onMessage((m) => {
      if (m.type === 'progress') {
        progress.value = { phase: m.phase, fraction: m.done, written: m.written, total: m.total };
        return;
      }
      const w = waiter;
      waiter = null;
      w?.resolve(m);
    });
    return port;
  }

  function ask(m: ToWorker, transfer?: Transferable[]): Promise<FromWorker> {
    const p = ensurePort();
    return new Promise((resolve) => {
      waiter = { resolve };
      p.post(m, transfer);
    });
  }

  function fail(e: ImportError, back: ImportStep) {
    error.value = e;
    progress.value = null;
    step.value = back;
  }

  async function analyze(name: string, bytes: ArrayBuffer): Promise<void> {
    reset();
    fileName.value = name;
    step.value = 'analyzing';
    progress.value = { phase: 'parse', fraction: 0 };
    const m = await ask({ type: 'analyze', bytes }, [bytes]);
    if (m.type === 'error') return fail({ code: m.code, message: m.message }, 'idle');
    if (m.type !== 'analyzed') return fail({ code: 'error', message: `unexpected ${m.type}` }, 'idle');
    analyzed.value = m;
    entity.value = isImportEntity(m.preset.entity) ? m.preset.entity : 'contacts';
    presetId.value = m.preset.id;
    mapping.value = m.mapping;
    accountId.value = sessionOpts.accountId ?? m.campaign?.suggestedAccountId ?? '';
    progress.value = null;
    step.value = 'analyzed';
  }

  /** The client of a campaign report; the dry run is done again with it. */
  function setAccount(id: string): void {
    accountId.value = id;
    plan.value = null;
    if (step.value === 'planned') step.value = 'analyzed';
  }

  /** Another kind of file: the generic preset of that kind, its mapping left for the user to choose. */
  function setEntity(e: ImportEntity): void {
    entity.value = e;
    presetId.value = `generic-${e}`;
    const allowed = new Set<string>(TARGETS[e]);
    mapping.value = Object.fromEntries(Object.entries(mapping.value).filter(([, t]) => allowed.has(t)));
    plan.value = null;
    if (step.value === 'planned') step.value = 'analyzed';
  }

  function setColumn(column: string, target: Target | ''): void {
    mapping.value = withColumn(mapping.value, column, target);
    plan.value = null;
    if (step.value === 'planned') step.value = 'analyzed';
  }

  async function dryRun(currency?: string): Promise<void> {
    error.value = null;
    step.value = 'planning';
    progress.value = { phase: 'plan', fraction: 0 };
    const m = await ask({
      type: 'plan',
      presetId: presetId.value,
      mapping: mapping.value,
      currency,
      accountId: entity.value === 'campaigns' && accountId.value ? accountId.value : undefined,
    });
    if (m.type === 'error') return fail({ code: m.code, message: m.message }, 'analyzed');
    if (m.type !== 'planned') return fail({ code: 'error', message: `unexpected ${m.type}` }, 'analyzed');
    plan.value = m.dryRun;
    progress.value = null;
    step.value = 'planned';
  }

  /** All or nothing: the worker writes the plan in one transaction; Cancel aborts it and nothing is kept. */
  async function commit(): Promise<void> {
    if (!plan.value) return;
    error.value = null;
    step.value = 'importing';
    progress.value = { phase: 'write', fraction: 0, written: 0 };
    const m = await ask({ type: 'commit' });
    if (disposed) {
      port?.terminate();
      port = null;
    }
    if (m.type === 'error') return fail({ code: m.code, message: m.message }, 'planned');
    if (m.type !== 'done') return fail({ code: 'error', message: `unexpected ${m.type}` }, 'planned');
    result.value = m.result;
    progress.value = null;
    step.value = 'done';
  }

  function cancel(): void {
    if (busy.value) port?.post({ type: 'cancel' });
  }

  /** Saves the current mapping as a preset under presetName (or the name given). */
  async function savePreset(name = presetName.value.trim()) {
    const saved = await saveImportPreset({ name, target: entity.value, mapping: mapping.value });
    savedPreset.value = saved.name;
    return saved;
  }

  function reset(): void {
    analyzed.value = null;
    plan.value = null;
    result.value = null;
    error.value = null;
    progress.value = null;
    mapping.value = {};
    presetId.value = undefined;
    step.value = 'idle';
  }

  /** Ends the worker; an import under way finishes first (ending the worker mid-write would abort it). */
  function dispose(): void {
    disposed = true;
    if (step.value === 'importing') return;
    port?.terminate();
    port = null;
  }

  return {
    step,
    progress,
    analyzed,
    fileName,
    entity,
    presetId,
    mapping,
    plan,
    result,
    error,
    busy,
    accountId,
    presetName,
    savedPreset,
    analyze,
    setEntity,
    setColumn,
    setAccount,
    dryRun,
    commit,
    cancel,
    savePreset,
    reset,
    dispose,
    setPresetName: (name: string) => {
      presetName.value = name;
    },
  };
}
export type ImportModel = ReturnType<typeof createImportModel>;
