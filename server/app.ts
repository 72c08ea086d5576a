import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Sql } from './db/driver';
import { authenticate, stillAuthenticated, type Caller } from './auth';
import { apiError } from './errors';
import { RateLimiter, type RateLimitConfig } from './rate-limit';
import { stream } from 'hono/streaming';
import { push, pull, pullPage } from './sync';
import { openApiDocument } from './openapi';
import { PushEnvelope, PullQuery, MAX_PULL_LIMIT, MAX_PULL_PAGES, MAX_ERROR_DETAILS, PULL_STREAM_TYPE, type Mutation } from '../lib/sync/shared/protocol';
import { parseMutation } from '../lib/sync/shared/validate';
import { exceedsJsonDepth } from '../lib/schema/text';
import { clientAddress, logSafe } from './request';

export interface AppOptions {
  sql: Sql;
  rateLimit?: RateLimitConfig;
  /** Largest request body in bytes. */
  maxBodyBytes?: number;
  /** Called once per request with method, path, status and milliseconds: never headers, so never a token. */
  log?: (line: string) => void;
  /** The caller's network address, for the limit applied before any token lookup (default: the socket's peer). */
  addressOf?: (c: Context) => string;
  /** The server's clock (tests move it). */
  now?: () => number;
}

/** Deeper JSON than any valid push needs (a segment rule nests a few groups): refused before it is parsed. */
const MAX_JSON_DEPTH = 64;

type Env = { Variables: { caller: Caller } };

const zodIssues = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

export function createApp({
  sql,
  rateLimit = { burst: 60, perSecond: 10 },
  maxBodyBytes = 5 * 1024 * 1024,
  log,
  addressOf = clientAddress,
  now = Date.now,
}: AppOptions) {
  const app = new Hono<Env>();
  const limiter = new RateLimiter(rateLimit);
  // Per network address, before the token is looked up: wrong tokens are limited too. Several people may share
  // one address (an office), so its budget is a few callers' worth.
  const addressLimiter = new RateLimiter({ burst: rateLimit.burst * 5, perSecond: rateLimit.perSecond * 5 });

  if (log) {
    app.use(async (c, next) => {
      const t = performance.now();
      await next();
      log(`${c.req.method} ${logSafe(c.req.path)} ${c.res.status} ${(performance.now() - t).toFixed(1)}ms`);
    });
  }

  app.onError((err, c) => {
    console.error('request failed:', logSafe(err instanceof Error ? err.message : String(err)));
    return apiError(c, 500, 'internal', 'the server failed to handle this request');
  });
  app.notFound((c) => apiError(c, 404, 'not_found', `no route ${c.req.method} ${logSafe(c.req.path)}`));

  app.get('/health', async (c) => {
    await sql.query('SELECT 1');
    return c.json({ ok: true });
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.use('/v1/*', async (c, next) => {
    const early = addressLimiter.take(addressOf(c));
    if (early > 0) {
      c.header('Retry-After', String(early));
      return apiError(c, 429, 'rate_limited', `too many requests from this address; retry in ${early} s`, { retryAfterSeconds: early });
    }
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
      const text = await c.req.text();
      if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
        return apiError(c, 400, 'invalid_request', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return apiError(c, 400, 'invalid_request', 'the body is not JSON');
      }
      const envelope = PushEnvelope.safeParse(body);
      if (!envelope.success) {
        return apiError(c, 400, 'invalid_request', 'the push body does not match the protocol', zodIssues(envelope.error.issues).slice(0, MAX_ERROR_DETAILS));
      }
      // Each mutation is parsed alone and stored as its schema parses it; the issues name the mutation, so the
      // client can set the refused ones aside and send the others again. Nothing is applied while any is refused.
      const mutations: Mutation[] = [];
      const details: { index: number; mutationId: string | null; path: string; message: string; code: string }[] = [];
      const invalid: number[] = [];
      let issueCount = 0;
      const at = now();
      envelope.data.mutations.forEach((raw, index) => {
        const r = parseMutation(raw, at);
        if (r.ok) {
          mutations.push(r.mutation);
          return;
        }
        invalid.push(index);
        issueCount += r.issues.length;
        const id = (raw as { id?: unknown } | null)?.id;
        for (const i of r.issues) {
          if (details.length >= MAX_ERROR_DETAILS) break;
          details.push({
            index,
            mutationId: typeof id === 'string' ? id.slice(0, 64) : null,
            path: `mutations.${index}${i.path ? `.${i.path}` : ''}`,
            message: i.message.slice(0, 300),
            code: i.code ?? 'invalid',
          });
        }
      });
      if (invalid.length) {
        return apiError(c, 400, 'invalid_request', `${invalid.length} mutation(s) with ${issueCount} invalid value(s); nothing was applied`, details, {
          issueCount,
          invalidMutations: invalid,
        });
      }
      return c.json(await push(sql, c.get('caller').teamId, mutations));
    },
  );

  app.get('/v1/sync/pull', async (c) => {
    const q = PullQuery.safeParse(c.req.query());
    if (!q.success) {
      const field = String(q.error.issues[0]?.path[0] ?? 'cursor');
      const message =
        field === 'limit'
          ? `limit must be between 1 and ${MAX_PULL_LIMIT}`
          : field === 'compact'
            ? 'compact must be 0 or 1'
            : field === 'pages'
              ? `pages must be between 1 and ${MAX_PULL_PAGES}`
              : 'cursor must be a whole number ≥ 0';
      return apiError(c, 400, 'invalid_request', message, zodIssues(q.error.issues));
    }
    const { cursor, limit, compact, pages } = q.data;
    const caller = c.get('caller');
    const opts = { compact: compact === '1' };
    if (pages === '1') {
      const body = await pull(sql, caller.teamId, Number(cursor), Number(limit), opts);
      return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' });
    }
    // The first page is read before the answer starts, so a failure there is an ordinary error status. Later
    // pages are read one at a time once the previous one is written; the caller's token is checked again before
    // each (revoked mid-answer: the answer ends with an error line), and a failure ends the answer with an error
    // line: the client keeps the pages it got, whole, and asks again from the last one.
    const first = await pullPage(sql, caller.teamId, Number(cursor), Number(limit), opts);
    c.header('content-type', `${PULL_STREAM_TYPE}; charset=UTF-8`);
    const errorLine = (code: string, message: string) => `${JSON.stringify({ error: { code, message } })}\n`;
    return stream(
      c,
      async (s) => {
        let page = first;
        await s.write(`${page.body}\n`);
        for (let n = 1; n < Number(pages) && page.more && !s.aborted; n++) {
          const still = await stillAuthenticated(sql, caller.tokenId);
          if (!still || still.teamId !== caller.teamId) {
            await s.write(errorLine('unauthorized', 'this API token is unknown or was revoked'));
            return;
          }
          page = await pullPage(sql, caller.teamId, page.cursor, Number(limit), opts);
          await s.write(`${page.body}\n`);
        }
      },
      async (err, s) => {
        console.error('pull stream failed:', logSafe(err instanceof Error ? err.message : String(err)));
        await s.write(errorLine('internal', 'the sync server failed while sending changes; sync again to continue'));
      },
    );
  });

  return app;
}
