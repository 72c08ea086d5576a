import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { openPglite, openPostgres, type Sql } from './db/driver';
import { migrate } from './db/migrations';
import type { ServerConfig } from './config';

const pidFile = (dataDir: string) => path.join(dataDir, 'carnet-server.pid');

function runningPid(dataDir: string): number | null {
  if (!existsSync(pidFile(dataDir))) return null;
  const pid = Number(readFileSync(pidFile(dataDir), 'utf8'));
  if (!pid || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * Opens the configured database and brings its schema up to date. PGlite is one process only: a second process
 * (the admin CLI while the server runs) is refused rather than allowed to corrupt the data folder.
 */
export async function openDatabase(config: ServerConfig, role: 'server' | 'admin'): Promise<Sql> {
  let sql: Sql;
  if (config.databaseUrl) {
    sql = openPostgres(config.databaseUrl);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    const other = runningPid(config.dataDir);
    if (other) {
      throw new Error(
        `a Carnet server (pid ${other}) has the embedded database in ${config.dataDir} open; stop it first, or use PostgreSQL through DATABASE_URL`,
      );
    }
    if (role === 'server') writeFileSync(pidFile(config.dataDir), String(process.pid));
    sql = await openPglite(path.join(config.dataDir, 'pglite'));
  }
  await migrate(sql);
  return sql;
}

export function releaseDataDir(config: ServerConfig): void {
  if (!config.databaseUrl) rmSync(pidFile(config.dataDir), { force: true });
}
