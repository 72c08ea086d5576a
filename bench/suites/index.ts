import type { BenchSuite } from '../harness';
import { foundationSuite } from './foundation';
import { recognitionSuite } from './recognition';
import { importSuite } from './import';

/** Every benchmark suite, run in order in real Chromium by `npm run bench`. */
export const SUITES: BenchSuite[] = [foundationSuite, recognitionSuite, importSuite];
