import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'preact';
import { analyzeFile, planFile } from '../../../lib/import';
import { dryRunOf } from '../../../lib/import/dry-run';
import { langSetting } from '../../../lib/i18n';
import { DryRunSummary } from '../../../components/import/DryRunSummary';

const enc = (s: string) => new TextEncoder().encode(s);

afterEach(() => {
  langSetting.value = null;
});

describe('the dry run reports damaged identifiers, with line numbers, in English and French', () => {
  it('lists each damaged id by line and says so up front', async () => {
    const plan = await planFile(
      await analyzeFile(enc('Contact ID,First Name,Last Name,Email\n1.2315E+11,Ann,Lee,ann@lee.example\n1.2315E+11,Bob,Ray,bob@ray.example\n')),
    );
    const host = document.createElement('div');
    for (const [lang, notice, line, words] of [
      ['en', /2 identifiers were damaged/, 'Line 2', /Contact ID: “1\.2315E\+11” is in scientific notation/],
      ['fr', /2 identifiants abîmés/, 'Ligne 2', /Contact ID : « 1\.2315E\+11 » est en notation scientifique/],
    ] as const) {
      langSetting.value = lang;
      render(<DryRunSummary plan={dryRunOf(plan)} />, host);
      expect(host.querySelector('[data-testid="id-warnings"]')?.textContent).toMatch(notice);
      const rows = [...host.querySelectorAll('[data-testid="warning-rows"] li')].map((li) => li.textContent ?? '');
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain(line);
      expect(rows[0]).toMatch(words);
      expect(host.querySelector('details[open] [data-testid="warning-rows"]')).not.toBeNull();
    }
    render(null, host);
  });
});
