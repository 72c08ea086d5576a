import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { REALDATA_DIR } from '../../realdata-dir';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');
export const REALDATA = REALDATA_DIR;

/** A saved or written page as a Document, scripts disabled (jsdom's default). */
export function loadDocument(file: string, url: string): Document {
  return new JSDOM(fs.readFileSync(file, 'utf8'), { url }).window.document;
}

export interface Fixture {
  site: string;
  name: string;
  html: string;
  expected: string;
}

export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const site of fs.readdirSync(FIXTURES)) {
    const dir = path.join(FIXTURES, site);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.html')) continue;
      out.push({ site, name: f.slice(0, -5), html: path.join(dir, f), expected: path.join(dir, f.replace(/\.html$/, '.expected.json')) });
    }
  }
  return out;
}
