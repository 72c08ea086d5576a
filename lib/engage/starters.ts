/**
 * The starter templates, in French and English, drawn from the situations of the demo portfolio and the
 * next-best-actions (welcome, renewal with a competitor's offer, late delivery, second-site rollout, dormant
 * account, NPS and CSAT requests, referral from promoters). Seeded once on first use, then the user's to edit or
 * delete. The renewal template ships with two variants as an A/B test, to show how one runs.
 */
import type { AbTest, TemplateCategory, TemplateContent } from '../schema/template';
import { hash32 } from './variants';

interface Starter {
  key: string;
  category: TemplateCategory;
  name: { fr: string; en: string };
  variants: { fr: { subject: string; body: string }; en: { subject: string; body: string } }[];
}

const STARTERS: Starter[] = [
  {
    key: 'welcome',
    category: 'welcome',
    name: { fr: 'Bienvenue — premier point', en: 'Welcome — kick-off call' },
    variants: [
      {
        fr: {
          subject: 'Bienvenue chez nous, {{company}} !',
          body: 'Bonjour {{firstName}},\n\nMerci de votre confiance et bienvenue ! Je suis votre interlocuteur pour {{company}} : n’hésitez pas à me solliciter pour toute question.\n\nJe vous propose un premier point de trente minutes pour bien démarrer : quelles sont vos disponibilités la semaine prochaine ?\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: 'Welcome aboard, {{company}}!',
          body: 'Hello {{firstName|there}},\n\nThank you for choosing us, and welcome! I am your point of contact for {{company}}, so please reach out with any question.\n\nShall we set up a 30-minute kick-off call to get you started? Which times suit you next week?\n\nBest regards,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'follow_up_meeting',
    category: 'follow_up',
    name: { fr: 'Suivi après réunion', en: 'Follow-up after a meeting' },
    variants: [
      {
        fr: {
          subject: 'Suite à notre échange',
          body: 'Bonjour {{firstName}},\n\nMerci pour le temps que vous nous avez accordé. Comme convenu, voici les prochaines étapes :\n\n- \n- \n\nJe reviens vers vous d’ici la fin de la semaine. D’ici là, je reste disponible pour toute question.\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: 'Following up on our conversation',
          body: 'Hello {{firstName|there}},\n\nThank you for your time today. As agreed, here are the next steps:\n\n- \n- \n\nI will get back to you by the end of the week; in the meantime, I am here for any question.\n\nBest regards,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'upsell',
    category: 'follow_up',
    name: { fr: 'Extension à un nouveau site', en: 'Rolling out to another site' },
    variants: [
      {
        fr: {
          subject: 'Aller plus loin ensemble, {{company}}',
          body: 'Bonjour {{firstName}},\n\nVu l’usage que {{company}} fait de nos services, je pense qu’une extension à votre deuxième site pourrait faire gagner du temps à vos équipes. Puis-je vous préparer un devis et vous le présenter en quinze minutes ?\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: 'Taking it further, {{company}}',
          body: 'Hello {{firstName|there}},\n\nGiven how {{company}} uses our services, I think rolling them out to your second site could save your teams time. Could I prepare a quote and walk you through it in fifteen minutes?\n\nBest regards,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'late_delivery',
    category: 'follow_up',
    name: { fr: 'Retard de livraison — nos excuses', en: 'Late delivery — our apologies' },
    variants: [
      {
        fr: {
          subject: 'Votre livraison : nos excuses et la suite',
          body: 'Bonjour {{firstName}},\n\nJe suis désolé du retard de votre dernière livraison. Voici ce que nous mettons en place pour qu’il ne se reproduise pas : \n\nJe vous appelle demain pour faire le point ensemble. N’hésitez pas à me répondre directement d’ici là.\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: 'Your delivery: our apologies and next steps',
          body: 'Hello {{firstName|there}},\n\nI am sorry your last delivery was late. Here is what we are putting in place so it does not happen again: \n\nI will call you tomorrow to go through it together; feel free to reply directly in the meantime.\n\nBest regards,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'renewal',
    category: 'renewal',
    name: { fr: 'Renouvellement du contrat (test A/B)', en: 'Contract renewal (A/B test)' },
    variants: [
      {
        fr: {
          subject: 'Renouvellement de votre contrat {{company}}',
          body: 'Bonjour {{firstName}},\n\nVotre contrat arrive à échéance le {{renewalDate}}. Je vous propose d’en parler ensemble pour préparer son renouvellement dans les meilleures conditions.\n\nQuelles sont vos disponibilités cette semaine ?\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: 'Renewing the {{company}} contract',
          body: 'Hello {{firstName|there}},\n\nYour contract comes up for renewal on {{renewalDate}}. Could we set up a short call to prepare the renewal together?\n\nWhat times work for you this week?\n\nBest regards,\n{{signature}}',
        },
      },
      {
        fr: {
          subject: '{{company}} : votre renouvellement dans {{daysToRenewal:# jour|# jours}}',
          body: 'Bonjour {{firstName}},\n\nVotre contrat se renouvelle le {{renewalDate}}, dans {{daysToRenewal:# jour|# jours}}. Avant cette date, j’aimerais faire avec vous le bilan de l’année écoulée et vérifier que notre offre correspond toujours à vos besoins — et à votre budget.\n\nSi l’on vous a fait une autre proposition, parlons-en : je préfère le savoir.\n\nUn créneau de vingt minutes cette semaine vous conviendrait-il ?\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: '{{company}}: your renewal in {{daysToRenewal:# day|# days}}',
          body: 'Hello {{firstName|there}},\n\nYour contract renews on {{renewalDate}}, in {{daysToRenewal:# day|# days}}. Before then, I would like to review the past year with you and check that our offer still fits your needs — and your budget.\n\nIf someone else has made you an offer, let us talk about it: I would rather know.\n\nWould a 20-minute slot this week work for you?\n\nBest regards,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'win_back',
    category: 'win_back',
    name: { fr: 'Reprendre contact (compte en sommeil)', en: 'Reconnect (dormant account)' },
    variants: [
      {
        fr: {
          subject: 'Des nouvelles de {{company}} ?',
          body: 'Bonjour {{firstName}},\n\nVotre dernière commande remonte au {{lastOrderDate}}, il y a {{daysSinceLastOrder:# jour|# jours}}. Comment se passent vos projets ? Si quelque chose ne vous a pas convenu, j’aimerais le savoir.\n\nJe serais heureux de faire un point rapide quand cela vous arrange.\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: 'Catching up with {{company}}',
          body: 'Hello {{firstName|there}},\n\nYour last order was on {{lastOrderDate}}, {{daysSinceLastOrder:# day|# days}} ago. How are your projects going? If something did not work for you, I would like to hear it.\n\nI would be happy to catch up briefly whenever suits you.\n\nBest regards,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'birthday',
    category: 'birthday',
    name: { fr: 'Joyeux anniversaire', en: 'Happy birthday' },
    variants: [
      {
        fr: {
          subject: 'Joyeux anniversaire, {{firstName}} !',
          body: 'Bonjour {{firstName}},\n\nToute l’équipe vous souhaite un très joyeux anniversaire !\n\nBien amicalement,\n{{signature}}',
        },
        en: {
          subject: 'Happy birthday, {{firstName}}!',
          body: 'Hello {{firstName|there}},\n\nThe whole team wishes you a very happy birthday!\n\nWarm regards,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'nps_request',
    category: 'survey_request',
    name: { fr: 'Demande de note (NPS)', en: 'Score request (NPS)' },
    variants: [
      {
        fr: {
          subject: 'Une question rapide',
          body: 'Bonjour {{firstName}},\n\nSur une échelle de 0 à 10, quelle est la probabilité que vous recommandiez nos services à un collègue ? Une simple réponse à ce message avec un chiffre suffit.\n\nMerci pour votre retour,\n{{signature}}',
        },
        en: {
          subject: 'One quick question',
          body: 'Hello {{firstName|there}},\n\nOn a scale of 0 to 10, how likely are you to recommend us to a colleague? Just reply to this email with a number.\n\nThank you for your feedback,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'csat_after_ticket',
    category: 'survey_request',
    name: { fr: 'Satisfaction après un ticket résolu', en: 'Satisfaction after a solved ticket' },
    variants: [
      {
        fr: {
          subject: 'Votre demande est résolue : qu’en pensez-vous ?',
          body: 'Bonjour {{firstName}},\n\nVotre demande vient d’être résolue. De 1 (pas du tout satisfait) à 5 (très satisfait), comment évaluez-vous notre réponse ? Répondez simplement à ce message.\n\nMerci,\n{{signature}}',
        },
        en: {
          subject: 'Your request is solved: how did we do?',
          body: 'Hello {{firstName|there}},\n\nYour request has just been solved. From 1 (not satisfied at all) to 5 (very satisfied), how would you rate our answer? Simply reply to this message.\n\nThank you,\n{{signature}}',
        },
      },
    ],
  },
  {
    key: 'referral',
    category: 'referral_ask',
    name: { fr: 'Demande de recommandation', en: 'Referral ask' },
    variants: [
      {
        fr: {
          subject: 'Merci pour votre confiance',
          body: 'Bonjour {{firstName}},\n\nMerci pour votre retour {{npsScore:(# sur 10)}} : il fait plaisir à toute l’équipe. En tant que client {{loyaltyTier|fidèle}}, connaissez-vous quelqu’un qui pourrait aussi bénéficier de nos services ? Je serais ravi d’échanger avec cette personne de votre part.\n\nBien cordialement,\n{{signature}}',
        },
        en: {
          subject: 'Thank you for your trust',
          body: 'Hello {{firstName|there}},\n\nThank you for your feedback {{npsScore:(# out of 10)}}: the whole team appreciated it. As one of our {{loyaltyTier|most loyal}} customers, do you know someone who could also benefit from working with us? I would be glad to talk with them on your behalf.\n\nBest regards,\n{{signature}}',
        },
      },
    ],
  },
];

export const STARTER_KEYS = STARTERS.map((s) => s.key);

/**
 * A starter's record id: UUIDv7-shaped and derived from its key, so two devices that seed the starters create the
 * same records and sync merges them instead of keeping two of each.
 */
export function starterId(key: string): string {
  const hex = [0, 1, 2, 3].map((i) => hash32(`carnet-starter:${i}:${key}`).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface StarterTemplate {
  id: string;
  name: string;
  category: TemplateCategory;
  starterKey: string;
  variants: { id: string; label: string; active: boolean; fr: TemplateContent; en: TemplateContent }[];
  abTest: AbTest | null;
}

/** The starters as template inputs; names in the UI's language. */
export function starterTemplates(lang: 'fr' | 'en', now: Date): StarterTemplate[] {
  return STARTERS.map((s) => ({
    id: starterId(s.key),
    name: s.name[lang],
    category: s.category,
    starterKey: s.key,
    variants: s.variants.map((v, i) => ({ id: String.fromCharCode(97 + i), label: String.fromCharCode(65 + i), active: true, fr: v.fr, en: v.en })),
    abTest: s.variants.length > 1 ? { id: 'starter', status: 'running' as const, startedAt: now.toISOString(), stoppedAt: null, winnerVariantId: null } : null,
  }));
}
