import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // A site's tests sit in its folder, beside its fixtures (lib/sites/<site>/).
    include: ['tests/unit/**/*.test.{ts,tsx}', 'lib/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', './tests/unit/setup.ts'],
    testTimeout: 30000,
  },
});
