import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode = 'unauthorized' | 'not_found' | 'invalid_request' | 'payload_too_large' | 'rate_limited' | 'internal';

export function apiError(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown, extra: Record<string, unknown> = {}) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }), ...extra } }, status);
}
