#!/usr/bin/env node
// Import cycles between the folders of lib/: a static scan of import and export statements (TypeScript's own
// pre-processor, so multi-line, type-only and dynamic imports all count). A folder is a direct child of lib/
// (lib/db, lib/match…); imports inside one folder never count, nor do tests kept beside the code. Run: node scripts/folder-cycles.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(?:ts|tsx|mts|js|mjs)$/;
/** WXT's path aliases (.wxt/tsconfig.json): all point at the project root. */
const ALIASES = ['@@/', '~~/', '@/', '~/'];

/** Every module a source file names in its import, export … from and import() statements. */
export function importsOf(source) {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

function listSources(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(p));
    else if (SOURCE.test(entry.name) && !/\.d\.ts$|\.test\.[tj]sx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** The lib/ folder a path lies in (a file directly in lib/ is its own folder, named without extension), or null. */
export function folderOf(libDir, file) {
  const rel = path.relative(libDir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const first = rel.split(path.sep)[0];
  return first.replace(SOURCE, '');
}

function resolveSpecifier(root, from, spec) {
  if (spec.startsWith('.')) return path.resolve(path.dirname(from), spec);
  const alias = ALIASES.find((a) => spec.startsWith(a));
  if (alias) return path.resolve(root, spec.slice(alias.length));
  return null; // a package
}

/**
 * The folder graph of `root/lib`: for each folder, the folders it imports and, per edge, the files and specifiers
 * that make it (for the error message).
 */
export function folderGraph(root, { read = (f) => fs.readFileSync(f, 'utf8'), files } = {}) {
  const libDir = path.join(root, 'lib');
  const graph = new Map();
  for (const file of files ?? listSources(libDir)) {
    const from = folderOf(libDir, file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const spec of importsOf(read(file))) {
      const target = resolveSpecifier(root, file, spec);
      const to = target && folderOf(libDir, target);
      if (!to || to === from) continue;
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to).push(`${path.relative(root, file)} → ${spec}`);
    }
  }
  for (const edges of [...graph.values()]) for (const to of edges.keys()) if (!graph.has(to)) graph.set(to, new Map());
  return graph;
}

/** The strongly connected components with more than one folder (Tarjan), each sorted, sorted by first name. */
export function cyclesOf(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]) || a.length - b.length);
}

/** The imports that tie one cycle together, one line per edge inside it. */
export function explain(graph, cycle) {
  const inside = new Set(cycle);
  const lines = [];
  for (const from of cycle) {
    for (const [to, why] of graph.get(from) ?? []) {
      if (inside.has(to)) lines.push(`  ${from} → ${to}: ${why.slice(0, 3).join(', ')}${why.length > 3 ? `, +${why.length - 3} more` : ''}`);
    }
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const graph = folderGraph(root);
  const cycles = cyclesOf(graph);
  if (!cycles.length) console.log('no import cycles between lib/ folders');
  for (const c of cycles) console.log(`${c.join(' ↔ ')}\n${explain(graph, c)}`);
}
