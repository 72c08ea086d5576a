import type * as z from 'zod/mini';
import type { CarnetDB } from '../../db/db';
import { storageProblemOf } from '../../db/storage-health';
import type { HybridClock } from '../../clock/hlc';

export interface SyncConfig {
  /** Base URL of the team server, e.g. https://carnet.example.com */
  serverUrl: string;
  /** The user's API token (from `npm run server -- admin create-token`). */
  token: string;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Defaults to getDb(). */
  db?: CarnetDB;
  /** Defaults to the context's clock. */
  clock?: HybridClock;
  /** Outbox entries per push (the server takes at most 1000 and 5 MB). */
  pushBatchSize?: number;
  /** Changes per pull page (the server sends at most 1000). */
  pullPageSize?: number;
  /** Pages the server may stream in one pull answer (servers from before streaming send one). */
  pullPagesPerAnswer?: number;
  now?: () => number;
}

/** A failed call to the server, with a message a person can act on. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
    readonly details?: unknown,
    readonly retryAfterMs = 0,
    /** Other members of the server's error object (e.g. `invalidMutations`, `issueCount`). */
    readonly extras?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export type SyncErrorKind = 'unauthorized' | 'rate_limited' | 'not_found' | 'server' | 'network' | 'bad_response' | 'refused' | 'storage' | 'other';
export const SYNC_ERROR_KINDS = [
  'unauthorized',
  'rate_limited',
  'not_found',
  'server',
  'network',
  'bad_response',
  'refused',
  'storage',
  'other',
] as const satisfies readonly SyncErrorKind[];

/** A failure's kind, for messages in the user's language. */
export function syncErrorKind(e: unknown): SyncErrorKind {
  // A pull that cannot be stored here (the device's storage is full, the database was deleted) is not the server's fault.
  if (!(e instanceof SyncError)) return storageProblemOf(e) ? 'storage' : 'other';
  if (e.code === 'network') return 'network';
  if (e.code === 'bad_response') return 'bad_response';
  if (e.status === 401) return 'unauthorized';
  if (e.status === 429) return 'rate_limited';
  if (e.status === 404) return 'not_found';
  if (e.status !== null && e.status >= 500) return 'server';
  return 'refused';
}

function plainWords(status: number, code: string, serverMessage: string): string {
  if (status === 401) return 'The sync server refused the API token (unknown or revoked). Check the token in the settings.';
  if (status === 429) return 'The sync server asked to slow down; Carnet will retry shortly.';
  if (status === 404) return 'The sync server address looks wrong (no sync service there).';
  if (status >= 500) return `The sync server had a problem (HTTP ${status}); Carnet will retry.`;
  return `The sync server refused a request: ${serverMessage || code}`;
}

export async function call<T>(config: SyncConfig, method: 'GET' | 'POST', path: string, schema: z.ZodMiniType<T>, body?: unknown): Promise<T> {
  const res = await send(config, method, path, body);
  return parseAnswer(await readJson(res), schema, res.status);
}

/** An answer's JSON body; one that is not JSON is a bad answer. */
export async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new SyncError(`The sync server sent an unreadable answer (HTTP ${res.status}).`, res.status, 'bad_response');
  }
}

/** An answer's value under its schema, or the error a person can act on. */
export function parseAnswer<T>(json: unknown, schema: z.ZodMiniType<T>, status: number): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError('The sync server sent an answer Carnet does not understand (version mismatch?).', status, 'bad_response');
  return parsed.data;
}

/** The error an `{error:{code,message,…}}` body stands for, under the status it came with. */
export function errorOf(json: unknown, status: number, retryAfterMs = 0): SyncError {
  const body = json && typeof json === 'object' ? (json as { error?: unknown }).error : undefined;
  const err = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code = typeof err.code === 'string' ? err.code.slice(0, 64) : 'error';
  const message = typeof err.message === 'string' ? err.message.slice(0, 500) : '';
  const { code: _c, message: _m, details, ...extras } = err;
  return new SyncError(plainWords(status, code, message), status, code, details, retryAfterMs, extras);
}

/** Sends a request; answers with the response when it is a success, throws the server's error otherwise. */
export async function send(config: SyncConfig, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const doFetch = config.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const url = config.serverUrl.replace(/\/+$/, '') + path;
  let res: Response;
  try {
    res = await doFetch(url, {
      method,
      headers: { authorization: `Bearer ${config.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new SyncError(`Could not reach the sync server (${e instanceof Error ? e.message : String(e)}).`, null, 'network');
  }
  if (res.ok) return res;
  const json = await readJson(res);
  const retryAfter = Number(res.headers.get('retry-after') ?? 0);
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 3600) * 1000 : 0;
  throw errorOf(json, res.status, retryAfterMs);
}
