import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

// The unit-test setup (fake-indexeddb, fake browser), this file only.
export default defineConfig({ ...base, test: { ...base.test, include: ['bench/crypto-cost.test.ts'] } });
