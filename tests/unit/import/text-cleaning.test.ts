import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyzeFile, planFile, runImport, decodeBytes } from '../../../lib/import';
import { getDb } from '../../../lib/db';
import { exportBackup, restoreBackup, RestoreError } from '../../../lib/backup/backup';
import { Text, Tags, CustomFields } from '../../../lib/schema';
import { cleanText, isStorableText, unstorablePath, exceedsJsonDepth } from '../../../lib/schema/text';

/** Text nobody can store (NUL, lone surrogates) is cleaned wherever it enters: schema, files, backups. */

const utf16 = (s: string, order: 'le' | 'be', bom = false) => {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const put = (i: number, c: number) => {
    out[i * 2] = order === 'le' ? c & 0xff : c >> 8;
    out[i * 2 + 1] = order === 'le' ? c >> 8 : c & 0xff;
  };
  if (bom) put(0, 0xfeff);
  for (let i = 0; i < s.length; i++) put(i + (bom ? 1 : 0), s.charCodeAt(i));
  return out;
};

describe('text cleaning', () => {
  it('every string the schema parses can be stored, and clean text is left as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        const r = Text(1000).safeParse(s);
        expect(r.success).toBe(true);
        expect(isStorableText(r.data as string)).toBe(true);
        if (isStorableText(s)) expect(r.data).toBe(s);
      }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })),
        fc.array(fc.string({ unit: 'binary', minLength: 1 })),
        (custom, tags) => {
          const c = CustomFields.safeParse(custom);
          if (c.success) expect(unstorablePath(c.data)).toBeNull();
          const t = Tags.safeParse(tags);
          if (t.success) expect(unstorablePath(t.data)).toBeNull();
        },
      ),
    );
    expect(cleanText('a\u0000b\ud800c\udc00\ud83d\ude00')).toBe('ab\ufffdc\ufffd\ud83d\ude00');
  });

  it('what a text schema parses parses again to the same value (replicas re-parse what they receive)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 70 }), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })),
        (tags, custom) => {
          for (const [schema, value] of [
            [Tags, tags],
            [CustomFields, custom],
            [Text(64), tags[0] ?? ''],
          ] as const) {
            const once = schema.safeParse(value);
            if (!once.success) continue;
            const twice = schema.safeParse(once.data);
            expect(twice.success).toBe(true);
            expect(twice.data).toEqual(once.data);
          }
        },
      ),
    );
  });

  it('reads UTF-16 files without a BOM, both byte orders, as well as with one', () => {
    const csv = 'First Name,Last Name,E-mail\r\nHélène,Dupont,h@acme.fr\r\n';
    for (const order of ['le', 'be'] as const) {
      for (const bom of [false, true]) {
        const d = decodeBytes(utf16(csv, order, bom));
        expect(d.encoding).toBe(`utf-16${order}`);
        expect(d.text).toBe(csv);
      }
    }
  });

  it('an imported file with NUL characters and lone surrogates lands clean', async () => {
    const csv = 'First Name,Last Name,E-mail,Notes\nAn\u0000n,Lee\ud800,ann@lee.fr,ok\u0000\udc00\n';
    for (const bytes of [new TextEncoder().encode(csv), utf16(csv, 'le')]) {
      await getDb().contacts.clear();
      await runImport(await planFile(await analyzeFile(bytes)));
      const [c] = await getDb().contacts.toArray();
      expect(c).toMatchObject({ firstName: 'Ann', emails: ['ann@lee.fr'] });
      expect(isStorableText(JSON.stringify(c))).toBe(true);
      expect(unstorablePath(c)).toBeNull();
    }
  });

  it('a backup with such text restores clean; one nesting deeper than any backup is refused with a reason', async () => {
    const b = await exportBackup();
    b.tables.accounts = [
      {
        id: '0190a0a0-0000-7000-8000-0000000000a1',
        createdAt: '2026-01-01T00:00:00.000Z-0000-abcd',
        updatedAt: '2026-01-01T00:00:00.000Z-0000-abcd',
        name: 'Ac\u0000me\ud800',
      },
    ];
    await restoreBackup(JSON.stringify(b));
    expect((await getDb().accounts.toArray()).map((a) => a.name)).toEqual(['Acme\ufffd']);
    const deep = `{"format":"x","tables":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(exceedsJsonDepth(deep, 64)).toBe(true);
    await expect(restoreBackup(deep)).rejects.toBeInstanceOf(RestoreError);
  });

  it('reads JSON depth without being fooled by brackets inside strings', () => {
    expect(exceedsJsonDepth(JSON.stringify({ a: '[[[[[[[[[[{{{{{{{{' }), 3)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify({ a: 'x\\"[[[[' }), 1)).toBe(false);
    expect(exceedsJsonDepth('[[[[]]]]', 3)).toBe(true);
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expect(exceedsJsonDepth(text, 7)).toBe(false);
      }),
    );
  });
});
