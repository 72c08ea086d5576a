import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { PageContext, PageSite } from '../schema/page-context';
import { recognizePage, siteOf, SITES } from '.';
import { fixturesDir, listFixtures, loadDocument, sitesWithFixtures } from './fixtures';

const fixtures = listFixtures();

describe('fixtures (meta)', () => {
  it('every site has its recognizer and dated fixtures in its own folder, each with its expected JSON', () => {
    expect(Object.keys(SITES).sort()).toEqual([...PageSite.options].sort());
    expect(sitesWithFixtures().sort(), 'a fixtures/ folder outside a site').toEqual(Object.keys(SITES).sort());
    for (const [site, def] of Object.entries(SITES)) {
      expect(def.site).toBe(site);
      expect(typeof def.recognize).toBe('function');
      expect(fixtures.filter((f) => f.site === site).length, `fixtures for ${site}`).toBeGreaterThanOrEqual(2);
    }
    for (const f of fixtures) {
      expect(fs.existsSync(f.expected), `${f.html} has no .expected.json`).toBe(true);
      expect(f.name).toMatch(/^\d{4}-\d\d-\d\d-[a-z0-9-]+$/);
    }
    for (const site of sitesWithFixtures()) {
      for (const f of fs.readdirSync(fixturesDir(site))) {
        expect(f, `${site}/fixtures holds only pages and their expectations`).toMatch(/\.(?:html|expected\.json)$/);
        if (f.endsWith('.expected.json')) expect(fs.existsSync(path.join(fixturesDir(site), f.replace('.expected.json', '.html'))), f).toBe(true);
      }
    }
  });
});

describe('recognizers on dated fixtures', () => {
  for (const f of fixtures) {
    it(`${f.site}/${f.name}`, () => {
      const expected = PageContext.parse(JSON.parse(fs.readFileSync(f.expected, 'utf8')));
      expect(expected.site).toBe(f.site);
      expect(siteOf(expected.url), 'the fixture URL is its own site’s').toBe(f.site);
      const doc = loadDocument(f.html, expected.url);
      const own = PageContext.safeParse(SITES[f.site as PageSite].recognize(expected.url, doc));
      expect(own.success, JSON.stringify(own.error?.issues)).toBe(true);
      expect(own.data).toEqual(expected);
      expect(PageContext.parse(recognizePage(expected.url, doc))).toEqual(expected);
    });
  }
});
