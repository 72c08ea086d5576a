import * as z from 'zod/mini';

const Env = z.object({
  PORT: z._default(z.string().check(z.regex(/^\d{1,5}$/, 'must be a port number')), '8787'),
  HOST: z._default(z.string(), '127.0.0.1'),
  DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'))),
  DATA_DIR: z._default(z.string(), './.server-data'),
  RATE_LIMIT_BURST: z._default(z.string().check(z.regex(/^\d+$/)), '60'),
  RATE_LIMIT_PER_SEC: z._default(z.string().check(z.regex(/^\d+(\.\d+)?$/)), '10'),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  rateLimit: { burst: number; perSecond: number };
}

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const r = Env.safeParse(env);
  if (!r.success) {
    throw new Error(`bad environment: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = r.data;
  return {
    port: Number(e.PORT),
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    rateLimit: { burst: Number(e.RATE_LIMIT_BURST), perSecond: Number(e.RATE_LIMIT_PER_SEC) },
  };
}
