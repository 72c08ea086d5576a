import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Sql } from './db/driver';
import { authenticate, type Caller } from './auth';
import { apiError } from './errors';
import { RateLimiter, type RateLimitConfig } from './rate-limit';
import { push, pull } from './sync';
import { openApiDocument } from './openapi';
import { PushRequest, MAX_PULL_LIMIT } from '../lib/sync/protocol';
import { fieldIssues } from '../lib/sync/validate';

export interface AppOptions {
  sql: Sql;
  rateLimit?: RateLimitConfig;
  /** Largest request body in bytes. */
  maxBodyBytes?: number;
  /** Called once per request with method, path, status and milliseconds: never headers, so never a token. */
  log?: (line: string) => void;
}

type Env = { Variables: { caller: Caller } };

const zodIssues = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

export function createApp({ sql, rateLimit = { burst: 60, perSecond: 10 }, maxBodyBytes = 5 * 1024 * 1024, log }: AppOptions) {
  const app = new Hono<Env>();
  const limiter = new RateLimiter(rateLimit);

  if (log) {
    app.use(async (c, next) => {
      const t = performance.now();
      await next();
      log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - t).toFixed(1)}ms`);
    });
  }

  app.onError((err, c) => {
    console.error('request failed:', err instanceof Error ? err.message : String(err));
    return apiError(c, 500, 'internal', 'the server failed to handle this request');
  });
  app.notFound((c) => apiError(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));

  app.get('/health', async (c) => {
    await sql.query('SELECT 1');
    return c.json({ ok: true });
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return apiError(c, 401, 'unauthorized', 'send an API token as "Authorization: Bearer <token>"');
    const caller = await authenticate(sql, m[1]!);
    if (!caller) return apiError(c, 401, 'unauthorized', 'this API token is unknown or was revoked');
    const wait = limiter.take(caller.tokenId);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return apiError(c, 429, 'rate_limited', `too many requests with this token; retry in ${wait} s`, { retryAfterSeconds: wait });
    }
    c.set('caller', caller);
    await next();
  });

  app.get('/v1/me', (c) => {
    const k = c.get('caller');
    return c.json({ user: { id: k.userId, email: k.email }, team: { id: k.teamId, name: k.teamName }, tokenId: k.tokenId });
  });

  app.post(
    '/v1/sync/push',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => apiError(c, 413, 'payload_too_large', `request body over ${maxBodyBytes} bytes; send fewer mutations per push`),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return apiError(c, 400, 'invalid_request', 'the body is not JSON');
      }
      const parsed = PushRequest.safeParse(body);
      if (!parsed.success) {
        return apiError(c, 400, 'invalid_request', 'the push body does not match the protocol', zodIssues(parsed.error.issues));
      }
      // A delete may carry the record's fields too (an erasure pushes its cleared values with the tombstone).
      const details = parsed.data.mutations.flatMap((m, index) =>
        fieldIssues(m.entity, m.fields).map((i) => ({ index, mutationId: m.id, path: `mutations.${index}.fields.${i.path}`, message: i.message })),
      );
      if (details.length) {
        return apiError(c, 400, 'invalid_request', `${details.length} invalid field value(s); nothing was applied`, details);
      }
      return c.json(await push(sql, c.get('caller').teamId, parsed.data.mutations));
    },
  );

  app.get('/v1/sync/pull', async (c) => {
    const cursorText = c.req.query('cursor') ?? '0';
    const limitText = c.req.query('limit') ?? '500';
    if (!/^\d{1,15}$/.test(cursorText)) return apiError(c, 400, 'invalid_request', 'cursor must be a whole number ≥ 0', [{ path: 'cursor', message: 'not a whole number' }]);
    if (!/^\d{1,4}$/.test(limitText) || +limitText < 1 || +limitText > MAX_PULL_LIMIT) {
      return apiError(c, 400, 'invalid_request', `limit must be between 1 and ${MAX_PULL_LIMIT}`, [{ path: 'limit', message: 'out of range' }]);
    }
    return c.json(await pull(sql, c.get('caller').teamId, Number(cursorText), Number(limitText)));
  });

  return app;
}
