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
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  // JSON escapes C0 controls, quotes and backslashes; the rest outside printable ASCII (line separators, bidi
  // controls, C1) is written as \uXXXX too.
  return JSON.stringify(cut)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
