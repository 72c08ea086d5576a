import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Components render; lib/ decides. A component reaches data only through lib/panel (queries, commands, models):
 * never the database, Dexie, the sync engine, backups, GDPR writes or the scoring worker directly. Type-only
 * imports are fine (they leave no code behind).
 */
const root = path.resolve(import.meta.dirname, '../../..');
const FORBIDDEN = [
  /^dexie$/,
  /lib\/db(\/|$)/,
  /lib\/sync(\/|$)/,
  /lib\/backup(\/|$)/,
  /lib\/gdpr(\/|$)/,
  /lib\/scoring-runner(\/|$)/,
  /lib\/import\/(worker|commit|plan)/,
  /lib\/crypto\/(state|install|middleware|field-crypto)/,
  /^wxt\/browser$/,
];

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));
}

/** Every module a file imports for its code (static and dynamic imports, re-exports), type-only ones left out. */
export function codeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) if (!m[2]) out.push(m[3]!);
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

describe('components render only', () => {
  it('reads the import forms it checks', () => {
    expect(
      codeImports("import { a } from '@/lib/db';\nimport type { B } from '@/lib/sync';\nconst x = await import('dexie');\nimport './x.css';").sort(),
    ).toEqual(['./x.css', '@/lib/db', 'dexie']);
  });

  it('no component imports the database, Dexie or another write path', () => {
    const offenders: string[] = [];
    for (const file of [...files(path.join(root, 'components')), ...files(path.join(root, 'entrypoints/sidepanel'))]) {
      for (const spec of codeImports(fs.readFileSync(file, 'utf8'))) {
        if (FORBIDDEN.some((re) => re.test(spec))) offenders.push(`${path.relative(root, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
