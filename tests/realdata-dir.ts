import fs from 'node:fs';
import path from 'node:path';

/**
 * The shared, read-only real-world material (../shared/realdata beside the checkout). A git worktree sits one
 * level deeper than the main checkout, so both parents are tried; CARNET_REALDATA overrides.
 */
function findRealdata(): string {
  const root = path.resolve(import.meta.dirname, '..');
  const candidates = [process.env.CARNET_REALDATA, path.resolve(root, '../shared/realdata'), path.resolve(root, '../../shared/realdata')].filter(
    (p): p is string => !!p,
  );
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[candidates.length - 2]!;
}

export const REALDATA_DIR = findRealdata();
