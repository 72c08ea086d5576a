import type { Account } from '../schema/account';

/** The account fields the scoring reads (a plain object: from the database, a worker message or a test). */
export type AccountLike = Pick<
  Account,
  | 'id'
  | 'name'
  | 'tier'
  | 'lifecycleStage'
  | 'owner'
  | 'industry'
  | 'tags'
  | 'annualValue'
  | 'currency'
  | 'contractStart'
  | 'renewalDate'
  | 'churnedAt'
  | 'createdAt'
> &
  Partial<Pick<Account, 'size' | 'custom' | 'deletedAt'>>;
