import path from 'node:path';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cyclesOf, explain, folderGraph, importsOf, type FolderGraph } from '../../../scripts/folder-cycles.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Cycles between lib/ folders tolerated for now, each one's folders sorted, with why. None remain since issue #16
 * (recognize ↔ match ended with lib/identity, db ↔ crypto with the layer installed from outside lib/db): a cycle
 * that is gone must leave this list, and no new one may join it.
 */
const ALLOWED_CYCLES: string[][] = [];

describe('import cycles between lib/ folders', () => {
  it('has none beyond the allowlist, and the allowlist holds no cycle that is gone', () => {
    const graph = folderGraph(ROOT);
    const found = cyclesOf(graph);
    const key = (c: string[]) => c.join(' ↔ ');
    const allowed = new Set(ALLOWED_CYCLES.map(key));
    const unexpected = found.filter((c) => !allowed.has(key(c)));
    expect(unexpected.map((c) => `${key(c)}\n${explain(graph, c)}`).join('\n'), 'new import cycles').toBe('');
    const gone = ALLOWED_CYCLES.filter((c) => !found.some((f) => key(f) === key(c)));
    expect(gone.map(key), 'cycles no longer there: remove them from ALLOWED_CYCLES').toEqual([]);
  });

  it('keeps lib/identity a leaf: recognizers and matching share it, it imports nothing else of lib/', () => {
    const graph = folderGraph(ROOT);
    expect([...(graph.get('identity')?.entries() ?? [])].map(([to, why]) => `identity → ${to}: ${why.join(', ')}`)).toEqual([]);
    for (const user of ['match', 'import', 'sites']) expect([...(graph.get(user)?.keys() ?? [])], user).toContain('identity');
  });
});

/** A graph from edges, as folderGraph builds it. */
function graphOf(edges: [string, string][]): FolderGraph {
  const g: FolderGraph = new Map();
  for (const [a, b] of edges) {
    if (!g.has(a)) g.set(a, new Map());
    if (!g.has(b)) g.set(b, new Map());
    if (a !== b) g.get(a)!.set(b, [`${a}.ts → ../${b}`]);
  }
  return g;
}

/** Whether b is reachable from a (brute force, for checking Tarjan). */
function reaches(g: FolderGraph, a: string, b: string): boolean {
  const seen = new Set<string>();
  const todo = [...(g.get(a)?.keys() ?? [])];
  while (todo.length) {
    const v = todo.pop()!;
    if (v === b) return true;
    if (seen.has(v)) continue;
    seen.add(v);
    todo.push(...(g.get(v)?.keys() ?? []));
  }
  return false;
}

describe('the scan itself', () => {
  it('reads every kind of import statement, and nothing in comments or strings', () => {
    const src = [
      "import { a } from '../db/db';",
      "import type { B } from '../schema/b';",
      'import {\n  c,\n  d,\n} from "../match/c";',
      "export * from '../identity/email';",
      "export { e } from './e';",
      "import '../side/effect';",
      "const lazy = () => import('../scoring/worker');",
      "// import { x } from '../commented/out';",
      'const s = "import { y } from \'../in/string\'";',
    ].join('\n');
    expect(importsOf(src).sort()).toEqual(['../db/db', '../identity/email', '../match/c', '../schema/b', '../scoring/worker', '../side/effect', './e'].sort());
  });

  it('ties folders through relative and aliased imports, ignoring imports inside a folder and packages', () => {
    const files: Record<string, string> = {
      '/p/lib/a/x.ts': "import { y } from '../b/y';\nimport { z } from './z';\nimport 'dexie';",
      '/p/lib/a/z.ts': '',
      '/p/lib/b/y.ts': "import { w } from '@/lib/c';",
      '/p/lib/c/index.ts': "import { x } from '~/lib/a/x';",
      '/p/lib/d.ts': "import { x } from './a/x';",
    };
    const g = folderGraph('/p', { files: Object.keys(files), read: (f) => files[f]! });
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c']]);
    expect([...g.get('d')!.keys()]).toEqual(['a']);
    expect(explain(g, ['a', 'b', 'c'])).toContain('lib/a/x.ts → ../b/y');
  });

  it('finds exactly the folders that reach each other, on any graph', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, name), { maxLength: 14 }), (edges) => {
        const g = graphOf(edges);
        const cycles = cyclesOf(g);
        const inCycle = new Map(cycles.flatMap((c) => c.map((v) => [v, c] as const)));
        for (const a of g.keys()) {
          for (const b of g.keys()) {
            if (a === b) continue;
            const mutual = reaches(g, a, b) && reaches(g, b, a);
            expect(mutual, `${a} ${b}`).toBe(!!inCycle.get(a) && inCycle.get(a) === inCycle.get(b));
          }
        }
      }),
    );
  });
});
