import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { openDatabase, releaseDataDir } from './database';
import { createApp } from './app';
import { runAdmin } from './admin';
import { AdminError } from './auth';

async function main(argv: string[]): Promise<number> {
  const config = readConfig();
  if (argv[0] === 'admin') {
    const sql = await openDatabase(config, 'admin');
    try {
      for (const line of await runAdmin(sql, argv.slice(1))) console.log(line);
      return 0;
    } catch (e) {
      if (e instanceof AdminError) {
        console.error(e.message);
        return 2;
      }
      throw e;
    } finally {
      await sql.close();
    }
  }
  if (argv.length) {
    console.error(`unknown arguments: ${argv.join(' ')} (try: npm run server -- admin)`);
    return 2;
  }
  const sql = await openDatabase(config, 'server');
  const app = createApp({ sql, rateLimit: config.rateLimit, log: (l) => console.log(l) });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
    console.log(`Carnet sync server on http://${config.host}:${info.port} — database: ${where}`);
  });
  const stop = () => {
    server.close(async () => {
      await sql.close();
      releaseDataDir(config);
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
