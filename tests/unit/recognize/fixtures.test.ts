import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { PageContext, PageSite } from '../../../lib/schema/page-context';
import { recognizePage, RECOGNIZERS } from '../../../lib/recognize';
import { FIXTURES, listFixtures, loadDocument } from './load';

const fixtures = listFixtures();

describe('fixtures (meta)', () => {
  it('every recognizer has fixtures, every fixture has its expected JSON, names are dated', () => {
    for (const site of Object.keys(RECOGNIZERS)) {
      expect(fixtures.filter((f) => f.site === site).length, `fixtures for ${site}`).toBeGreaterThanOrEqual(2);
    }
    expect(Object.keys(RECOGNIZERS).sort()).toEqual([...PageSite.options].sort());
    for (const f of fixtures) {
      expect(fs.existsSync(f.expected), `${f.html} has no .expected.json`).toBe(true);
      expect(f.name).toMatch(/^\d{4}-\d\d-\d\d-[a-z0-9-]+$/);
      expect(Object.keys(RECOGNIZERS)).toContain(f.site);
    }
    for (const site of fs.readdirSync(FIXTURES)) {
      for (const f of fs.readdirSync(path.join(FIXTURES, site))) {
        if (f.endsWith('.expected.json')) expect(fs.existsSync(path.join(FIXTURES, site, f.replace('.expected.json', '.html'))), f).toBe(true);
      }
    }
  });
});

describe('recognizers on dated fixtures', () => {
  for (const f of fixtures) {
    it(`${f.site}/${f.name}`, () => {
      const expected = PageContext.parse(JSON.parse(fs.readFileSync(f.expected, 'utf8')));
      const doc = loadDocument(f.html, expected.url);
      const raw = recognizePage(expected.url, doc);
      const parsed = PageContext.safeParse(raw);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(parsed.data).toEqual(expected);
      expect(expected.site).toBe(f.site);
    });
  }
});
