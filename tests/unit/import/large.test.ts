import { it, expect } from 'vitest';
import { analyzeFile, planFile, runImport } from '../../../lib/import';
import { getDb } from '../../../lib/db';
import { enc } from './helpers';

it('100 000 generated contacts: plan + commit in one transaction', async () => {
  const N = 100_000;
  const lines = ['First Name,Last Name,Email,Company,Phone'];
  for (let i = 0; i < N; i++) lines.push(`First${i},Last${i},person${i}@company${i % 1000}.com,Company ${i % 1000},+33 1 ${String(i).padStart(8, '0')}`);
  const bytes = enc(lines.join('\n'));
  const t0 = performance.now();
  const analyzed = await analyzeFile(bytes);
  const t1 = performance.now();
  const plan = await planFile(analyzed);
  const t2 = performance.now();
  expect(plan.summary.new).toBe(N);
  expect(plan.summary.byEntity.accounts?.new).toBe(1000);
  let progressCalls = 0;
  const summary = await runImport(plan, { onProgress: () => progressCalls++ });
  const t3 = performance.now();
  expect(summary.created).toEqual({ accounts: 1000, contacts: N });
  expect(await getDb().contacts.count()).toBe(N);
  expect(progressCalls).toBeGreaterThan(10);
  console.log(
    `100k rows (${(bytes.length / 1e6).toFixed(1)} MB): parse ${Math.round(t1 - t0)} ms, plan ${Math.round(t2 - t1)} ms, commit ${Math.round(t3 - t2)} ms, total ${Math.round(t3 - t0)} ms`,
  );
}, 300_000);
