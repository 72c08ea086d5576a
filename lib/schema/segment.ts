import * as z from 'zod/mini';
import { recordBase, OptionalText, Text } from './common';

export const RuleOperator = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'in', 'exists', 'within_days']);
export const RuleValue = z.union([Text(1000), z.number(), z.boolean(), z.null(), z.array(z.union([Text(1000), z.number()]))]);

export const RuleCondition = z.object({
  field: Text(100).check(z.minLength(1)),
  operator: RuleOperator,
  value: RuleValue,
});
export type RuleCondition = z.infer<typeof RuleCondition>;

export interface RuleGroup {
  op: 'and' | 'or';
  rules: (RuleCondition | RuleGroup)[];
}
export const RuleGroup: z.ZodMiniType<RuleGroup> = z.object({
  op: z.enum(['and', 'or']),
  get rules() {
    return z.array(z.union([RuleCondition, RuleGroup]));
  },
});

export const SegmentFields = {
  name: Text(100).check(z.minLength(1)),
  description: OptionalText(1000),
  rule: RuleGroup,
  color: OptionalText(20),
};
export const Segment = z.object({ ...recordBase, ...SegmentFields });
export type Segment = z.infer<typeof Segment>;
export const SegmentInput = z.object(SegmentFields);
export type SegmentInput = z.input<typeof SegmentInput>;
