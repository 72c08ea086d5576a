/**
 * Campaign-report layouts (issue #14): the column names each ad platform writes, in English and in French where
 * its interface writes them in French. Raw names here; lib/import/presets.ts normalises them and lists them with the
 * other presets, so detection, preamble skipping and the mapping editor treat them like any export.
 * Fixtures of each layout, with their preambles, totals rows and encodings: tests/fixtures/ad-reports/.
 */
import type { AdChannel } from '../schema/campaign-stat';

export const CAMPAIGN_TARGETS = [
  'date', 'month', 'week', 'periodStart', 'periodEnd', 'campaign', 'campaignId', 'channel', 'account', 'adAccountId',
  'spend', 'impressions', 'clicks', 'conversions', 'results', 'resultIndicator', 'conversionValue', 'currency',
] as const;
export type CampaignTarget = (typeof CAMPAIGN_TARGETS)[number];

export interface CampaignPresetSource {
  id: string;
  name: string;
  channel: AdChannel;
  /** The header the export writes (detection scores against it). */
  headers: string[];
  columns: Record<string, CampaignTarget>;
  /** Column names with the currency in them: "Amount spent (EUR)". */
  patterns?: [RegExp, CampaignTarget][];
}

const split = (s: string) => s.split('|');

export const CAMPAIGN_PRESET_SOURCES: CampaignPresetSource[] = [
  {
    id: 'google-ads-campaigns', name: 'Google Ads campaign report', channel: 'google_ads',
    headers: split('Day|Campaign|Campaign ID|Campaign status|Campaign type|Budget|Currency code|Impr.|Interactions|Interaction rate|Clicks|CTR|Avg. CPC|Cost|Conversions|Conv. rate|Conv. value|Cost / conv.|Conv. value / cost'),
    columns: {
      Day: 'date', Date: 'date', Month: 'month', Week: 'week', Campaign: 'campaign', 'Campaign ID': 'campaignId', Account: 'account',
      'Account name': 'account', 'Customer ID': 'adAccountId', 'Currency code': 'currency', 'Impr.': 'impressions', Impressions: 'impressions',
      Clicks: 'clicks', Cost: 'spend', Conversions: 'conversions', 'Conv. value': 'conversionValue', 'Total conv. value': 'conversionValue',
    },
  },
  {
    id: 'google-ads-campaigns-fr', name: 'Google Ads – rapport sur les campagnes (FR)', channel: 'google_ads',
    headers: split('Jour|Campagne|ID de la campagne|État de la campagne|Type de campagne|Budget|Code de la devise|Impr.|Interactions|Taux d’interaction|Clics|CTR|CPC moy.|Coût|Conversions|Taux de conv.|Valeur de conv.|Coût/conv.|Valeur de conv./coût'),
    columns: {
      Jour: 'date', Date: 'date', Mois: 'month', Semaine: 'week', Campagne: 'campaign', 'ID de la campagne': 'campaignId', Compte: 'account',
      'Nom du compte': 'account', 'Numéro client': 'adAccountId', 'ID client': 'adAccountId', 'Code de la devise': 'currency', 'Impr.': 'impressions',
      Impressions: 'impressions', Clics: 'clicks', Coût: 'spend', Conversions: 'conversions', 'Valeur de conv.': 'conversionValue',
      'Valeur totale de conv.': 'conversionValue',
    },
  },
  {
    id: 'meta-ads-manager', name: 'Meta Ads Manager export', channel: 'meta_ads',
    headers: split('Reporting starts|Reporting ends|Campaign name|Ad set name|Campaign delivery|Attribution setting|Results|Result indicator|Reach|Impressions|Frequency|Cost per results|Amount spent (EUR)|CPM (cost per 1,000 impressions) (EUR)|Link clicks|CPC (cost per link click) (EUR)|CTR (link click-through rate)|Purchases|Purchases conversion value|Purchase ROAS (return on ad spend)|Ends'),
    columns: {
      'Reporting starts': 'periodStart', 'Reporting ends': 'periodEnd', Day: 'date', Month: 'month', 'Campaign name': 'campaign', 'Campaign ID': 'campaignId',
      'Account name': 'account', 'Account ID': 'adAccountId', Impressions: 'impressions', 'Link clicks': 'clicks', Purchases: 'conversions',
      'Website purchases': 'conversions', Leads: 'conversions', Results: 'results', 'Result indicator': 'resultIndicator',
      'Purchases conversion value': 'conversionValue', 'Website purchases conversion value': 'conversionValue', Currency: 'currency',
    },
    patterns: [[/^amount spent \([a-z]{3}\)$/, 'spend']],
  },
  {
    id: 'meta-ads-manager-fr', name: 'Meta – Gestionnaire de publicités (FR)', channel: 'meta_ads',
    headers: split('Début des rapports|Fin des rapports|Nom de la campagne|Nom de l’ensemble de publicités|Diffusion de la campagne|Paramètre d’attribution|Résultats|Indicateur de résultats|Couverture|Impressions|Répétition|Coût par résultat|Montant dépensé (EUR)|CPM (coût pour 1 000 impressions) (EUR)|Clics sur un lien|CPC (coût par clic sur un lien) (EUR)|CTR (taux de clics sur le lien)|Achats|Valeur de conversion des achats|Fin'),
    columns: {
      'Début des rapports': 'periodStart', 'Fin des rapports': 'periodEnd', Jour: 'date', Mois: 'month', 'Nom de la campagne': 'campaign',
      'Identifiant de la campagne': 'campaignId', 'Nom du compte': 'account', 'Identifiant du compte': 'adAccountId', Impressions: 'impressions',
      'Clics sur un lien': 'clicks', Achats: 'conversions', 'Achats sur le site web': 'conversions', Prospects: 'conversions', Résultats: 'results',
      'Indicateur de résultats': 'resultIndicator', 'Valeur de conversion des achats': 'conversionValue',
      'Valeur de conversion des achats sur le site web': 'conversionValue', Devise: 'currency',
    },
    patterns: [[/^montant dépensé \([a-z]{3}\)$/, 'spend']],
  },
  {
    id: 'microsoft-ads', name: 'Microsoft Advertising report', channel: 'microsoft_ads',
    headers: split('Gregorian date|Account name|Account number|Campaign name|Campaign ID|Currency code|Impr.|Clicks|CTR|Avg. CPC|Spend|Conv.|Revenue'),
    columns: {
      'Gregorian date': 'date', Day: 'date', Date: 'date', 'Time period': 'date', Month: 'month', Week: 'week', 'Account name': 'account',
      'Account number': 'adAccountId', 'Campaign name': 'campaign', 'Campaign ID': 'campaignId', 'Currency code': 'currency', 'Impr.': 'impressions',
      Impressions: 'impressions', Clicks: 'clicks', Spend: 'spend', 'Conv.': 'conversions', Conversions: 'conversions', Revenue: 'conversionValue',
    },
  },
  {
    id: 'microsoft-ads-api', name: 'Microsoft Advertising report (API columns)', channel: 'microsoft_ads',
    headers: split('TimePeriod|AccountName|AccountNumber|CampaignName|CampaignId|Impressions|Clicks|Spend|Conversions|Revenue|CurrencyCode'),
    columns: {
      TimePeriod: 'date', AccountName: 'account', AccountNumber: 'adAccountId', AccountId: 'adAccountId', CampaignName: 'campaign',
      CampaignId: 'campaignId', Impressions: 'impressions', Clicks: 'clicks', Spend: 'spend', Conversions: 'conversions', Revenue: 'conversionValue',
      CurrencyCode: 'currency',
    },
  },
  {
    id: 'linkedin-campaign-manager', name: 'LinkedIn Campaign Manager export', channel: 'linkedin_ads',
    headers: split('Start Date (in UTC)|Account Name|Currency|Campaign Group Name|Campaign Name|Campaign ID|Campaign Type|Campaign Status|Total Spent|Impressions|Clicks|Click Through Rate|Average CPM|Average CPC|Conversions|Total Conversion Value|Return on Ad Spend'),
    columns: {
      'Start Date (in UTC)': 'periodStart', 'End Date (in UTC)': 'periodEnd', 'Account Name': 'account', Currency: 'currency',
      'Campaign Name': 'campaign', 'Campaign ID': 'campaignId', 'Total Spent': 'spend', Impressions: 'impressions', Clicks: 'clicks',
      Conversions: 'conversions', 'Total Conversion Value': 'conversionValue',
    },
  },
  {
    id: 'linkedin-campaign-manager-fr', name: 'LinkedIn Campaign Manager (FR)', channel: 'linkedin_ads',
    headers: split('Date de début (en UTC)|Nom du compte|Devise|Nom du groupe de campagnes|Nom de la campagne|ID de la campagne|Type de campagne|Statut de la campagne|Total dépensé|Impressions|Clics|Taux de clics|CPM moyen|CPC moyen|Conversions|Valeur totale des conversions'),
    columns: {
      'Date de début (en UTC)': 'periodStart', 'Date de fin (en UTC)': 'periodEnd', 'Nom du compte': 'account', Devise: 'currency',
      'Nom de la campagne': 'campaign', 'ID de la campagne': 'campaignId', 'Total dépensé': 'spend', Impressions: 'impressions', Clics: 'clicks',
      Conversions: 'conversions', 'Valeur totale des conversions': 'conversionValue',
    },
  },
];

/** Synonyms of a campaign file in no known layout (an agency's own sheet, a TikTok or display export), EN and FR. */
export const GENERIC_CAMPAIGN_COLUMNS: Record<string, CampaignTarget> = {
  date: 'date', day: 'date', jour: 'date', month: 'month', mois: 'month', week: 'week', semaine: 'week',
  'start date': 'periodStart', 'end date': 'periodEnd', 'date de début': 'periodStart', 'date de fin': 'periodEnd',
  campaign: 'campaign', 'campaign name': 'campaign', campagne: 'campaign', 'nom de la campagne': 'campaign', 'campaign id': 'campaignId',
  channel: 'channel', canal: 'channel', platform: 'channel', plateforme: 'channel', network: 'channel', réseau: 'channel', levier: 'channel',
  account: 'account', client: 'account', compte: 'account', 'ad account': 'account',
  spend: 'spend', cost: 'spend', coût: 'spend', cout: 'spend', dépenses: 'spend', depenses: 'spend', 'amount spent': 'spend',
  'montant dépensé': 'spend', 'media spend': 'spend', 'budget dépensé': 'spend',
  impressions: 'impressions', 'impr.': 'impressions', clicks: 'clicks', clics: 'clicks', conversions: 'conversions', 'conv.': 'conversions',
  'conversion value': 'conversionValue', 'conv. value': 'conversionValue', revenue: 'conversionValue', 'chiffre d’affaires': 'conversionValue',
  "chiffre d'affaires": 'conversionValue', 'valeur des conversions': 'conversionValue', 'valeur de conversion': 'conversionValue',
  currency: 'currency', devise: 'currency',
};
