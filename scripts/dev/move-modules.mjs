#!/usr/bin/env node
// Moves modules (git mv) and rewrites every import of them across the repository, keeping each import's style
// ('@/…' stays '@/…', relative stays relative). Usage: node scripts/dev/move-modules.mjs old.ts=new.ts …
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const moves = new Map(process.argv.slice(2).map((a) => a.split('=').map((p) => path.resolve(root, p))));
const EXT = ['.ts', '.tsx', '.mts', '.mjs', '.js'];
const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts', '*.mjs'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((f) => path.resolve(root, f));

const noExt = (p) => p.replace(/\.(ts|tsx|mts|mjs|js)$/, '');
function resolveSpec(fromFile, spec) {
  let base;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const cand of [base, ...EXT.map((e) => base + e), ...EXT.map((e) => path.join(base, 'index' + e))]) {
    if (moves.has(cand) || fs.existsSync(cand)) return cand;
  }
  return null;
}
const newPathOf = (p) => moves.get(p) ?? p;

for (const file of files) {
  const src = fs.readFileSync(file, 'utf8');
  const newFile = newPathOf(file);
  let changed = false;
  const out = src.replace(/((?:from|import)\s*\(?\s*)(['"])([^'"]+)\2/g, (m, pre, q, spec) => {
    const target = resolveSpec(file, spec);
    if (!target) return m;
    const moved = moves.has(target) || moves.has(file);
    if (!moved) return m;
    const dest = newPathOf(target);
    const isIndex = /\/index\.(ts|tsx)$/.test(target) && !/index$/.test(spec);
    let next;
    if (spec.startsWith('@/')) next = '@/' + path.relative(root, isIndex ? path.dirname(dest) : noExt(dest));
    else {
      next = path.relative(path.dirname(newFile), isIndex ? path.dirname(dest) : noExt(dest));
      if (!next.startsWith('.')) next = './' + next;
    }
    if (/\.(mjs|js)$/.test(spec)) next += path.extname(dest);
    if (next === spec) return m;
    changed = true;
    return `${pre}${q}${next}${q}`;
  });
  if (changed) fs.writeFileSync(file, out);
}
for (const [from, to] of moves) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  execFileSync('git', ['mv', from, to], { cwd: root });
}
console.log(`moved ${moves.size} file(s)`);
