/**
 * Plain-text email templates (FR, EN) for the email actions, filled from the contact and the account.
 * Output is text for a compose window, never markup.
 */
import type { Contact } from '../schema/contact';
import type { Account } from '../schema/account';
import type { TemplateKey } from './nba';

export type Lang = 'fr' | 'en';
export type TemplateContact = Pick<Contact, 'firstName' | 'lastName'> & Partial<Pick<Contact, 'emails' | 'language'>>;
export type TemplateAccount = Pick<Account, 'name'> & Partial<Pick<Account, 'renewalDate'>>;

interface Template {
  subject: string;
  body: string;
}

/** Placeholders: {greeting} {firstName} {accountName} {renewalDate} {sender}, and the action's own ({tier}, {days}, {points}). */
const TEMPLATES: Record<TemplateKey, Record<Lang, Template>> = {
  renewal_proposal: {
    fr: {
      subject: 'Renouvellement de votre contrat {accountName}',
      body: '{greeting}\n\nVotre contrat arrive à échéance le {renewalDate}. Je vous propose d’en parler ensemble pour préparer son renouvellement dans les meilleures conditions.\n\nQuelles sont vos disponibilités cette semaine ?\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Renewing the {accountName} contract',
      body: '{greeting}\n\nYour contract comes up for renewal on {renewalDate}. Could we set up a short call to prepare the renewal together?\n\nWhat times work for you this week?\n\nBest regards,\n{sender}',
    },
  },
  nps_request: {
    fr: {
      subject: 'Une question rapide',
      body: '{greeting}\n\nSur une échelle de 0 à 10, quelle est la probabilité que vous recommandiez nos services à un collègue ? Une simple réponse à ce message suffit.\n\nMerci pour votre retour,\n{sender}',
    },
    en: {
      subject: 'One quick question',
      body: '{greeting}\n\nOn a scale of 0 to 10, how likely are you to recommend us to a colleague? Just reply to this email with a number.\n\nThank you for your feedback,\n{sender}',
    },
  },
  referral_request: {
    fr: {
      subject: 'Merci pour votre confiance',
      body: '{greeting}\n\nMerci pour votre excellente note. Connaissez-vous quelqu’un qui pourrait aussi bénéficier de nos services ? Je serais ravi d’échanger avec lui ou elle de votre part.\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Thank you for your trust',
      body: '{greeting}\n\nThank you for your great score. Do you know someone who could also benefit from working with us? I would be glad to talk with them on your behalf.\n\nBest regards,\n{sender}',
    },
  },
  reengage: {
    fr: {
      subject: 'Des nouvelles de {accountName} ?',
      body: '{greeting}\n\nCela fait un moment que nous n’avons pas échangé. Comment se passent vos projets ? Je serais heureux de faire un point rapide quand cela vous convient.\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Catching up with {accountName}',
      body: '{greeting}\n\nIt has been a while since we last spoke. How are your projects going? I would be happy to catch up briefly whenever suits you.\n\nBest regards,\n{sender}',
    },
  },
  upsell: {
    fr: {
      subject: 'Aller plus loin ensemble',
      body: '{greeting}\n\nVu l’usage que {accountName} fait de nos services, je pense que certaines options pourraient vous faire gagner du temps. Puis-je vous les présenter en quinze minutes ?\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Getting more out of our work together',
      body: '{greeting}\n\nGiven how {accountName} uses our services, I think a few options could save you time. Could I walk you through them in fifteen minutes?\n\nBest regards,\n{sender}',
    },
  },
  birthday: {
    fr: { subject: 'Joyeux anniversaire !', body: '{greeting}\n\nToute l’équipe vous souhaite un très joyeux anniversaire !\n\nBien amicalement,\n{sender}' },
    en: { subject: 'Happy birthday!', body: '{greeting}\n\nThe whole team wishes you a very happy birthday!\n\nWarm regards,\n{sender}' },
  },
  performance_review: {
    fr: {
      subject: 'Point sur les performances de vos campagnes',
      body: '{greeting}\n\nVos campagnes n’ont pas atteint les objectifs convenus ces deux derniers mois. Je vous propose un point de trente minutes pour passer en revue les résultats et les pistes d’optimisation que nous avons identifiées.\n\nQuelles sont vos disponibilités cette semaine ?\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Reviewing your campaign performance',
      body: '{greeting}\n\nYour campaigns have fallen short of the targets we agreed for the last two months. Could we set up a thirty-minute review of the results and of the optimisations we have identified?\n\nWhat times work for you this week?\n\nBest regards,\n{sender}',
    },
  },
  budget_shift: {
    fr: {
      subject: 'Ajustement de votre budget média',
      body: '{greeting}\n\nLe rythme de dépense de vos campagnes s’écarte du budget prévu pour ce mois. Je vous propose de réallouer le budget vers les campagnes les plus rentables ; pouvons-nous en parler rapidement ?\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Adjusting your media budget',
      body: '{greeting}\n\nYour campaigns are spending off the pace of this month’s budget. I suggest shifting budget towards the campaigns that return the most; could we discuss it briefly?\n\nBest regards,\n{sender}',
    },
  },
  win_back: {
    fr: {
      subject: 'Et si nous reprenions contact ?',
      body: '{greeting}\n\nNous n’avons pas travaillé ensemble depuis un moment, et vous nous manquez. Beaucoup de choses ont changé chez nous : je serais heureux de vous présenter ce qui pourrait vous être utile aujourd’hui.\n\nAuriez-vous vingt minutes dans les prochains jours ?\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Shall we catch up?',
      body: '{greeting}\n\nIt has been a while since we last worked together, and we have missed you. A lot has changed on our side: I would be glad to show you what could help you today.\n\nWould you have twenty minutes in the coming days?\n\nBest regards,\n{sender}',
    },
  },
  csat_request: {
    fr: {
      subject: 'Votre demande est résolue : qu’en avez-vous pensé ?',
      body: '{greeting}\n\nVotre demande vient d’être résolue. Sur une échelle de 1 à 5, quelle est votre satisfaction ? Une simple réponse à ce message suffit.\n\nMerci pour votre retour,\n{sender}',
    },
    en: {
      subject: 'Your request is solved: how did we do?',
      body: '{greeting}\n\nYour request has just been solved. On a scale of 1 to 5, how satisfied are you? Just reply to this email with a number.\n\nThank you for your feedback,\n{sender}',
    },
  },
  loyalty_tier: {
    fr: {
      subject: 'Votre statut {tier} chez nous',
      body: '{greeting}\n\nMerci pour votre fidélité. Votre statut {tier} arrive à échéance dans {days} jours : il vous manque {points} points pour le conserver. Je reste à votre disposition pour préparer votre prochaine commande.\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Your {tier} status with us',
      body: '{greeting}\n\nThank you for your loyalty. Your {tier} status ends in {days} days: {points} more points will keep it. I am glad to help with your next order.\n\nBest regards,\n{sender}',
    },
  },
  welcome: {
    fr: {
      subject: 'Bienvenue, {accountName} !',
      body: '{greeting}\n\nMerci de votre confiance et bienvenue ! Je suis votre interlocuteur : n’hésitez pas à me contacter pour toute question. Je vous propose un premier point pour bien démarrer.\n\nBien cordialement,\n{sender}',
    },
    en: {
      subject: 'Welcome aboard, {accountName}!',
      body: '{greeting}\n\nThank you for choosing us, and welcome! I am your point of contact, so please reach out with any question. Shall we schedule a short kick-off call?\n\nBest regards,\n{sender}',
    },
  },
};

function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return lang === 'fr' ? 'la date prévue' : 'the scheduled date';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The contact's language when it is French or English, else the given default. */
export function templateLang(contact: TemplateContact, fallback: Lang = 'en'): Lang {
  const l = contact.language?.slice(0, 2);
  return l === 'fr' || l === 'en' ? l : fallback;
}

export function renderTemplate(
  key: TemplateKey,
  lang: Lang,
  contact: TemplateContact,
  account: TemplateAccount,
  sender = '',
  extra: Readonly<Record<string, string | number>> = {},
): { subject: string; body: string } {
  const tpl = TEMPLATES[key][lang];
  const first = contact.firstName.trim();
  const greeting = lang === 'fr' ? (first ? `Bonjour ${first},` : 'Bonjour,') : first ? `Hello ${first},` : 'Hello,';
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])),
    greeting,
    firstName: first,
    accountName: account.name.trim(),
    renewalDate: formatDate(account.renewalDate, lang),
    sender: sender.trim(),
  };
  const fill = (s: string) =>
    s
      .replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
      .replace(/\n+$/, '')
      .trimEnd();
  return { subject: fill(tpl.subject), body: fill(tpl.body) };
}

const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));

/** Gmail web compose window prefilled. */
export function gmailComposeUrl(to: string | readonly string[], subject: string, body: string): string {
  const list = (typeof to === 'string' ? [to] : to).join(',');
  return `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeURIComponent(list)}&su=${enc(subject)}&body=${enc(body)}`;
}

/** RFC 6068 mailto: URL (spaces as %20, line breaks as %0D%0A). */
export function mailtoUrl(to: string | readonly string[], subject: string, body: string): string {
  const list = (typeof to === 'string' ? [to] : to).map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',');
  return `mailto:${list}?subject=${enc(subject)}&body=${enc(body)}`;
}
