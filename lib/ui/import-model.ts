import { signal, computed } from '@preact/signals';
import type { FromWorker, ToWorker } from '../import/worker-protocol';
import { TARGETS, IMPORT_ENTITIES, type ImportEntity, type Mapping, type Target } from '../import/presets';
import type { ImportPlan, RowIssue } from '../import/plan';
import { runImport, type ImportSummary } from '../import/commit';
import { ImportFileError } from '../import/decode';
import { saveImportPreset } from '../db/import-presets';
import type { MessageKey } from '../i18n';

/** The import screen's state machine; the heavy parse and dry run happen in the worker behind `port`. */
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

/** Invalid rows sorted by line, for the scrollable list of the dry run. */
export function sortedIssues(issues: RowIssue[]): RowIssue[] {
  return [...issues].sort((a, b) => a.line - b.line);
}

export function createImportSession(makePort: () => WorkerPort) {
  const step = signal<ImportStep>('idle');
  const progress = signal<Progress | null>(null);
  const analyzed = signal<Analyzed | null>(null);
  const fileName = signal<string>('');
  const entity = signal<ImportEntity>('contacts');
  const presetId = signal<string | undefined>(undefined);
  const mapping = signal<Mapping>({});
  const plan = signal<ImportPlan | null>(null);
  const result = signal<ImportSummary | null>(null);
  const error = signal<ImportError | null>(null);
  const busy = computed(() => step.value === 'analyzing' || step.value === 'planning' || step.value === 'importing');

  let port: WorkerPort | null = null;
  let waiter: { resolve: (m: FromWorker) => void } | null = null;
  let abort: AbortController | null = null;

  function ensurePort(): WorkerPort {
    if (port) return port;
    port = makePort();
    port.onMessage((m) => {
      if (m.type === 'progress') {
        progress.value = { phase: m.phase, fraction: m.done };
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
    progress.value = null;
    step.value = 'analyzed';
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
    const m = await ask({ type: 'plan', presetId: presetId.value, mapping: mapping.value, currency });
    if (m.type === 'error') return fail({ code: m.code, message: m.message }, 'analyzed');
    if (m.type !== 'plan') return fail({ code: 'error', message: `unexpected ${m.type}` }, 'analyzed');
    plan.value = m.plan;
    progress.value = null;
    step.value = 'planned';
  }

  /** All or nothing: runImport writes in one transaction; Cancel aborts it and nothing is kept. */
  async function commit(): Promise<void> {
    const p = plan.value;
    if (!p) return;
    error.value = null;
    abort = new AbortController();
    step.value = 'importing';
    progress.value = { phase: 'write', fraction: 0, written: 0 };
    try {
      result.value = await runImport(p, {
        signal: abort.signal,
        // Small chunks keep each main-thread slice (validate + bulkAdd) short; the transaction stays one.
        chunkSize: 250,
        onProgress: (written, total) => (progress.value = { phase: 'write', fraction: total ? written / total : 1, written, total }),
      });
      progress.value = null;
      step.value = 'done';
    } catch (e) {
      const code = e instanceof ImportFileError ? e.code : 'error';
      fail({ code, message: e instanceof Error ? e.message : String(e) }, 'planned');
    } finally {
      abort = null;
    }
  }

  function cancel(): void {
    if (step.value === 'importing') abort?.abort();
    else if (busy.value) port?.post({ type: 'cancel' });
  }

  async function savePreset(name: string) {
    return saveImportPreset({ name, target: entity.value, mapping: mapping.value });
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

  function dispose(): void {
    port?.terminate();
    port = null;
  }

  return {
    step, progress, analyzed, fileName, entity, presetId, mapping, plan, result, error, busy,
    analyze, setEntity, setColumn, dryRun, commit, cancel, savePreset, reset, dispose,
  };
}
export type ImportSession = ReturnType<typeof createImportSession>;
