/** The portfolio row's percentage says what it is: churn risk, on screen and for screen readers, in FR and EN (#12). */
import { describe, it, expect, afterEach } from 'vitest';
import { render } from 'preact';
import { insert, getDb } from '../../../lib/db';
import { langSetting } from '../../../lib/i18n';
import { PortfolioView } from '../../../components/PortfolioView';

async function until(check: () => boolean, ms = 5000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The accessible name as a screen reader computes it for this content: text, without aria-hidden parts. */
function accessibleText(el: Element): string {
  let out = '';
  for (const n of el.childNodes) {
    if (n.nodeType === 3) out += n.textContent;
    else if (n instanceof Element && n.getAttribute('aria-hidden') !== 'true') out += accessibleText(n);
  }
  return out.replace(/\s+/g, ' ');
}

describe('portfolio rows', () => {
  const host = document.createElement('div');
  afterEach(() => {
    render(null, host);
    langSetting.value = null;
  });

  it('label the churn risk, in English and French', async () => {
    const a = await insert('accounts', { name: 'Acme', annualValue: 1000 });
    await insert('accounts', { name: 'Zeta' });
    await getDb().scores.put({
      accountId: a.id,
      churnProbability: 0.42,
      churnModel: 'health',
      reasons: [],
      clv: null,
      clvMethod: 'none',
      segments: [],
      actions: [],
      computedAt: new Date().toISOString(),
    });
    langSetting.value = 'en';
    document.body.append(host);
    render(<PortfolioView />, host);
    const rows = () => [...host.querySelectorAll<HTMLButtonElement>('button.row')];
    await until(() => rows().length === 2);
    const [acme, zeta] = rows();
    const risk = acme!.querySelector('[data-testid="row-churn"]')!;
    // on screen: a short label with the figure; for a screen reader and on hover: what the figure is
    expect(risk.querySelector('[aria-hidden="true"]')!.textContent).toMatch(/^Risk 42\s?%$/);
    expect(risk.getAttribute('title')).toMatch(/^Churn risk 42\s?%$/);
    expect(accessibleText(acme!)).toMatch(/Churn risk 42\s?%/);
    expect(accessibleText(acme!)).not.toMatch(/Risk 42/);
    expect(accessibleText(zeta!)).toContain('Churn risk not scored yet');
    langSetting.value = 'fr';
    await until(() => accessibleText(rows()[0]!).includes('attrition'));
    expect(accessibleText(rows()[0]!)).toMatch(/Risque d’attrition 42\s?%/);
    expect(rows()[0]!.querySelector('[data-testid="row-churn"] [aria-hidden="true"]')!.textContent).toMatch(/^Risque 42\s?%$/);
  });
});
