import type { Lang } from './vocab';

/** Subjects and summaries in both languages; an email line is inbound unless it says otherwise. `{first}`, `{company}`, `{product}`, `{n}` are filled in. */

export type Valence = 'pos' | 'neu' | 'neg';
type Line = readonly [subject: string, summary: string, direction?: 'inbound' | 'outbound'];
type Bank = Record<Lang, Record<Valence, readonly Line[]>>;

export const EMAIL: Bank = {
  fr: {
    pos: [
      ['Re: Bilan du trimestre', "{first} confirme que le déploiement du {product} se passe bien ; l'équipe gagne du temps sur la préparation des commandes."],
      ['Merci pour la formation', '{first} remercie pour la session de formation, très appréciée par les nouveaux arrivants.'],
      ['Re: Extension à un deuxième site', '{first} souhaite étendre {product} au site de production ; demande un devis pour {n} utilisateurs.'],
      ['Recommandation', '{first} accepte de servir de référence client pour un prospect du même secteur.'],
      ['Suivi après la revue', 'Envoi à {first} du récapitulatif des gains obtenus avec le {product}.', 'outbound'],
      ['Invitation au club utilisateurs', 'Invitation de {first} au club utilisateurs du {product}.', 'outbound'],
    ],
    neu: [
      ['Re: Facture {inv}', '{first} demande un duplicata de la facture {inv} pour leur comptabilité.'],
      ['Mise à jour des coordonnées', 'Nouvelle adresse de facturation à prendre en compte à partir du mois prochain.'],
      ['Re: Planning de livraison', '{first} confirme les créneaux de livraison proposés pour la semaine prochaine.'],
      ['Invitation webinaire', "Envoi de l'invitation au webinaire sur les nouveautés du {product}.", 'outbound'],
      ['Re: Proposition commerciale', 'Envoi de la proposition révisée ; {first} la transmet à la direction.', 'outbound'],
      ['Compte rendu de réunion', 'Compte rendu envoyé avec les prochaines étapes et le calendrier.', 'outbound'],
    ],
    neg: [
      ['Re: Retard de livraison', '{first} signale un nouveau retard et demande un geste commercial.'],
      ['Réclamation facture {inv}', 'Montant contesté sur la facture {inv} : écart avec le tarif négocié.'],
      ['Re: Renouvellement', "{first} indique qu'un concurrent leur a fait une offre moins chère ; réflexion en cours."],
      ['Insatisfaction support', '{first} se plaint des délais de réponse du support depuis deux mois.'],
      ["Plan d'action", "Envoi à {first} du plan d'action suite aux incidents du mois.", 'outbound'],
      ['Point sur vos tickets en cours', 'Relance de {first} pour faire le point sur les tickets ouverts.', 'outbound'],
    ],
  },
  en: {
    pos: [
      ['Re: Quarterly review', '{first} says the {product} rollout is going well; the team saves hours on order preparation.'],
      ['Thanks for the training', '{first} thanks us for the training session, which the new starters found very useful.'],
      ['Re: Second site rollout', '{first} wants {product} at the second warehouse; asked for a quote for {n} users.'],
      ['Happy to be a reference', '{first} agreed to act as a customer reference for a prospect in the same sector.'],
      ['Following up on the review', 'Sent {first} a summary of the gains made with {product}.', 'outbound'],
      ['User group invitation', 'Invited {first} to the {product} user group.', 'outbound'],
    ],
    neu: [
      ['Re: Invoice {inv}', '{first} asked for a copy of invoice {inv} for their accounts team.'],
      ['Updated billing details', 'New billing address to use from next month.'],
      ['Re: Delivery schedule', '{first} confirmed the proposed delivery slots for next week.'],
      ['Webinar invitation', 'Sent the invitation to the webinar on what is new in {product}.', 'outbound'],
      ['Re: Proposal', 'Sent the revised proposal; {first} is taking it to the board.', 'outbound'],
      ['Meeting notes', 'Sent the meeting notes with next steps and timeline.', 'outbound'],
    ],
    neg: [
      ['Re: Late delivery', '{first} reported another late delivery and asked for a credit.'],
      ['Dispute on invoice {inv}', 'Amount disputed on invoice {inv}: does not match the negotiated price.'],
      ['Re: Renewal', '{first} mentioned a competitor offered a cheaper deal; they are considering it.'],
      ['Unhappy with support', '{first} complained about support response times over the last two months.'],
      ['Action plan', "Sent {first} the action plan following this month's incidents.", 'outbound'],
      ['Your open tickets', 'Chased {first} to review the open tickets together.', 'outbound'],
    ],
  },
};

export const CALL: Bank = {
  fr: {
    pos: [
      ['Appel de suivi', 'Échange cordial avec {first} : satisfaits du {product}, intérêt pour le module complémentaire.'],
      ['Point mensuel', 'Point mensuel avec {first}, aucun blocage, volumes en hausse.'],
    ],
    neu: [
      ['Appel de qualification', 'Qualification du besoin avec {first} : {n} utilisateurs, décision attendue au prochain trimestre.'],
      ['Rappel', 'Rappel de {first} au sujet de la prochaine commande.'],
      ['Appel', 'Messagerie, message laissé à {first}.'],
    ],
    neg: [
      ['Appel escalade', '{first} exprime son mécontentement : incidents répétés, demande un interlocuteur dédié.'],
      ['Appel renouvellement', '{first} évoque une réduction du périmètre au renouvellement.'],
    ],
  },
  en: {
    pos: [
      ['Follow-up call', 'Good call with {first}: happy with {product}, interested in the add-on module.'],
      ['Monthly check-in', 'Monthly check-in with {first}, no blockers, volumes up.'],
    ],
    neu: [
      ['Discovery call', 'Discovery with {first}: {n} users, decision expected next quarter.'],
      ['Callback', 'Called {first} back about the next order.'],
      ['Call', 'Voicemail, left a message for {first}.'],
    ],
    neg: [
      ['Escalation call', '{first} unhappy: repeated incidents, asking for a dedicated contact.'],
      ['Renewal call', '{first} hinted at reducing scope at renewal.'],
    ],
  },
};

export const MEETING: Bank = {
  fr: {
    pos: [
      ['Revue trimestrielle {company}', 'Revue trimestrielle : objectifs atteints, feuille de route partagée, retour très positif de {first}.'],
      ['Atelier de déploiement', 'Atelier sur site pour paramétrer le {product} avec les équipes de {first}.'],
    ],
    neu: [
      ['Démonstration {product}', 'Démonstration du {product} à {first} et à son équipe ; questions sur les tarifs.'],
      ['Réunion de lancement', 'Lancement du projet : planning, rôles et accès définis.'],
    ],
    neg: [
      ['Réunion de crise', "Réunion avec {first} suite aux incidents : plan d'action sur 30 jours demandé."],
      ['Revue du contrat', '{first} remet en question la valeur du contrat ; budget en baisse.'],
    ],
  },
  en: {
    pos: [
      ['{company} quarterly business review', 'QBR: goals met, roadmap shared, {first} very positive.'],
      ['Rollout workshop', "On-site workshop to configure {product} with {first}'s team."],
    ],
    neu: [
      ['{product} demo', 'Demo of {product} for {first} and team; questions on pricing.'],
      ['Kick-off meeting', 'Project kick-off: timeline, roles and access agreed.'],
    ],
    neg: [
      ['Escalation meeting', 'Meeting with {first} after the incidents: they want a 30-day action plan.'],
      ['Contract review', '{first} questioned the value of the contract; budget is shrinking.'],
    ],
  },
};

export const TICKET: Record<Lang, readonly string[]> = {
  fr: [
    'Impossible de se connecter au portail',
    "Erreur lors de l'export des commandes",
    'Synchronisation ERP bloquée',
    'Question sur la facture {inv}',
    "Ajout d'un utilisateur",
    'Lenteurs sur le module de planification',
    'Colis reçu endommagé',
    'Réinitialisation du mot de passe',
    'Écart de stock après import',
  ],
  en: [
    'Cannot log in to the portal',
    'Error when exporting orders',
    'ERP sync stuck',
    'Question about invoice {inv}',
    'Add a new user',
    'Scheduling module is slow',
    'Parcel arrived damaged',
    'Password reset',
    'Stock mismatch after import',
  ],
};

export const TICKET_SUMMARY: Record<Lang, Record<Valence, readonly string[]>> = {
  fr: {
    pos: ['Résolu au premier contact, {first} remercie le support.', 'Contournement fourni puis correctif livré ; client satisfait.'],
    neu: ['Demande traitée par le support de niveau 1.', 'Informations complémentaires demandées à {first}.', "Transmis à l'équipe technique pour analyse."],
    neg: [
      'Troisième relance de {first} ; impact sur la production.',
      'Incident récurrent, {first} demande une escalade.',
      'Délai de résolution dépassé, client mécontent.',
    ],
  },
  en: {
    pos: ['Solved on first contact, {first} thanked the team.', 'Workaround given, then a fix shipped; customer happy.'],
    neu: ['Handled by first-line support.', 'Asked {first} for more details.', 'Passed to engineering for analysis.'],
    neg: [
      'Third chaser from {first}; production is affected.',
      'Recurring incident, {first} asked for an escalation.',
      'Resolution time breached, customer unhappy.',
    ],
  },
};

export const CHAT: Record<Lang, readonly string[]> = {
  fr: ['Question rapide sur le paramétrage', 'Demande de démonstration via le chat', 'Où trouver mes factures ?', 'Disponibilité du support ce week-end'],
  en: ['Quick question on settings', 'Demo request via chat', 'Where do I find my invoices?', 'Is support available this weekend?'],
};

export const LINKEDIN: Record<Lang, readonly string[]> = {
  fr: ['Félicitations pour le nouveau poste', "Partage de l'étude de cas", 'Invitation à se connecter', 'Réponse au message LinkedIn'],
  en: ['Congrats on the new role', 'Shared the case study', 'Connection request', 'Reply to LinkedIn message'],
};

export const NOTE: Record<Lang, Record<Valence, readonly string[]>> = {
  fr: {
    pos: ['Compte en croissance, potentiel de montée en gamme.', '{first} porte le projet en interne, excellent relais.'],
    neu: ["Changement d'interlocuteur aux achats prévu en fin d'année.", 'Budget voté en janvier, à relancer début décembre.'],
    neg: ['Risque de départ : usage en baisse et retours négatifs.', "Le sponsor a quitté l'entreprise, pas de remplaçant identifié."],
  },
  en: {
    pos: ['Growing account, upsell potential.', '{first} is our internal champion, very engaged.'],
    neu: ['New procurement contact expected at year end.', 'Budget approved in January, follow up early December.'],
    neg: ['Churn risk: usage down and negative feedback.', 'Our champion left the company, no replacement identified yet.'],
  },
};

export const SURVEY_COMMENT: Record<Lang, Record<Valence, readonly string[]>> = {
  fr: {
    pos: [
      'Équipe réactive et produit fiable, je recommande.',
      'Très satisfaits, le support répond vite.',
      'Outil simple, gain de temps énorme.',
      'Merci à Camille pour son suivi !',
    ],
    neu: ["Correct dans l'ensemble, quelques lenteurs.", 'Bon produit mais un peu cher.', 'RAS.'],
    neg: [
      'Trop de bugs depuis la dernière mise à jour.',
      'Support injoignable, très déçu.',
      'Le prix a augmenté sans amélioration visible.',
      "Nous étudions d'autres solutions.",
    ],
  },
  en: {
    pos: [
      'Responsive team and a reliable product, would recommend.',
      'Very happy, support answers fast.',
      'Simple tool, saves us a lot of time.',
      'Thanks to Sarah for the follow-up!',
    ],
    neu: ['Fine overall, a bit slow at times.', 'Good product but pricey.', 'Nothing to report.'],
    neg: [
      'Too many bugs since the last update.',
      'Could never reach support, very disappointed.',
      'Price went up with no visible improvement.',
      'We are looking at alternatives.',
    ],
  },
};

export const TASK: Record<Lang, readonly string[]> = {
  fr: [
    'Relancer {first} au sujet du devis',
    'Préparer la revue trimestrielle avec {company}',
    'Envoyer la proposition de renouvellement à {first}',
    'Appeler {first} après le ticket support',
    'Planifier la formation des nouveaux utilisateurs',
    'Vérifier le paiement de la facture {inv}',
    'Présenter le module Planification à {first}',
  ],
  en: [
    'Follow up with {first} on the quote',
    'Prepare the quarterly review with {company}',
    'Send the renewal proposal to {first}',
    'Call {first} after the support ticket',
    'Schedule training for the new users',
    'Check payment of invoice {inv}',
    'Show the scheduling module to {first}',
  ],
};

export const DEAL_NAME: Record<Lang, Record<'new_business' | 'upsell' | 'renewal', string>> = {
  fr: { new_business: '{company} — nouveau contrat', upsell: '{company} — extension {product}', renewal: '{company} — renouvellement {n}' },
  en: { new_business: '{company} — new business', upsell: '{company} — {product} upsell', renewal: '{company} — renewal {n}' },
};

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}
