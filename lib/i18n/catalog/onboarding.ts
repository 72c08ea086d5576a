import { defineMessages } from '../define';

/** First minutes: the welcome (at install and in an empty "This page"), the ways to start, the tab bar's menu. */
export const onboarding = defineMessages(
  {
    'nav.label': 'Views',
    'nav.more': 'More',
    'welcome.title': 'Welcome to Carnet',
    'welcome.what':
      'Carnet recognises the customer on the page you are reading and shows, beside it, who they are, what you exchanged, their churn risk and what to do next.',
    'welcome.readsTitle': 'What it looks at',
    'welcome.reads':
      'Only Gmail, Outlook, LinkedIn, Zendesk and Freshdesk, and only the page you have open: the names and e-mail addresses of the people on it, their title and company, and the subject of the email or ticket.',
    'welcome.dataTitle': 'Where your data lives',
    'welcome.data':
      'In this browser, on this device. Nothing is sent anywhere unless you connect your team’s server; the Privacy view lists everything kept and lets you export, encrypt or erase it.',
    'welcome.privacyLink': 'See what is kept',
    'welcome.startTitle': 'Three ways to start',
    'welcome.openPanel': 'Open Carnet beside any page with its toolbar button or Alt+Shift+C.',
    'welcome.openPanelButton': 'Open the side panel',
    'start.demo': 'Explore the demo',
    'start.demoHint': '{n} fictitious accounts to try everything; remove them in Settings.',
    'start.import': 'Import a file',
    'start.importHint': 'Your contacts and accounts from a CSV export (Outlook, Google, LinkedIn, Salesforce, HubSpot…).',
    'start.server': 'Connect a team server',
    'start.serverHint': 'Share one portfolio with your team.',
  },
  {
    'nav.label': 'Vues',
    'nav.more': 'Plus',
    'welcome.title': 'Bienvenue dans Carnet',
    'welcome.what':
      'Carnet reconnaît le client de la page que vous lisez et affiche à côté qui il est, vos échanges, son risque de départ et la prochaine chose à faire.',
    'welcome.readsTitle': 'Ce qu’il regarde',
    'welcome.reads':
      'Uniquement Gmail, Outlook, LinkedIn, Zendesk et Freshdesk, et seulement la page ouverte : les noms et adresses e-mail des personnes qui y figurent, leur poste et leur société, et l’objet de l’e-mail ou du ticket.',
    'welcome.dataTitle': 'Où sont vos données',
    'welcome.data':
      'Dans ce navigateur, sur cet appareil. Rien n’est envoyé nulle part, sauf si vous connectez le serveur de votre équipe ; la vue Confidentialité liste tout ce qui est conservé et permet de l’exporter, le chiffrer ou l’effacer.',
    'welcome.privacyLink': 'Voir ce qui est conservé',
    'welcome.startTitle': 'Trois façons de commencer',
    'welcome.openPanel': 'Ouvrez Carnet à côté de n’importe quelle page avec son bouton dans la barre d’outils ou Alt+Maj+C.',
    'welcome.openPanelButton': 'Ouvrir le panneau latéral',
    'start.demo': 'Découvrir la démo',
    'start.demoHint': '{n} comptes fictifs pour tout essayer ; supprimez-les dans les Réglages.',
    'start.import': 'Importer un fichier',
    'start.importHint': 'Vos contacts et comptes depuis un export CSV (Outlook, Google, LinkedIn, Salesforce, HubSpot…).',
    'start.server': 'Connecter un serveur d’équipe',
    'start.serverHint': 'Partagez un même portefeuille avec votre équipe.',
  },
);
