import { defineMessages } from '../define';

/** What the panel says when the browser's storage fails it (#16): full, upgrade blocked, upgraded elsewhere, deleted. */
export const storageMessages = defineMessages(
  {
    'storage.quota.short': 'Not saved: Carnet’s storage on this device is full. Everything saved before is intact.',
    'storage.quota.title': 'Storage full',
    'storage.quota.body':
      'The browser refused to store more for Carnet, so the last change was not saved; everything saved before it is intact. Free space on the disk, or purge old interactions in Privacy → Retention, then try again.',
    'storage.quota.usage': '{used} used of {quota} the browser allows.',
    'storage.blocked.short': 'Carnet is waiting to upgrade its data: another Carnet window still uses the old version.',
    'storage.blocked.title': 'Update waiting',
    'storage.blocked.body':
      'This version of Carnet needs to upgrade its data, and another Carnet window or tab still holds the old version open. Close the other Carnet windows: the upgrade then goes on by itself. Nothing is lost.',
    'storage.upgraded.short': 'Carnet was updated in another window: reload this panel.',
    'storage.upgraded.title': 'Carnet was updated',
    'storage.upgraded.body': 'A newer Carnet upgraded its data from another window. Reload this panel to go on with the new version; nothing is lost.',
    'storage.deleted.short': 'The browser deleted Carnet’s data on this device.',
    'storage.deleted.title': 'Local data deleted',
    'storage.deleted.body':
      'The browser deleted Carnet’s data on this device (site data cleared, or storage pressure). Reload the panel: with team sync, your team’s records come back at the next sync; restore a backup for the rest.',
    'storage.unavailable.short': 'Carnet cannot open its database in this browser window.',
    'storage.unavailable.title': 'Storage unavailable',
    'storage.unavailable.body':
      'The browser does not let Carnet open its database here (private browsing, or a damaged browser profile). Open Carnet in a normal window.',
    'storage.reload': 'Reload the panel',
    'storage.retention': 'Open retention settings',
    'storage.backup': 'Restore a backup',
    'storage.dismiss': 'Dismiss',
  },
  {
    'storage.quota.short': 'Non enregistré : l’espace de Carnet sur cet appareil est plein. Tout ce qui était enregistré avant est intact.',
    'storage.quota.title': 'Espace plein',
    'storage.quota.body':
      'Le navigateur a refusé de stocker davantage pour Carnet : la dernière modification n’a pas été enregistrée ; tout ce qui l’a été avant est intact. Libérez de l’espace disque, ou purgez les anciennes interactions dans Confidentialité → Conservation, puis réessayez.',
    'storage.quota.usage': '{used} utilisés sur {quota} autorisés par le navigateur.',
    'storage.blocked.short': 'Carnet attend pour mettre à jour ses données : une autre fenêtre Carnet utilise encore l’ancienne version.',
    'storage.blocked.title': 'Mise à jour en attente',
    'storage.blocked.body':
      'Cette version de Carnet doit mettre à jour ses données, et une autre fenêtre ou un autre onglet Carnet garde l’ancienne version ouverte. Fermez les autres fenêtres Carnet : la mise à jour se poursuit d’elle-même. Rien n’est perdu.',
    'storage.upgraded.short': 'Carnet a été mis à jour dans une autre fenêtre : rechargez ce panneau.',
    'storage.upgraded.title': 'Carnet a été mis à jour',
    'storage.upgraded.body':
      'Une version plus récente de Carnet a mis à jour ses données depuis une autre fenêtre. Rechargez ce panneau pour continuer avec la nouvelle version ; rien n’est perdu.',
    'storage.deleted.short': 'Le navigateur a supprimé les données de Carnet sur cet appareil.',
    'storage.deleted.title': 'Données locales supprimées',
    'storage.deleted.body':
      'Le navigateur a supprimé les données de Carnet sur cet appareil (données de site effacées, ou manque d’espace). Rechargez le panneau : avec la synchronisation d’équipe, les fiches de l’équipe reviennent à la prochaine synchronisation ; restaurez une sauvegarde pour le reste.',
    'storage.unavailable.short': 'Carnet ne peut pas ouvrir sa base de données dans cette fenêtre.',
    'storage.unavailable.title': 'Stockage indisponible',
    'storage.unavailable.body':
      'Le navigateur ne permet pas à Carnet d’ouvrir sa base ici (navigation privée, ou profil de navigateur endommagé). Ouvrez Carnet dans une fenêtre normale.',
    'storage.reload': 'Recharger le panneau',
    'storage.retention': 'Ouvrir les réglages de conservation',
    'storage.backup': 'Restaurer une sauvegarde',
    'storage.dismiss': 'Fermer',
  },
);
