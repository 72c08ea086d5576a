import { core } from './core';
import { sync } from './sync';
import { panel } from './panel';
import { scoring } from './scoring';
import { insights } from './insights';
import { importMessages } from './import';
import { privacyMessages } from './privacy';
import { cryptoMessages } from './crypto';
import { engageMessages } from './engage';
import { agencyMessages } from './agency';
import { onboarding } from './onboarding';
import { numbersMessages } from './numbers';
import { lifecycleMessages } from './lifecycle';
import { loyaltyMessages } from './loyalty';
import { storageMessages } from './storage';

/** Every feature's catalogue: add a file per feature and list it here. */
const CATALOGS = [
  core,
  panel,
  scoring,
  insights,
  sync,
  importMessages,
  privacyMessages,
  cryptoMessages,
  onboarding,
  numbersMessages,
  engageMessages,
  agencyMessages,
  lifecycleMessages,
  loyaltyMessages,
  storageMessages,
] as const;

type Merge<T extends readonly { en: Record<string, string> }[]> = T extends readonly [infer H, ...infer R]
  ? H extends { en: infer E }
    ? E & (R extends readonly { en: Record<string, string> }[] ? Merge<R> : unknown)
    : never
  : unknown;

export type Catalogue = Merge<typeof CATALOGS>;
export type MessageKey = keyof Catalogue & string;

export const en = Object.assign({}, ...CATALOGS.map((c) => c.en)) as Record<MessageKey, string>;
export const fr = Object.assign({}, ...CATALOGS.map((c) => c.fr)) as Record<MessageKey, string>;
