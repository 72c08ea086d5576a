import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The peer address of the request's socket; requests without one (in-process tests) share one bucket. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Request-controlled text as it may appear in a log line: control characters (newlines that would forge a line,
 * terminal escapes) and quotes escaped, and cut to a sane length.
 */
export function logSafe(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).slice(1, -1);
}
