/**
 * Field-wise last-writer-wins merge of record states, shared by the server and the extension.
 *
 * A state carries an explicit HLC stamp per field. Merging keeps, per field, the value with the greater stamp
 * (ties, which need the same stamp on two different values, break on the value's JSON so the result is the same
 * on every side). The merge is commutative, associative and idempotent, so replicas that have seen the same
 * writes hold the same record whatever the order they saw them in.
 *
 * Deletes are tombstones and always win: once any replica saw a delete, the record stays deleted, even against a
 * later edit (a GDPR erasure must not be undone by a device that was offline). Edits to a deleted record still
 * merge their fields, so replicas converge there too.
 */
import { BASE_KEYS } from '../../schema/common';

export interface RecordState {
  /** Creation stamp when known (null: only partial edits seen so far). */
  createdAt: string | null;
  /** Tombstone stamp (the earliest delete seen), null when alive. */
  deletedAt: string | null;
  fields: Record<string, unknown>;
  /** Stamp of every field in `fields`. */
  clock: Record<string, string>;
}

export type StoredRecord = Record<string, unknown> & {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  fieldClock?: Record<string, string>;
};

/** A change as it travels in a push: `hlc` stamps every field unless `fieldClock` names a field's own stamp. */
export interface MutationLike {
  op: 'upsert' | 'delete';
  fields: Record<string, unknown>;
  hlc: string;
  createdAt?: string | undefined;
  fieldClock?: Record<string, string> | undefined;
}

const BASE = new Set<string>(BASE_KEYS);

/**
 * The stamp of a value nobody wrote: a field's schema default, filled in where a record was received without it.
 * It is older than every real write, so any real value — even one written long ago on a device that sends it only
 * now — wins over the default, on every replica alike.
 */
export const GENESIS_STAMP = '1970-01-01T00:00:00.000Z-0000-0000';

export const emptyState = (): RecordState => ({ createdAt: null, deletedAt: null, fields: {}, clock: {} });

function minStamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** Deterministic order of two values written under the same stamp. */
function valueKey(v: unknown): string {
  return JSON.stringify(v === undefined ? null : v);
}

export function mergeStates(a: RecordState, b: RecordState): RecordState {
  const out: RecordState = {
    createdAt: minStamp(a.createdAt, b.createdAt),
    deletedAt: minStamp(a.deletedAt, b.deletedAt),
    fields: { ...a.fields },
    clock: { ...a.clock },
  };
  for (const [key, stamp] of Object.entries(b.clock)) {
    const mine = out.clock[key];
    const theirs = b.fields[key];
    if (mine === undefined || stamp > mine || (stamp === mine && valueKey(theirs) > valueKey(out.fields[key]))) {
      out.fields[key] = theirs;
      out.clock[key] = stamp;
    }
  }
  return out;
}

/** True when merging `incoming` into `base` changes nothing. */
export function isNoop(base: RecordState, merged: RecordState): boolean {
  if (base.createdAt !== merged.createdAt || base.deletedAt !== merged.deletedAt) return false;
  for (const [key, stamp] of Object.entries(merged.clock)) {
    if (base.clock[key] !== stamp || valueKey(base.fields[key]) !== valueKey(merged.fields[key])) return false;
  }
  return true;
}

/** The state of a stored record: a field absent from its fieldClock was last written at createdAt. */
export function stateFromRecord(record: Record<string, unknown>): RecordState {
  const createdAt = typeof record.createdAt === 'string' ? record.createdAt : null;
  const fieldClock = (record.fieldClock ?? {}) as Record<string, string>;
  const state: RecordState = {
    createdAt,
    deletedAt: typeof record.deletedAt === 'string' ? record.deletedAt : null,
    fields: {},
    clock: {},
  };
  for (const [key, value] of Object.entries(record)) {
    if (BASE.has(key) || key === 'searchTokens' || key === 'sortName') continue;
    const stamp = fieldClock[key] ?? createdAt;
    if (stamp === null) continue;
    state.fields[key] = value;
    state.clock[key] = stamp;
  }
  return state;
}

/** A delete may carry the record's fields with their own stamps (an erasure pushes the cleared values with it). */
export function stateFromMutation(m: MutationLike): RecordState {
  const state: RecordState = { createdAt: m.createdAt ?? null, deletedAt: m.op === 'delete' ? m.hlc : null, fields: {}, clock: {} };
  for (const [key, value] of Object.entries(m.fields)) {
    if (BASE.has(key)) continue;
    state.fields[key] = value;
    state.clock[key] = m.fieldClock?.[key] ?? m.hlc;
  }
  return state;
}

function stamps(state: RecordState): string[] {
  const all = Object.values(state.clock);
  if (state.createdAt) all.push(state.createdAt);
  if (state.deletedAt) all.push(state.deletedAt);
  return all;
}

/**
 * A creation stamp for a record whose creation no replica has reported: the earliest stamp of what it holds now
 * (defaults aside). It depends only on the merged state, so every replica that holds the same state derives the same.
 */
export function derivedCreatedAt(state: RecordState): string {
  const all = Object.values(state.clock).filter((s) => s !== GENESIS_STAMP);
  if (state.deletedAt) all.push(state.deletedAt);
  return all.reduce((a, b) => (b < a ? b : a), all[0] ?? GENESIS_STAMP);
}

/** The latest stamp in the state (its updatedAt). */
export function latestStamp(state: RecordState): string {
  return stamps(state).reduce((a, b) => (b > a ? b : a), '');
}

/**
 * A stored record from a state: createdAt is the creation stamp, or when none is known the earliest stamp of its
 * fields (derivedCreatedAt), and fieldClock lists only the fields whose stamp differs from createdAt (the schema's
 * convention).
 */
export function recordFromState(id: string, state: RecordState): StoredRecord {
  const createdAt = state.createdAt ?? derivedCreatedAt(state);
  const fieldClock: Record<string, string> = {};
  for (const [key, stamp] of Object.entries(state.clock)) if (stamp !== createdAt) fieldClock[key] = stamp;
  const record: StoredRecord = {
    ...state.fields,
    id,
    createdAt,
    updatedAt: latestStamp(state),
    deletedAt: state.deletedAt,
  };
  if (Object.keys(fieldClock).length > 0) record.fieldClock = fieldClock;
  return record;
}
