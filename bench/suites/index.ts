import type { BenchSuite } from '../harness';
import { foundationSuite } from './foundation';
import { syncSuite } from './sync';
import { recognitionSuite } from './recognition';
import { view360Suite } from './view360';
import { scoringSuite } from './scoring';
import { importSuite } from './import';
import { portfolioSuite } from './portfolio';
import { engageSuite } from './engage';

/** Every benchmark suite, run in order in real Chromium by `npm run bench`. */
export const SUITES: BenchSuite[] = [foundationSuite, recognitionSuite, view360Suite, portfolioSuite, scoringSuite, importSuite, syncSuite, engageSuite];
