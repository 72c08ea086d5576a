import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { createImportHandler } from '../../../lib/import/worker-handler';
import type { FromWorker } from '../../../lib/import/worker-protocol';
import { createImportModel, errorKey, mappingRows, withColumn, type WorkerPort } from '../../../lib/panel/models/import';
import { getDb } from '../../../lib/db/db';
import { listImportPresets } from '../../../lib/db/import-presets';
import { detectPreset } from '../../../lib/import/presets';
import { REALDATA_DIR } from '../../realdata-dir';

const SF_CONTACTS = path.join(REALDATA_DIR, 'crm-exports/salesforce-Contact.csv');

/** The worker's handler run in-process: same messages, no thread. */
function inProcessPort(seen: FromWorker[] = [], onTerminate = () => {}): WorkerPort {
  let listener: (m: FromWorker) => void = () => {};
  const handle = createImportHandler((m) =>
    queueMicrotask(() => {
      seen.push(m);
      listener(structuredClone(m));
    }),
  );
  return { post: (m) => void handle(structuredClone(m)), onMessage: (cb) => (listener = cb), terminate: onTerminate };
}

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('import session', () => {
  it('imports the real Salesforce contact export: detection, dry run, commit', async () => {
    const s = createImportModel(inProcessPort);
    const buf = fs.readFileSync(SF_CONTACTS);
    await s.analyze('salesforce-Contact.csv', buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    expect(s.error.value).toBeNull();
    expect(s.step.value).toBe('analyzed');
    expect(s.analyzed.value!.preset.id).toBe('salesforce-contact');
    expect(s.mapping.value.Email).toBe('email');
    await s.dryRun();
    expect(s.step.value).toBe('planned');
    const sum = s.plan.value!.summary;
    const dataRows = fs.readFileSync(SF_CONTACTS, 'utf8').trim().split('\n').length - 1;
    expect(sum.new + sum.updated + sum.duplicates + sum.invalid.length).toBeGreaterThan(0);
    expect(sum.new).toBeLessThanOrEqual(dataRows);
    await s.commit();
    expect(s.step.value).toBe('done');
    expect(await getDb().contacts.count()).toBe(s.result.value!.created.contacts);
    expect(s.result.value!.created.contacts).toBe(s.plan.value!.summary.byEntity.contacts!.new);
  });

  it('reports a binary file with its code and stays on the file step', async () => {
    const s = createImportModel(inProcessPort);
    await s.analyze('x.csv', new Uint8Array([0, 1, 2, 3, 0, 0, 5, 6, 7, 0]).buffer);
    expect(s.step.value).toBe('idle');
    expect(s.error.value?.code).toBe('binary');
    expect(errorKey(s.error.value!.code)).toBe('import.error.binary');
    expect(errorKey('whatever')).toBe('import.error.other');
  });

  it('cancel during commit leaves the database unchanged', async () => {
    const rows = ['First Name,Last Name,E-mail Address'];
    for (let i = 0; i < 5000; i++) rows.push(`A${i},B${i},p${i}@example.org`);
    const s = createImportModel(inProcessPort);
    await s.analyze('big.csv', bytesOf(rows.join('\n')));
    await s.dryRun();
    expect(s.plan.value!.summary.new).toBe(5000);
    const running = s.commit();
    s.cancel();
    await running;
    expect(s.error.value?.code).toBe('aborted');
    expect(s.step.value).toBe('planned');
    expect(await getDb().contacts.count()).toBe(0);
  });

  it('edits the mapping and saves it as a preset that detection then prefers', async () => {
    const s = createImportModel(inProcessPort);
    await s.analyze('odd.csv', bytesOf('Nom complet,Courriel,Bidule\nAnne Martin,anne@example.org,x\n'));
    s.setEntity('contacts');
    s.setColumn('Nom complet', 'fullName');
    s.setColumn('Courriel', 'email');
    s.setColumn('Bidule', '');
    expect(s.mapping.value).toEqual({ 'Nom complet': 'fullName', Courriel: 'email' });
    s.setPresetName('  My odd file ');
    const saved = await s.savePreset();
    expect(s.savedPreset.value).toBe('My odd file');
    expect((await listImportPresets()).map((p) => p.name)).toEqual(['My odd file']);
    expect(detectPreset(['Nom complet', 'Courriel', 'Bidule'], [saved]).preset.id).toBe(saved.id);
    await s.dryRun();
    expect(s.plan.value!.summary.new).toBe(1);
  });

  it('helpers: mapping rows, column edits', () => {
    const rows = mappingRows(['A', 'B'], { A: 'email' }, 'contacts');
    expect(rows.map((r) => r.target)).toEqual(['email', '']);
    expect(rows[0]!.choices).toContain('linkedinUrl');
    expect(withColumn({ A: 'email' }, 'A', '')).toEqual({});
  });

  it('the panel gets the dry run summary and throttled progress, never the records; the worker writes', async () => {
    const rows = ['First Name,Last Name,E-mail Address'];
    for (let i = 0; i < 3000; i++) rows.push(`A${i},B${i},p${i}@example.org`);
    for (let i = 0; i < 700; i++) rows.push(`,,not-an-email-${i}`);
    const seen: FromWorker[] = [];
    const s = createImportModel(() => inProcessPort(seen));
    await s.analyze('mixed.csv', bytesOf(rows.join('\n')));
    await s.dryRun();
    const sum = s.plan.value!.summary;
    expect(sum.new).toBe(3000);
    expect(sum.invalidCount).toBe(700);
    // Bounded and in line order: the first 500 invalid rows are lines 3002..3501.
    expect(sum.invalid.map((i) => i.line)).toEqual(Array.from({ length: 500 }, (_, i) => 3002 + i));
    expect(JSON.stringify(seen).length).toBeLessThan(100_000);
    expect(seen.some((m) => 'plan' in m || JSON.stringify(m).includes('p2999@example.org'))).toBe(false);
    seen.length = 0;
    await s.commit();
    expect(s.step.value).toBe('done');
    expect(await getDb().contacts.count()).toBe(3000);
    const writes = seen.filter((m): m is Extract<FromWorker, { type: 'progress' }> => m.type === 'progress' && m.phase === 'write');
    expect(writes.at(-1)).toMatchObject({ done: 1, written: 3000, total: 3000 });
    expect(writes.length).toBeLessThanOrEqual(3);
  });

  it('leaving the screen during an import lets it finish, then ends the worker', async () => {
    const rows = ['First Name,Last Name,E-mail Address'];
    for (let i = 0; i < 2000; i++) rows.push(`A${i},B${i},p${i}@example.org`);
    let terminated = 0;
    const s = createImportModel(() => inProcessPort([], () => terminated++));
    await s.analyze('big.csv', bytesOf(rows.join('\n')));
    await s.dryRun();
    const running = s.commit();
    s.dispose();
    expect(terminated).toBe(0);
    await running;
    expect(terminated).toBe(1);
    expect(await getDb().contacts.count()).toBe(2000);
  });
});
