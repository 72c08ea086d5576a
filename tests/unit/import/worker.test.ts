import { it, expect } from 'vitest';
import { createImportHandler } from '../../../lib/import/worker-handler';
import type { FromWorker } from '../../../lib/import/worker-protocol';
import { runImport } from '../../../lib/import';
import { getDb } from '../../../lib/db';
import { readReal } from './helpers';

it('the worker protocol analyses, plans and reports errors (without a worker)', async () => {
  const out: FromWorker[] = [];
  const handle = createImportHandler((m) => out.push(m));
  const buf = readReal('linkedin-Connections.csv');
  await handle({ type: 'analyze', bytes: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
  const analyzed = out.find((m) => m.type === 'analyzed');
  expect(analyzed).toMatchObject({ preset: { id: 'linkedin' }, rows: 5, headerLine: 4, confidence: 1 });
  await handle({ type: 'plan' });
  const plan = out.find((m) => m.type === 'plan');
  expect(plan?.type === 'plan' && plan.plan.summary.new).toBe(4);
  if (plan?.type === 'plan') await runImport(structuredClone(plan.plan));
  expect(await getDb().contacts.count()).toBe(4);
  await handle({ type: 'analyze', bytes: new ArrayBuffer(0) });
  expect(out.at(-1)).toEqual({ type: 'error', message: 'The file is empty.', code: 'empty' });
});
