import type { BenchSuite } from '../harness';
import { foundationSuite } from './foundation';

/** Every benchmark suite, run in order in real Chromium by `npm run bench`. */
export const SUITES: BenchSuite[] = [foundationSuite];
