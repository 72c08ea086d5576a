import * as z from 'zod/mini';
import { recordBase, Domain, Currency, Money, IsoDate, Tags, CustomFields, OptionalText, Text } from './common';

export const LifecycleStage = z.enum(['prospect', 'onboarding', 'active', 'at_risk', 'dormant', 'churned']);
export const Tier = z.enum(['strategic', 'key', 'standard', 'small']);
export const CompanySize = z.enum(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+']);

export const AccountFields = {
  name: Text(200).check(z.minLength(1)),
  domains: z._default(z.array(Domain), []),
  industry: OptionalText(100),
  size: z._default(z.nullable(CompanySize), null),
  owner: OptionalText(200),
  lifecycleStage: z._default(LifecycleStage, 'active'),
  tier: z._default(Tier, 'standard'),
  currency: z._default(Currency, 'EUR'),
  annualValue: z._default(z.nullable(Money), null),
  contractStart: z._default(z.nullable(IsoDate), null),
  renewalDate: z._default(z.nullable(IsoDate), null),
  /** When the account was lost; set with lifecycleStage 'churned', and the label the health model learns from. */
  churnedAt: z._default(z.nullable(IsoDate), null),
  linkedinUrl: OptionalText(300),
  tags: Tags,
  custom: CustomFields,
  notes: OptionalText(20000),
};

export const Account = z.object({ ...recordBase, ...AccountFields });
export type Account = z.infer<typeof Account>;
export const AccountInput = z.object(AccountFields);
export type AccountInput = z.input<typeof AccountInput>;
