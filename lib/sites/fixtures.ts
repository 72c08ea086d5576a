/**
 * Test-only: the dated fixtures of every site (`<site>/fixtures/<yyyy-mm-dd>-<view>.html` with a sibling
 * `.expected.json`) loaded as documents. Node and jsdom: never imported by the extension.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

export const SITES_DIR = import.meta.dirname;

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

/** The fixtures folder of a site. */
export const fixturesDir = (site: string): string => path.join(SITES_DIR, site, 'fixtures');

/** The site folders that hold a fixtures/ folder. */
export function sitesWithFixtures(): string[] {
  return fs.readdirSync(SITES_DIR).filter((d) => fs.existsSync(fixturesDir(d)) && fs.statSync(fixturesDir(d)).isDirectory());
}

export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const site of sitesWithFixtures()) {
    const dir = fixturesDir(site);
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.html')) continue;
      out.push({ site, name: f.slice(0, -5), html: path.join(dir, f), expected: path.join(dir, f.replace(/\.html$/, '.expected.json')) });
    }
  }
  return out;
}
