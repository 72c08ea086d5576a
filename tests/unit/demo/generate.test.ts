import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { ENTITIES, Id } from '../../../lib/schema';
import { generatePortfolio, generateHeavyAccount, DEMO_ENTITIES, type DemoChunk } from '../../../lib/demo/generate';

const NOW = new Date('2026-03-15T10:00:00.000Z');

function collect(opts: Parameters<typeof generatePortfolio>[0]): DemoChunk[] {
  return [...generatePortfolio(opts)];
}

function digest(chunks: Iterable<DemoChunk>): string {
  const h = createHash('sha256');
  for (const c of chunks) h.update(JSON.stringify(c));
  return h.digest('hex');
}

describe('demo portfolio: schema', () => {
  it('every generated record passes its entity schema', () => {
    let checked = 0;
    for (const chunk of generatePortfolio({ seed: 7, accounts: 300, now: NOW })) {
      for (const name of DEMO_ENTITIES) {
        for (const rec of chunk[name]) {
          const { id, ...input } = rec as { id: string };
          expect(Id.safeParse(id).success, `${name} id ${id}`).toBe(true);
          const r = ENTITIES[name].input.safeParse(input);
          if (!r.success) throw new Error(`${name} ${id}: ${JSON.stringify(r.error.issues)}\n${JSON.stringify(input)}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300 * 20);
  });
});
