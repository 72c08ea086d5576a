import { defineMessages } from '../define';

/** Loyalty programme, lifecycle workflows and sequences (#13). */
export const lifecycleMessages = defineMessages(
  {
    // next-best-actions these features add (lib/scoring/nba.ts)
    'scoring.action.onboarding_checkin': 'Onboarding check-in call',
    'scoring.action.renewal_reminder': 'Prepare the renewal',
    'scoring.action.win_back': 'Win the customer back',
    'scoring.action.recovery_call': 'Recovery call to a detractor',
    'scoring.action.ask_csat': 'Ask how the ticket went (CSAT)',
    'scoring.action.loyalty_tier_drop': 'Warn of the loyalty tier drop',
    'scoring.task.onboarding_checkin': 'Onboarding check-in with {account}',
    'scoring.task.renewal_reminder': 'Prepare the renewal of {account}',
    'scoring.task.win_back': 'Win back {account}',
    'scoring.task.recovery_call': 'Recovery call at {account}',
    'scoring.task.ask_csat': 'CSAT request at {account}',
    'scoring.task.loyalty_tier_drop': 'Loyalty tier of {account} about to drop',
    'scoring.reason.onboarding_days': 'Customer for {days} days: time for a check-in',
    'scoring.reason.lost_days': 'Lost {days} days ago',
    'scoring.reason.nps_detractor': '{name} answered {score}/10 {days} days ago',
    'scoring.reason.ticket_solved': 'Ticket of {name} solved {days} days ago',
    'scoring.reason.loyalty_tier_drop': '{tier} ends in {days} days without {points} more points',
    'scoring.reason.promoter_bonus': '{name} gave {score}/10; a referral earns {points} points',

    'privacy.what.loyalty_programme': 'Loyalty programme rules',
    'privacy.what.referrals': 'Referrals (who brought which account)',
    'privacy.what.workflow_ledger': 'What lifecycle workflows proposed',
    'privacy.what.sequences': 'Sequences',
    'privacy.what.sequence_enrolments': 'Sequence enrolments',

    'sequence.taskTitle': '{sequence} · step {n}/{total}: {template}',
    'sequence.templateGone': 'template deleted',
  },
  {
    'scoring.action.onboarding_checkin': 'Appel de suivi d’intégration',
    'scoring.action.renewal_reminder': 'Préparer le renouvellement',
    'scoring.action.win_back': 'Reconquérir le client',
    'scoring.action.recovery_call': 'Rappeler un détracteur',
    'scoring.action.ask_csat': 'Demander la satisfaction sur le ticket (CSAT)',
    'scoring.action.loyalty_tier_drop': 'Prévenir de la perte du niveau de fidélité',
    'scoring.task.onboarding_checkin': 'Point d’intégration avec {account}',
    'scoring.task.renewal_reminder': 'Préparer le renouvellement de {account}',
    'scoring.task.win_back': 'Reconquérir {account}',
    'scoring.task.recovery_call': 'Rappel de rattrapage chez {account}',
    'scoring.task.ask_csat': 'Demande de CSAT chez {account}',
    'scoring.task.loyalty_tier_drop': 'Niveau de fidélité de {account} bientôt perdu',
    'scoring.reason.onboarding_days': 'Client depuis {days} jours : l’heure d’un point',
    'scoring.reason.lost_days': 'Perdu il y a {days} jours',
    'scoring.reason.nps_detractor': '{name} a répondu {score}/10 il y a {days} jours',
    'scoring.reason.ticket_solved': 'Ticket de {name} résolu il y a {days} jours',
    'scoring.reason.loyalty_tier_drop': '{tier} prend fin dans {days} jours sans {points} points de plus',
    'scoring.reason.promoter_bonus': '{name} a donné {score}/10 ; une recommandation rapporte {points} points',

    'privacy.what.loyalty_programme': 'Règles du programme de fidélité',
    'privacy.what.referrals': 'Recommandations (qui a amené quel compte)',
    'privacy.what.workflow_ledger': 'Ce que les workflows ont proposé',
    'privacy.what.sequences': 'Séquences',
    'privacy.what.sequence_enrolments': 'Inscriptions aux séquences',

    'sequence.taskTitle': '{sequence} · étape {n}/{total} : {template}',
    'sequence.templateGone': 'modèle supprimé',
  },
);
