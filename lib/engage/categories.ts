import type { Purpose } from '../schema/contact';
import type { TemplateCategory } from '../schema/template';

export const TEMPLATE_CATEGORIES = [
  'welcome',
  'follow_up',
  'renewal',
  'win_back',
  'birthday',
  'survey_request',
  'referral_ask',
] as const satisfies readonly TemplateCategory[];

/** What sending a template of this category is for, checked against the contact's consent ledger. */
export const CATEGORY_PURPOSE: Record<TemplateCategory, Purpose> = {
  welcome: 'account_management',
  follow_up: 'account_management',
  renewal: 'sales',
  win_back: 'marketing',
  birthday: 'marketing',
  survey_request: 'surveys',
  referral_ask: 'marketing',
};

/**
 * The template category a next-best-action writes with (its built-in text key, lib/scoring/nba's TemplateKey):
 * the action's button inserts the user's own template of that category.
 */
export const ACTION_TEMPLATE_CATEGORY: Record<string, TemplateCategory> = {
  renewal_proposal: 'renewal',
  nps_request: 'survey_request',
  referral_request: 'referral_ask',
  reengage: 'win_back',
  upsell: 'follow_up',
  birthday: 'birthday',
  welcome: 'welcome',
};
