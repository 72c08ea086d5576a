import type { PresetDef, Target } from './presets';

/**
 * Outlook and Thunderbird name their CSV columns in the user's UI language. The localized names below are the
 * ones those products write, from:
 * - Outlook desktop: Microsoft Exchange's own import table (OutlookCsvLanguageSelect: de, es, fr, it), a German
 *   Microsoft 365 export header (2025) and a Dutch Outlook export header (Open-Xchange's CSV importer tests);
 *   Roundcube's csv2vcard maps (de_DE, fr_FR, es_ES, it_IT) for older spellings.
 * - Thunderbird: its own strings for the export columns (mail/chrome/messenger/importMsgs.properties, fields
 *   2100–2136, in mozilla-l10n de, es-ES, fr, it, nl), older spellings from Roundcube's maps.
 * Each language's full header is listed (detection scores against it); `columns` maps what Carnet reads.
 */
type Lang = 'de' | 'fr' | 'es' | 'it' | 'nl';
const LANG_NAME: Record<Lang, string> = { de: 'Deutsch', fr: 'français', es: 'español', it: 'italiano', nl: 'Nederlands' };

const OUTLOOK_HEADERS: Record<Lang, string[]> = {
  de: ['Anrede', 'Vorname', 'Weitere Vornamen', 'Nachname', 'Suffix', 'Firma', 'Abteilung', 'Position', 'Straße geschäftlich',
    'Straße geschäftlich 2', 'Straße geschäftlich 3', 'Ort geschäftlich', 'Region geschäftlich', 'Postleitzahl geschäftlich',
    'Land/Region geschäftlich', 'Straße privat', 'Straße privat 2', 'Straße privat 3', 'Ort privat', 'Bundesland/Kanton privat',
    'Postleitzahl privat', 'Land/Region privat', 'Weitere Straße', 'Weitere Straße 2', 'Weitere Straße 3', 'Weiterer Ort',
    'Weiteres/r Bundesland/Kanton', 'Weitere Postleitzahl', 'Weiteres/e Land/Region', 'Telefon Assistent', 'Fax geschäftlich',
    'Telefon geschäftlich', 'Telefon geschäftlich 2', 'Rückmeldung', 'Autotelefon', 'Telefon Firma', 'Fax privat',
    'Telefon (privat)', 'Telefon (privat 2)', 'ISDN', 'Mobiltelefon', 'Weiteres Fax', 'Weiteres Telefon', 'Pager',
    'Haupttelefon', 'Mobiltelefon 2', 'Telefon für Hörbehinderte', 'Telex', 'Abrechnungsinformation', 'Assistent(in)',
    'Benutzer 1', 'Benutzer 2', 'Benutzer 3', 'Benutzer 4', 'Beruf', 'Büro', 'E-Mail-Adresse', 'E-Mail-Typ',
    'E-Mail: Angezeigter Name', 'E-Mail 2: Adresse', 'E-Mail 2: Typ', 'E-Mail 2: Angezeigter Name', 'E-Mail 3: Adresse',
    'E-Mail 3: Typ', 'E-Mail 3: Angezeigter Name', 'Empfohlen von', 'Geburtstag', 'Geschlecht', 'Hobby', 'Initialen',
    'Internet Frei/Gebucht', 'Jahrestag', 'Kategorien', 'Kinder', 'Konto', 'Name des/r Vorgesetzten', 'Notizen',
    'Organisationsnr.', 'Ort', 'Partner', 'Postfach geschäftlich', 'Postfach privat', 'Priorität', 'Privat', 'Reisekilometer',
    'Sozialversicherungsnr.', 'Sprache', 'Stichwörter', 'Vertraulichkeit', 'Verzeichnisserver', 'Webseite', 'Weiteres Postfach'],
  // "Titre" twice, as Outlook writes it: the courtesy title, then the job title (read as "Titre (2)").
  fr: ['Titre', 'Prénom', 'Deuxième prénom', 'Nom', 'Suffixe', 'Société', 'Service', 'Titre', 'Rue (bureau)', 'Rue (bureau) 2',
    'Rue (bureau) 3', 'Ville (bureau)', 'Dép/Région (bureau)', 'Code postal (bureau)', 'Pays/Région (bureau)', 'Rue (domicile)',
    'Rue (domicile) 2', 'Rue (domicile) 3', 'Ville (domicile)', 'Dép/Région (domicile)', 'Code postal (domicile)',
    'Pays/Région (domicile)', 'Rue (autre)', 'Rue (autre) 2', 'Rue (autre) 3', 'Ville (autre)', 'Dép/Région (autre)',
    'Code postal (autre)', 'Pays/Région (autre)', "Téléphone de l'assistant(e)", 'Télécopie (bureau)', 'Téléphone (bureau)',
    'Téléphone 2 (bureau)', 'Rappel', 'Téléphone (voiture)', 'Téléphone société', 'Télécopie (domicile)', 'Téléphone (domicile)',
    'Téléphone 2 (domicile)', 'RNIS', 'Tél. mobile', 'Télécopie (autre)', 'Téléphone (autre)', 'Récepteur de radiomessagerie',
    'Téléphone principal', 'Radio téléphone', 'Téléphone TDD/TTY', 'Télex', 'Compte', 'Anniversaire de mariage ou fête',
    "Nom de l'assistant(e)", 'Informations facturation', 'Anniversaire', 'B.P. professionnelle', 'Catégories', 'Enfants',
    'Adresse de messagerie', 'Type de messagerie', "Nom complet de l'adresse de messagerie", 'Adresse de messagerie 2',
    'Type de messagerie 2', "Nom complet de l'adresse de messagerie 2", 'Adresse de messagerie 3', 'Type de messagerie 3',
    "Nom complet de l'adresse de messagerie 3", 'Sexe', 'Code gouvernement', 'Passe-temps', 'Boîte postale du domicile',
    'Initiales', 'Disponibilité Internet', 'Emplacement', 'Responsable', 'Kilométrage', 'Notes', 'Bureau', 'Autre boîte postale',
    'Priorité', 'Profession', 'Critère de diffusion', 'Conjoint(e)', 'Utilisateur 1', 'Utilisateur 2', 'Utilisateur 3',
    'Utilisateur 4', 'Page Web'],
  // Spanish Outlook leaves some columns in English, as written here.
  es: ['Title', 'Nombre', 'Segundo nombre', 'Apellidos', 'Suffix', 'Organización', 'Department', 'Puesto', 'Calle del trabajo',
    'Calle del trabajo 2', 'Calle del trabajo 3', 'Ciudad de trabajo', 'Provincia o estado de trabajo', 'Código postal del trabajo',
    'País o región del trabajo', 'Home Street', 'Home Street 2', 'Home Street 3', 'Home City', 'Home State', 'Home Postal Code',
    'País o región del domicilio', 'Otra calle', 'Otra calle 2', 'Otra calle 3', 'Otra ciudad', 'Otra provincia o estado',
    'Otro código postal', 'Otro país o región', "Assistant's Phone", 'Business Fax', 'Teléfono del trabajo', 'Business Phone 2',
    'Devolución de llamada', 'Car Phone', 'Número de centralita de la organización', 'Home Fax', 'Particular', 'Home Phone 2',
    'ISDN', 'Mobile Phone', 'Otro fax', 'Otro teléfono', 'Pager', 'Teléfono principal', 'Radioteléfono', 'Número de teletipo',
    'Télex', 'Account', 'Anniversary', "Assistant's Name", 'Facturación', 'Birthday',
    'Apartado postal de la dirección del trabajo', 'Categorías', 'Hijos', 'E-mail Address', 'E-mail Type',
    'Nombre de pantalla de correo electrónico', 'Dirección de correo electrónico 2', 'Tipo de correo electrónico 2',
    'Nombre de pantalla de correo electrónico 2', 'Dirección del correo electrónico 3', 'Tipo de correo electrónico 3',
    'Nombre de pantalla de correo electrónico 3', 'Género', 'Government ID Number', 'Aficiones',
    'Apartado postal de la dirección personal', 'Initials', 'Internet Free Busy', 'Location', 'Nombre del director',
    'Kilometraje', 'Notes', 'Office Location', 'Otro apartado postal', 'Prioridad', 'Profesión', 'Confidencialidad', 'Spouse',
    'Usuario 1', 'Usuario 2', 'Usuario 3', 'Usuario 4', 'Página web'],
  it: ['Titolo', 'Nome', 'Secondo nome', 'Cognome', 'Titolo straniero', 'Società', 'Reparto', 'Posizione', 'Via (uff.)',
    'Via (uff.) 2', 'Via (uff.) 3', 'Città (uff.)', 'Provincia (uff.)', 'CAP (uff.)', 'Paese (uff.)', 'Via (ab.)', 'Via (ab.) 2',
    'Via (ab.) 3', 'Città (ab.)', 'Provincia (ab.)', 'CAP (ab.)', 'Paese (ab.)', 'Altra via', 'Altra via 2', 'Altra via 3',
    'Altra città', 'Altra provincia', 'Altro CAP', 'Altro paese', 'Telefono assistente', 'Fax (uff.)', 'Ufficio', 'Ufficio 2',
    'Richiamata automatica', 'Telefono auto', 'Telefono principale società', 'Fax (ab.)', 'Abitazione', 'Abitazione 2', 'ISDN',
    'Cellulare', 'Altro fax', 'Altro telefono', 'Cercapersone', 'Telefono principale', 'Radiotelefono', 'Telefono TTY/TDD',
    'Telex', 'Account', 'Anniversario', 'Nome assistente', 'Dati fatturazione', 'Compleanno', 'Indirizzo (uff.) - Casella postale',
    'Categorie', 'Figli', 'Indirizzo posta elettronica', 'Tipo posta elettronica', 'Nome visualizzato posta elettronica',
    'Indirizzo posta elettronica 2', 'Tipo posta elettronica 2', 'Nome visualizzato posta elettronica 2',
    'Indirizzo posta elettronica 3', 'Tipo posta elettronica 3', 'Nome visualizzato posta elettronica 3', 'Sesso',
    'Cod. Fisc./P. IVA', 'Hobby', 'Indirizzo (ab.) - Casella postale', 'Iniziali', 'Disponibilità Internet', 'Luogo',
    'Nome manager', 'Indennità trasferta', 'Notes', 'Ubicazione ufficio', 'Altro indirizzo - Casella postale', 'Priorità',
    'Professione', 'Riservatezza', 'Nome coniuge', 'Utente 1', 'Utente 2', 'Utente 3', 'Utente 4', 'Pagina Web'],
  nl: ['Titel', 'Voornaam', 'Middelste naam', 'Achternaam', 'Achtervoegsel', 'Bedrijf', 'Afdeling', 'Functie', 'Werkadres, straat',
    'Werkadres 2, straat', 'Werkadres 3, straat', 'Werkadres, plaats', 'Werkadres, provincie', 'Werkadres, postcode',
    'Land/regio (werk)', 'Huisadres, straat', 'Huisadres, straat 2', 'Huisadres, straat 3', 'Huisadres, plaats',
    'Huisadres, provincie', 'Huisadres, postcode', 'Land/regio (thuis)', 'Ander adres, straat', 'Ander adres, straat 2',
    'Ander adres, straat 3', 'Ander adres, plaats', 'Ander adres, provincie', 'Ander adres, postcode', 'Land/regio (anders)',
    'Telefoon assistent', 'Fax op werk', 'Telefoon op werk', 'Telefoon op werk 2', 'Terugbellen', 'Autotelefoon',
    'Hoofdtelefoon bedrijf', 'Fax thuis', 'Telefoon thuis', 'Telefoon thuis 2', 'ISDN', 'Mobiele telefoon', 'Andere fax',
    'Andere telefoon', 'Pager', 'Hoofdtelefoon', 'Radiotelefoon', 'Teksttelefoon', 'Telex', 'Account', 'Adreslijstserver',
    'Ander adres, postbusnummer', 'Beroep', 'Categorieën', 'E-mailadres', 'E-mailtype', 'Weergavenaam voor e-mail',
    'E-mailadres 2', 'E-mailtype 2', 'E-mail, weergegeven naam 2', 'E-mailadres 3', 'E-mailtype 3', 'E-mail, weergegeven naam 3',
    'Factuurinformatie', 'Gebruiker 1', 'Gebruiker 2', 'Gebruiker 3', 'Gebruiker 4', 'Geslacht', 'Gevoeligheid', "Hobby's",
    'Huisadres, postbusnummer', 'Initialen', 'Internet Beschikbaarheidsinfo', 'Kantoorlocatie', 'Kinderen', 'Locatie',
    'Naam assistent', 'Naam manager', 'Notities', 'Organisatie-id', 'Partner', 'Prioriteit', 'Privé', 'Referentie van',
    'Reisafstand', 'Sofinummer', 'Speciale datum', 'Taal', 'Trefwoorden', 'Verjaardag', 'Webpagina', 'Werkadres, postbusnummer'],
};

/** What Carnet reads of each language's Outlook columns (older spellings included). */
const OUTLOOK_COLUMNS: Record<Lang, Partial<Record<Target, string[]>>> = {
  de: {
    firstName: ['Vorname'], lastName: ['Nachname'], company: ['Firma'], title: ['Position'],
    email: ['E-Mail-Adresse', 'E-Mail 2: Adresse', 'E-Mail 3: Adresse'],
    phone: ['Telefon geschäftlich', 'Telefon geschäftlich 2', 'Mobiltelefon', 'Mobiltelefon 2', 'Telefon (privat)',
      'Telefon (privat 2)', 'Telefon privat', 'Telefon privat 2', 'Haupttelefon', 'Weiteres Telefon'],
    birthday: ['Geburtstag'], notes: ['Notizen'], tags: ['Kategorien'], website: ['Webseite'],
  },
  fr: {
    firstName: ['Prénom'], lastName: ['Nom'], company: ['Société'], title: ['Titre (2)'],
    email: ['Adresse de messagerie', 'Adresse de messagerie 2', 'Adresse de messagerie 3'],
    phone: ['Téléphone (bureau)', 'Téléphone 2 (bureau)', 'Tél. mobile', 'Téléphone (domicile)', 'Téléphone 2 (domicile)',
      'Téléphone principal', 'Téléphone (autre)'],
    birthday: ['Anniversaire'], notes: ['Notes'], tags: ['Catégories'], website: ['Page Web'],
  },
  es: {
    firstName: ['Nombre'], lastName: ['Apellidos'], company: ['Organización'], title: ['Puesto'],
    email: ['E-mail Address', 'Dirección de correo electrónico 2', 'Dirección del correo electrónico 3'],
    phone: ['Teléfono del trabajo', 'Business Phone 2', 'Mobile Phone', 'Teléfono móvil', 'Particular', 'Home Phone 2',
      'Teléfono principal', 'Otro teléfono'],
    birthday: ['Birthday'], notes: ['Notes'], tags: ['Categorías'], website: ['Página web'],
  },
  it: {
    firstName: ['Nome'], lastName: ['Cognome'], company: ['Società'], title: ['Posizione', 'Qualifica'],
    email: ['Indirizzo posta elettronica', 'Indirizzo posta elettronica 2', 'Indirizzo posta elettronica 3', 'Indirizzo E-mail',
      'Indirizzo E-mail 2', 'Indirizzo E-mail 3'],
    phone: ['Ufficio', 'Ufficio 2', 'Cellulare', 'Abitazione', 'Abitazione 2', 'Telefono principale', 'Altro telefono',
      'Telefono di Lavoro', 'Telefono di Lavoro 2', 'Telefono Mobile', 'Telefono di casa', 'Telefono di casa 2'],
    birthday: ['Compleanno'], notes: ['Notes', 'Note'], tags: ['Categorie'], website: ['Pagina Web'],
  },
  nl: {
    firstName: ['Voornaam'], lastName: ['Achternaam'], company: ['Bedrijf'], title: ['Functie'],
    email: ['E-mailadres', 'E-mailadres 2', 'E-mailadres 3'],
    phone: ['Telefoon op werk', 'Telefoon op werk 2', 'Mobiele telefoon', 'Telefoon thuis', 'Telefoon thuis 2', 'Hoofdtelefoon',
      'Andere telefoon'],
    birthday: ['Verjaardag'], notes: ['Notities'], tags: ['Categorieën', 'Categorien'], website: ['Webpagina'],
  },
};

/**
 * Thunderbird's export columns in its own order; the labels are its strings 2100–2136 (2136, the screen name, follows
 * 2105). German gives 2136 the display name's label again; Italian has no translation for it, so English shows.
 */
const THUNDERBIRD_LABELS: Record<Lang, string[]> = {
  de: ['Vorname', 'Nachname', 'Anzeigename', 'Spitzname', 'Primäre E-Mail-Adresse', 'Sekundäre E-Mail-Adresse', 'Anzeigename',
    'Tel. dienstlich', 'Tel. privat', 'Fax-Nummer', 'Pager-Nummer', 'Mobil-Tel.-Nr.', 'Privat: Adresse', 'Privat: Adresse 2',
    'Privat: Ort', 'Privat: Bundesland', 'Privat: PLZ', 'Privat: Land', 'Dienstlich: Adresse', 'Dienstlich: Adresse 2',
    'Dienstlich: Ort', 'Dienstlich: Bundesland', 'Dienstlich: PLZ', 'Dienstlich: Land', 'Arbeitstitel', 'Abteilung',
    'Organisation', 'Webseite 1', 'Webseite 2', 'Geburtsjahr', 'Geburtsmonat', 'Geburtstag', 'Benutzerdef. 1', 'Benutzerdef. 2',
    'Benutzerdef. 3', 'Benutzerdef. 4', 'Notizen'],
  fr: ['Prénom', 'Nom de famille', 'Nom à afficher', 'Surnom', 'Première adresse électronique', 'Deuxième adresse électronique',
    "Nom de l'écran", 'Tél. professionnel', 'Tél. personnel', 'Fax', 'Pager', 'Portable', 'Adresse privée', 'Adresse privée 2',
    'Ville', 'Pays/État', 'Code postal', 'Région', 'Adresse professionnelle', 'Adresse professionnelle 2', 'Ville', 'Pays/État',
    'Code postal', 'Région', 'Profession', 'Service', 'Société', 'Site Web 1', 'Site Web 2', 'Année de naissance', 'Mois', 'Jour',
    'Divers 1', 'Divers 2', 'Divers 3', 'Divers 4', 'Notes'],
  es: ['Nombre', 'Apellidos', 'Nombre mostrado', 'Apodo', 'Dirección de correo electrónico principal',
    'Dirección de correo electrónico secundaria', 'Nombre en pantalla', 'Teléfono (Trabajo)', 'Teléfono particular', 'Fax',
    'Buscapersonas', 'Teléfono móvil', 'Dirección personal', 'Dirección personal 2', 'Ciudad donde vive', 'Provincia',
    'Código postal', 'País de residencia', 'Dirección de trabajo', 'Dirección de trabajo 2', 'Ciudad (Trabajo)',
    'Provincia (Trabajo)', 'Código postal (Trabajo)', 'País (Trabajo)', 'Puesto', 'Departamento', 'Organización', 'Página web 1',
    'Página web 2', 'Año de nacimiento', 'Mes de nacimiento', 'Día de nacimiento', 'Personalizado 1', 'Personalizado 2',
    'Personalizado 3', 'Personalizado 4', 'Notas'],
  it: ['Nome', 'Cognome', 'Nome visualizzato', 'Soprannome', 'E-mail primaria', 'E-mail secondaria', 'Screen Name',
    'Telefono lavoro', 'Telefono casa', 'Numero fax', 'Numero cercapersone', 'Numero cellulare', 'Indirizzo di casa',
    'Indirizzo di casa 2', 'Città di residenza', 'Provincia di residenza', 'CAP di residenza', 'Nazione di residenza',
    'Indirizzo di lavoro', 'Indirizzo di lavoro 2', 'Città di lavoro', 'Provincia di lavoro', 'CAP di lavoro', 'Nazione di lavoro',
    'Qualifica', 'Reparto', 'Organizzazione', 'Pagina web 1', 'Pagina web 2', 'Anno di nascita', 'Mese di nascita',
    'Giorno di nascita', 'Personalizzato 1', 'Personalizzato 2', 'Personalizzato 3', 'Personalizzato 4', 'Note'],
  nl: ['Voornaam', 'Achternaam', 'Weergavenaam', 'Bijnaam', 'Eerste e-mail', 'Tweede e-mail', 'Schermnaam', 'Telefoon werk',
    'Telefoon thuis', 'Faxnummer', 'Piepernummer', 'Mobiel nummer', 'Adres', 'Adres 2', 'Woonplaats', 'Provincie', 'Postcode',
    'Land', 'Werkadres', 'Werkadres 2', 'Werklocatie', 'Werkprovincie', 'Werkpostcode', 'Werkland', 'Werkfunctie', 'Afdeling',
    'Organisatie', 'Webpagina 1', 'Webpagina 2', 'Geboortejaar', 'Geboortemaand', 'Geboortedag', 'Overig 1', 'Overig 2',
    'Overig 3', 'Overig 4', 'Aantekeningen'],
};

/** Positions in THUNDERBIRD_LABELS of what Carnet reads (the same in every language). */
const TB_READ: [number, Target][] = [
  [0, 'firstName'], [1, 'lastName'], [2, 'fullName'], [4, 'email'], [5, 'email'], [7, 'phone'], [8, 'phone'], [11, 'phone'],
  [24, 'title'], [26, 'company'], [27, 'website'], [29, 'birthYear'], [30, 'birthMonth'], [31, 'birthDay'], [36, 'notes'],
];
/** Older Thunderbird spellings (Roundcube's maps), read the same way. */
const TB_ALIASES: Record<Lang, Partial<Record<Target, string[]>>> = {
  de: {},
  fr: { email: ['Adresse électronique principale', 'Adresse électronique secondaire'], lastName: ['Nom'] },
  es: {},
  it: { email: ['Email principale', 'Email secondaria'] },
  nl: {},
};

const lower = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

function columnsOf(table: Partial<Record<Target, string[]>>): Record<string, Target> {
  const out: Record<string, Target> = {};
  for (const [target, names] of Object.entries(table) as [Target, string[]][]) for (const n of names) out[lower(n)] ??= target;
  return out;
}

/** A repeated column name is read as "Name (2)", "Name (3)" (see parse.ts): the header a preset expects does too. */
function asParsed(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} (${n})`;
  });
}

export const LOCALIZED_PRESETS: PresetDef[] = (Object.keys(LANG_NAME) as Lang[]).flatMap((lang): PresetDef[] => {
  const tb = asParsed(THUNDERBIRD_LABELS[lang]);
  const tbColumns = columnsOf(TB_ALIASES[lang]);
  for (const [i, target] of TB_READ) tbColumns[lower(tb[i]!)] = target;
  return [
    {
      id: `outlook-desktop-${lang}`, name: `Outlook (desktop / Microsoft 365), ${LANG_NAME[lang]}`, entity: 'contacts',
      headers: asParsed(OUTLOOK_HEADERS[lang]), columns: columnsOf(OUTLOOK_COLUMNS[lang]),
    },
    { id: `thunderbird-${lang}`, name: `Thunderbird address book, ${LANG_NAME[lang]}`, entity: 'contacts', headers: tb, columns: tbColumns },
  ];
});
