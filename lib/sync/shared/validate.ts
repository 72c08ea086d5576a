import * as z from 'zod/mini';
import { ENTITIES, ENTITY_NAMES, BASE_KEYS, type EntityName } from '../../schema';
import { unstorablePath } from '../../schema/text';
import { isTooFarAhead, MAX_CLOCK_SKEW_MS } from '../../clock/hlc';
import { Mutation } from './protocol';
import { GENESIS_STAMP } from './merge';

/**
 * What both ends of sync check: each pushed mutation (on the server, and on the device before it sends), and each
 * pulled record (on the device). Values are kept as the entity schema parses them — defaults applied, e-mails
 * lower-cased, tags trimmed, text cleaned, unknown fields dropped — never as they came.
 */

export interface FieldIssue {
  path: string;
  message: string;
  /** `clock_ahead`: a stamp beyond the allowed skew (the sender's clock is probably wrong). */
  code?: 'invalid' | 'clock_ahead';
}

type Parser = z.ZodMiniType;

const SHAPES = Object.fromEntries(ENTITY_NAMES.map((n) => [n, (ENTITIES[n].record as unknown as { shape: Record<string, Parser> }).shape])) as Record<
  EntityName,
  Record<string, Parser>
>;

/**
 * Each entity's record without its cross-field rules: two valid concurrent edits can merge into a record that
 * breaks one (a contact whose name and e-mail were cleared on two devices), and refusing the merge would keep
 * replicas apart. Used to materialise pulled records.
 */
const LOOSE = Object.fromEntries(ENTITY_NAMES.map((n) => [n, z.object(SHAPES[n])])) as unknown as Record<EntityName, Parser>;

const BASE = new Set<string>(BASE_KEYS);

export function isEntityName(name: unknown): name is EntityName {
  return typeof name === 'string' && Object.hasOwn(SHAPES, name);
}

/** Whether `key` is a data field of the entity (own keys only: `constructor` or `__proto__` are not fields). */
export function isEntityField(entity: EntityName, key: string): boolean {
  return Object.hasOwn(SHAPES[entity], key) && !BASE.has(key);
}

const issueList = (prefix: string, issues: readonly { path: PropertyKey[]; message: string }[]): FieldIssue[] =>
  issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));

export interface ParsedFields {
  fields: Record<string, unknown>;
  issues: FieldIssue[];
  /** Keys that are not fields of the entity (left out). */
  dropped: string[];
}

/**
 * Parses each given field with the entity schema's own field schema and keeps the parsed value. Changes may carry
 * only the fields that changed, so only those are parsed; unknown keys are left out (a newer client's field is
 * not an error). The result has a null prototype so no key can reach Object.prototype.
 */
export function parseFields(entity: EntityName, fields: Record<string, unknown>): ParsedFields {
  const shape = SHAPES[entity];
  const out: ParsedFields = { fields: Object.create(null) as Record<string, unknown>, issues: [], dropped: [] };
  for (const key of Object.keys(fields)) {
    if (!isEntityField(entity, key)) {
      out.dropped.push(key);
      continue;
    }
    const r = shape[key]!.safeParse(fields[key]);
    if (!r.success) {
      out.issues.push(...issueList(key, r.error.issues));
      continue;
    }
    const bad = unstorablePath(r.data);
    if (bad !== null) out.issues.push({ path: bad ? `${key}.${bad}` : key, message: 'contains text that cannot be stored' });
    else out.fields[key] = r.data;
  }
  return out;
}

export type ParsedMutation = { ok: true; mutation: Mutation } | { ok: false; issues: FieldIssue[] };

const aheadMessage = `is more than ${MAX_CLOCK_SKEW_MS / 3_600_000} h ahead of the server's clock (check this device's date and time)`;

/**
 * A pushed mutation as it will be stored: the envelope checked (strict stamps), fields parsed, stamps of unknown
 * fields left out, and no stamp further ahead of `nowMs` than the allowed skew.
 */
export function parseMutation(raw: unknown, nowMs: number): ParsedMutation {
  const envelope = Mutation.safeParse(raw);
  if (!envelope.success) return { ok: false, issues: issueList('', envelope.error.issues) };
  const m = envelope.data;
  const parsed = parseFields(m.entity, m.fields);
  const issues = parsed.issues.map((i) => ({ ...i, path: `fields.${i.path}` }));
  const stamps: [string, string][] = [['hlc', m.hlc]];
  if (m.createdAt) stamps.push(['createdAt', m.createdAt]);
  let fieldClock: Record<string, string> | undefined;
  if (m.fieldClock) {
    fieldClock = {};
    for (const [key, stamp] of Object.entries(m.fieldClock)) {
      if (!Object.hasOwn(parsed.fields, key)) continue;
      fieldClock[key] = stamp;
      stamps.push([`fieldClock.${key}`, stamp]);
    }
  }
  for (const [path, stamp] of stamps) {
    if (isTooFarAhead(stamp, nowMs)) issues.push({ path, message: `stamp ${stamp} ${aheadMessage}`, code: 'clock_ahead' });
  }
  if (issues.length) return { ok: false, issues };
  const mutation: Mutation = { ...m, fields: { ...parsed.fields } };
  if (fieldClock) mutation.fieldClock = fieldClock;
  else delete mutation.fieldClock;
  return { ok: true, mutation };
}

export type Materialized =
  | { ok: true; record: Record<string, unknown> }
  /** `missing`: only required fields absent (the server holds part of the record so far), no invalid value. */
  | { ok: false; reason: string; missing: boolean };

/**
 * A whole record from merged fields, as this device stores it: parsed with the entity schema (defaults for the
 * fields never written, normalised values), cross-field rules aside. A record that misses a required field or
 * holds an invalid value cannot be shown: the reason says why.
 */
export function materialize(entity: EntityName, received: Record<string, unknown>): Materialized {
  // Fields never received get their default, stamped as written by nobody (GENESIS_STAMP): a real value wins.
  let candidate = received;
  for (const key of Object.keys(SHAPES[entity])) {
    if (BASE.has(key) || Object.hasOwn(received, key)) continue;
    if (candidate === received) candidate = { ...received, fieldClock: { ...(received.fieldClock as Record<string, string> | undefined) } };
    (candidate.fieldClock as Record<string, string>)[key] = GENESIS_STAMP;
  }
  const r = LOOSE[entity].safeParse(candidate);
  if (!r.success) {
    const issues = issueList('', r.error.issues);
    const missing = r.error.issues.every((i) => i.path.length === 1 && received[String(i.path[0])] === undefined);
    return {
      ok: false,
      reason: issues
        .slice(0, 3)
        .map((i) => `${i.path || entity}: ${i.message}`)
        .join('; '),
      missing,
    };
  }
  return { ok: true, record: r.data as Record<string, unknown> };
}

/**
 * Whether this device holds a real value (not a default it filled in) of a field the server's copy lacks: the
 * server then holds only part of a record this device knows whole.
 */
export function knowsMoreThan(entity: EntityName, remoteFields: Record<string, unknown>, localClock: Record<string, string>): boolean {
  for (const key of Object.keys(SHAPES[entity])) {
    if (BASE.has(key) || Object.hasOwn(remoteFields, key)) continue;
    const stamp = localClock[key];
    if (stamp !== undefined && stamp !== GENESIS_STAMP) return true;
  }
  return false;
}

/** The entity's fields with their defaults where a stored value is missing or unreadable: for code that must work on any stored shape (erasure). */
export function lenientRecord(entity: EntityName, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const [key, parser] of Object.entries(SHAPES[entity])) {
    if (BASE.has(key)) continue;
    const r = parser.safeParse(row[key]);
    if (r.success) out[key] = r.data;
    else {
      const fallback = parser.safeParse(undefined);
      out[key] = fallback.success ? fallback.data : typeof row[key] === 'string' ? row[key] : '';
    }
  }
  return out;
}
