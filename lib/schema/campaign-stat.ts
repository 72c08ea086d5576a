import * as z from 'zod/mini';
import { recordBase, Id, IsoDate, Currency, Money, OptionalText, Text } from './common';

/** Where a row of campaign figures comes from; 'other' for display networks, TikTok, hand entry without a platform. */
export const AdChannel = z.enum(['google_ads', 'meta_ads', 'microsoft_ads', 'linkedin_ads', 'other']);
export type AdChannel = z.infer<typeof AdChannel>;

/**
 * How long a row covers: one day, one calendar month, or a range inside one month (a report exported for
 * 5–20 October). `endDate` is the last day covered (= date for a day).
 */
export const StatPeriod = z.enum(['day', 'month', 'range']);
export type StatPeriod = z.infer<typeof StatPeriod>;

const Count = z.number().check(z.int(), z.gte(0), z.lte(1e13));
/** Google Ads reports fractional conversions (data-driven attribution). */
const Amount = Money.check(z.lte(1e13));

export const CampaignStatFields = {
  accountId: Id,
  period: z._default(StatPeriod, 'day'),
  date: IsoDate,
  endDate: IsoDate,
  channel: z._default(AdChannel, 'other'),
  /** Campaign name as the platform shows it; '' for a row that totals the whole channel. */
  campaign: z._default(Text(300), ''),
  /** The platform's own campaign id, when the report has one: the stable key across renames. */
  campaignId: OptionalText(64),
  spend: z._default(Amount, 0),
  impressions: z._default(Count, 0),
  clicks: z._default(Count, 0),
  conversions: z._default(Amount, 0),
  conversionValue: z._default(Amount, 0),
  currency: z._default(Currency, 'EUR'),
  /** 'manual', or the import preset that read it (e.g. 'google-ads-campaigns'). */
  source: OptionalText(100),
};

function checkDates(r: { date: string; endDate: string; period: StatPeriod }): boolean {
  if (r.endDate < r.date) return false;
  if (r.period === 'day') return r.endDate === r.date;
  return r.endDate.slice(0, 7) === r.date.slice(0, 7);
}
const DATES_MESSAGE = 'endDate must be on or after date, equal to it for a day, and in the same month otherwise';

export const CampaignStat = z.object({ ...recordBase, ...CampaignStatFields }).check(z.refine(checkDates, { message: DATES_MESSAGE, path: ['endDate'] }));
export type CampaignStat = z.infer<typeof CampaignStat>;
export const CampaignStatInput = z.object(CampaignStatFields).check(z.refine(checkDates, { message: DATES_MESSAGE, path: ['endDate'] }));
export type CampaignStatInput = z.input<typeof CampaignStatInput>;
