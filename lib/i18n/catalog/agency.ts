import { defineMessages } from '../define';

/** Agency accounts: campaign KPIs, targets, campaign-report import, alerts and the client report (issue #14). */
export const agencyMessages = defineMessages(
  {
    'privacy.what.campaign_figures': 'Campaign figures (spend, clicks, conversions per day or month)',
    'privacy.what.campaign_targets_budgets': 'Campaign targets and budgets per client',
    'privacy.what.client_report_notes': 'Notes and next steps of client reports',
  },
  {
    'privacy.what.campaign_figures': 'Chiffres de campagnes (dépenses, clics, conversions par jour ou par mois)',
    'privacy.what.campaign_targets_budgets': 'Objectifs et budgets de campagnes par client',
    'privacy.what.client_report_notes': 'Notes et prochaines étapes des rapports clients',
  },
);
