#!/usr/bin/env node
// npm test (after the builds): the built packages against the stores' rules (scripts/store-rules.mjs), plus the
// store documents the listings need: privacy policy, permission justifications, screenshots.
//   node scripts/check-packages.mjs [.output/chrome-mv3] [.output/firefox-mv2]
import fs from 'node:fs';
import path from 'node:path';
import { checkPackage, justifiedNames, pngSize } from './store-rules.mjs';

const root = path.resolve(import.meta.dirname, '..');
const [chromeDir = '.output/chrome-mv3', firefoxDir = '.output/firefox-mv2'] = process.argv.slice(2);

function readTree(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

const problems = [];
const doc = (name) => {
  const p = path.join(root, 'docs', name);
  if (!fs.existsSync(p)) problems.push(`docs/${name} is missing`);
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
};
const justified = justifiedNames(doc('permissions.md'));
if (!doc('privacy-policy.md').includes('What leaves your device')) problems.push('docs/privacy-policy.md does not say what leaves the device');

for (const [browser, dir] of [
  ['chrome', chromeDir],
  ['firefox', firefoxDir],
]) {
  const abs = path.resolve(root, dir);
  if (!fs.existsSync(path.join(abs, 'manifest.json'))) {
    problems.push(`${dir}: no built package (run npm run build${browser === 'firefox' ? ':firefox' : ''})`);
    continue;
  }
  const files = readTree(abs);
  const manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
  for (const p of checkPackage({ browser, manifest, files, justified })) problems.push(`${dir}: ${p}`);
}

// Store screenshots: 1280×800 (both stores take it; scripts/store-screenshots.mjs makes them from the demo).
const shots = fs.existsSync(path.join(root, 'docs/store')) ? fs.readdirSync(path.join(root, 'docs/store')).filter((f) => f.endsWith('.png')) : [];
if (shots.length < 3) problems.push(`docs/store has ${shots.length} screenshots; the listings need at least 3 (npm run screenshots)`);
for (const f of shots) {
  const size = pngSize(fs.readFileSync(path.join(root, 'docs/store', f)));
  if (!size || size.width !== 1280 || size.height !== 800)
    problems.push(`docs/store/${f} is ${size ? `${size.width}×${size.height}` : 'not a PNG'}, not 1280×800`);
}

if (problems.length) {
  console.error(`Store check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Store check: ${chromeDir} and ${firefoxDir} meet the store rules; privacy policy, permissions and ${shots.length} screenshots present.`);
