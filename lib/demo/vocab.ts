/** Invented names and words for the demo portfolio. Company names are combinations, not real firms. */

export type Lang = 'fr' | 'en';
export type Country = 'FR' | 'BE' | 'GB' | 'US' | 'IE';

export const COUNTRY: Record<Country, { lang: Lang; currency: 'EUR' | 'GBP' | 'USD'; tld: string; valueScale: number }> = {
  FR: { lang: 'fr', currency: 'EUR', tld: 'fr', valueScale: 1 },
  BE: { lang: 'fr', currency: 'EUR', tld: 'be', valueScale: 1 },
  GB: { lang: 'en', currency: 'GBP', tld: 'co.uk', valueScale: 0.86 },
  US: { lang: 'en', currency: 'USD', tld: 'com', valueScale: 1.08 },
  IE: { lang: 'en', currency: 'EUR', tld: 'ie', valueScale: 1 },
};

export const COUNTRIES_BY_LANG: Record<Lang, Record<Country, number>> = {
  fr: { FR: 85, BE: 15, GB: 0, US: 0, IE: 0 },
  en: { FR: 0, BE: 0, GB: 55, US: 30, IE: 15 },
};

export const CITIES: Record<Country, readonly string[]> = {
  FR: [
    'Paris',
    'Lyon',
    'Marseille',
    'Toulouse',
    'Nantes',
    'Bordeaux',
    'Lille',
    'Rennes',
    'Strasbourg',
    'Grenoble',
    'Montpellier',
    'Dijon',
    'Angers',
    'Clermont-Ferrand',
    'Brest',
    'Reims',
    'Tours',
    'Besançon',
    'Nîmes',
    'Orléans',
  ],
  BE: ['Bruxelles', 'Liège', 'Namur', 'Charleroi', 'Mons', 'Louvain-la-Neuve', 'Tournai', 'Wavre'],
  GB: [
    'London',
    'Manchester',
    'Bristol',
    'Leeds',
    'Glasgow',
    'Edinburgh',
    'Birmingham',
    'Cardiff',
    'Sheffield',
    'Newcastle',
    'Nottingham',
    'Brighton',
    'York',
    'Belfast',
  ],
  US: ['Boston', 'Chicago', 'Denver', 'Austin', 'Seattle', 'Atlanta', 'Portland', 'Minneapolis', 'Raleigh', 'Pittsburgh', 'San Diego', 'Columbus'],
  IE: ['Dublin', 'Cork', 'Galway', 'Limerick', 'Waterford', 'Kilkenny'],
};

/** Sector: the French and English word used in names and domains, and the industry it files under. */
export interface Sector {
  fr: string;
  en: string;
  industry: string;
}
export const SECTORS: readonly Sector[] = [
  { fr: 'Boulangeries', en: 'Bakeries', industry: 'Food & Beverage' },
  { fr: 'Transports', en: 'Logistics', industry: 'Transport & Logistics' },
  { fr: 'Menuiserie', en: 'Joinery', industry: 'Construction' },
  { fr: 'Imprimerie', en: 'Print', industry: 'Printing & Publishing' },
  { fr: 'Laboratoires', en: 'Labs', industry: 'Life Sciences' },
  { fr: 'Conseil', en: 'Consulting', industry: 'Professional Services' },
  { fr: 'Ingénierie', en: 'Engineering', industry: 'Engineering' },
  { fr: 'Distribution', en: 'Wholesale', industry: 'Wholesale & Distribution' },
  { fr: 'Fromageries', en: 'Dairies', industry: 'Food & Beverage' },
  { fr: 'Pharmacies', en: 'Pharmacy', industry: 'Healthcare' },
  { fr: 'Cliniques', en: 'Clinics', industry: 'Healthcare' },
  { fr: 'Hôtels', en: 'Hotels', industry: 'Hospitality' },
  { fr: 'Brasseries', en: 'Brewing', industry: 'Food & Beverage' },
  { fr: 'Architectes', en: 'Architects', industry: 'Professional Services' },
  { fr: 'Emballages', en: 'Packaging', industry: 'Manufacturing' },
  { fr: 'Mécanique', en: 'Machining', industry: 'Manufacturing' },
  { fr: 'Énergies', en: 'Energy', industry: 'Energy & Utilities' },
  { fr: 'Informatique', en: 'Software', industry: 'Software & IT' },
  { fr: 'Textiles', en: 'Textiles', industry: 'Manufacturing' },
  { fr: 'Assurances', en: 'Insurance', industry: 'Financial Services' },
  { fr: 'Vignobles', en: 'Vineyards', industry: 'Food & Beverage' },
  { fr: 'Jardineries', en: 'Garden Centres', industry: 'Retail' },
  { fr: 'Optique', en: 'Optics', industry: 'Retail' },
  { fr: 'Bâtiment', en: 'Building', industry: 'Construction' },
  { fr: 'Formation', en: 'Training', industry: 'Education' },
  { fr: 'Robotique', en: 'Robotics', industry: 'Manufacturing' },
  { fr: 'Nettoyage', en: 'Cleaning', industry: 'Facilities Services' },
  { fr: 'Agences', en: 'Media', industry: 'Marketing & Media' },
  { fr: 'Ambulances', en: 'Care', industry: 'Healthcare' },
  { fr: 'Éditions', en: 'Publishing', industry: 'Printing & Publishing' },
];

export const FR_LEGAL = ['SAS', 'SARL', 'SA', 'SASU', 'SAS', 'SARL'] as const;
export const BE_LEGAL = ['SRL', 'SA', 'SC', 'SRL'] as const;
export const LEGAL: Record<'GB' | 'US' | 'IE', readonly string[]> = {
  GB: ['Ltd', 'Ltd', 'plc', 'LLP', 'Ltd'],
  US: ['Inc.', 'LLC', 'Corp.', 'Inc.'],
  IE: ['Ltd', 'DAC', 'Ltd'],
};
/** French name patterns: {s} sector word, {n} family name. */
export const FR_PATTERNS = ['{s} {n}', '{s} {n}', '{n} {s}', 'Groupe {n} {s}', '{s} {n} Frères', '{s} {n} & Fils', 'Maison {n} {s}'] as const;

/** English first halves of company names: place-like words. */
export const EN_PREFIXES = [
  'Northwind',
  'Harbourside',
  'Redfern',
  'Bluebell',
  'Ashcombe',
  'Kestrel',
  'Thornbury',
  'Fairhaven',
  'Millbrook',
  'Oakridge',
  'Silverdale',
  'Westmarch',
  'Brightwater',
  'Copperleaf',
  'Highgate',
  'Larkspur',
  'Stonebridge',
  'Willowby',
  'Greystoke',
  'Marlow',
  'Pennine',
  'Calder',
  'Tamar',
  'Severn',
  'Cheviot',
  'Holloway',
  'Ravensworth',
  'Elmstead',
  'Foxglove',
  'Heronsgate',
  'Lindenfield',
  'Brackenhurst',
  'Coldharbour',
  'Duncliffe',
  'Eastwick',
  'Glenmore',
  'Hartwell',
  'Ivybridge',
  'Juniper',
  'Kingsmead',
];

export const FR_SURNAMES = [
  'Marchal',
  'Dupont',
  'Lefèvre',
  'Mercier',
  'Rousseau',
  'Girard',
  'Bonnet',
  'Fontaine',
  'Chevalier',
  'Lambert',
  'Gauthier',
  'Perrin',
  'Morel',
  'Faure',
  'André',
  'Noël',
  'Ménard',
  'Lécuyer',
  'Béranger',
  'Hébert',
  'Benali',
  'Diallo',
  'Nguyen',
  'Da Silva',
  'Le Gall',
  'Kerjean',
  'Texier',
  'Roussel',
  'Delorme',
  'Vasseur',
  'Collet',
  'Brunet',
  'Guérin',
  'Masson',
  'Caron',
  'Lemaire',
  'Renaud',
  'Barbier',
  'Aubert',
  'Boyer',
  'Poirier',
  'Rivière',
  'Moulin',
  'Carré',
  'Leclerc',
  'Dufour',
  'Hamon',
  'Prévost',
  'Giraud',
  'Bouvier',
  'Haddad',
  'Mbaye',
  'Ferreira',
  'Klein',
  'Schmitt',
  'Leroux',
  'Besnard',
  'Pottier',
  'Cordier',
  'Joubert',
];
export const EN_SURNAMES = [
  'Smith',
  "O'Brien",
  'Okafor',
  'Kowalski',
  'Wiśniewski',
  'Patel',
  'Hughes',
  'Murphy',
  'MacLeod',
  'Nowak',
  'Adeyemi',
  'Okonkwo',
  'Chen',
  'Khan',
  'Evans',
  'Davies',
  'Fitzgerald',
  'Thompson',
  'Walsh',
  'Byrne',
  'Kelly',
  'Campbell',
  'Reid',
  'Fraser',
  'Whitfield',
  'Ashworth',
  'Brennan',
  'Sullivan',
  'Gallagher',
  'Nkemelu',
  'Lewandowski',
  'Jansen',
  'Ó Briain',
  'Harrington',
  'Pemberton',
  'Rahman',
  'Singh',
  'Morrison',
  'Cartwright',
  'Doyle',
  'Garcia',
  'Nguyen',
  'Johnson',
  'Brooks',
  'Delaney',
  'Hollis',
  'Mensah',
  'Ramírez',
  'Kaur',
  'Lindqvist',
];

export interface FirstName {
  name: string;
  female: boolean;
}
const f = (name: string): FirstName => ({ name, female: true });
const m = (name: string): FirstName => ({ name, female: false });
export const FR_FIRST: readonly FirstName[] = [
  f('Hélène'),
  m('François'),
  f('Zoë'),
  f('Chloé'),
  f('Élodie'),
  m('Benoît'),
  m('Jérôme'),
  f('Anaïs'),
  f('Maëlle'),
  f('Léa'),
  m('Noël'),
  f('Gaëlle'),
  f('Océane'),
  m('Thibault'),
  f('Amélie'),
  m('Cédric'),
  f('Inès'),
  m('Mathéo'),
  m('Aurélien'),
  f('Clémence'),
  m('Joël'),
  m('Loïc'),
  f('Anne-Sophie'),
  m('Jean-Baptiste'),
  f('Marie-Noëlle'),
  f('Yasmine'),
  m('Karim'),
  m('Mamadou'),
  f('Fatoumata'),
  m('Théo'),
  f('Camille'),
  m('Julien'),
  f('Sophie'),
  m('Nicolas'),
  f('Émilie'),
  m('Stéphane'),
  f('Laëtitia'),
  m('Raphaël'),
  f('Margaux'),
  m('Hugo'),
  f('Céline'),
  m('Grégoire'),
  f('Bérénice'),
  m('Timothée'),
  f('Agnès'),
  m('Rémi'),
  f('Sandrine'),
  m('Frédéric'),
  f('Nadia'),
  m('Mehdi'),
];
export const EN_FIRST: readonly FirstName[] = [
  m('Oliver'),
  f('Siobhán'),
  f('Zoë'),
  f('Ngozi'),
  m('Łukasz'),
  f('Aoife'),
  f('Niamh'),
  m('Chidi'),
  f('Priya'),
  m('Raj'),
  f('Emily'),
  m('James'),
  m('Mohammed'),
  m('Seán'),
  m('Bartosz'),
  f('Agnieszka'),
  f('Chloe'),
  m('Rhys'),
  f('Eilidh'),
  m('Oluwaseun'),
  m('Wei'),
  f('Mei'),
  f('Sophie'),
  f('Harriet'),
  m('George'),
  m('Daniel'),
  f('Grace'),
  m('Tomás'),
  f('Renée'),
  m('Ciarán'),
  f('Amara'),
  m('Kwame'),
  f('Hannah'),
  m('Samuel'),
  f('Isla'),
  m('Callum'),
  f('Leah'),
  m('Ethan'),
  f('Maya'),
  m('Noah'),
  f('Olivia'),
  m('Jack'),
  f('Freya'),
  m('Arjun'),
  f('Fiona'),
  m('Patrick'),
  f('Rachel'),
  m('Marcus'),
  f('Eleanor'),
  m('Dmitri'),
];

export const OWNERS: Record<Lang, readonly string[]> = {
  fr: ['Camille Rousseau', 'Julien Marchetti', 'Inès Benali'],
  en: ['Sarah Whitfield', 'Tom Okafor', 'Priya Natarajan'],
};

/** Titles: [French masculine, French feminine, English]. */
export const TITLES: readonly [string, string, string][] = [
  ['Directeur général', 'Directrice générale', 'Managing Director'],
  ['Directeur des achats', 'Directrice des achats', 'Head of Procurement'],
  ['Responsable logistique', 'Responsable logistique', 'Logistics Manager'],
  ['Directeur administratif et financier', 'Directrice administrative et financière', 'Finance Director'],
  ['Responsable informatique', 'Responsable informatique', 'IT Manager'],
  ['Acheteur', 'Acheteuse', 'Buyer'],
  ['Comptable', 'Comptable', 'Accounts Payable Officer'],
  ["Responsable d'exploitation", "Responsable d'exploitation", 'Operations Manager'],
  ['Directeur technique', 'Directrice technique', 'CTO'],
  ['Chef de projet', 'Cheffe de projet', 'Project Manager'],
  ['Assistant de direction', 'Assistante de direction', 'Office Manager'],
  ['Responsable qualité', 'Responsable qualité', 'Quality Manager'],
  ['Gérant', 'Gérante', 'Owner'],
  ['Directeur commercial', 'Directrice commerciale', 'Sales Director'],
];

export const FREE_MAIL: Record<Country, readonly string[]> = {
  FR: ['gmail.com', 'orange.fr', 'free.fr', 'wanadoo.fr', 'laposte.net', 'hotmail.fr'],
  BE: ['gmail.com', 'skynet.be', 'hotmail.com', 'outlook.be'],
  GB: ['gmail.com', 'hotmail.co.uk', 'yahoo.co.uk', 'btinternet.com', 'outlook.com'],
  US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'],
  IE: ['gmail.com', 'eircom.net', 'hotmail.com', 'outlook.ie'],
};

export const PRODUCTS: readonly { fr: string; en: string; share: number }[] = [
  { fr: 'Abonnement Pro', en: 'Pro subscription', share: 1 },
  { fr: 'Licences supplémentaires', en: 'Additional seats', share: 0.4 },
  { fr: 'Module Planification', en: 'Scheduling module', share: 0.5 },
  { fr: 'Pack Formation', en: 'Training pack', share: 0.3 },
  { fr: 'Support Premium', en: 'Premium support', share: 0.6 },
  { fr: 'Consommables', en: 'Consumables', share: 0.2 },
  { fr: 'Intégration ERP', en: 'ERP integration', share: 0.8 },
];

export const TAGS = [
  'multi-site',
  'export',
  'reference',
  'partner',
  'public-sector',
  'pilot',
  'upsell-potential',
  'late-payer',
  'franchise',
  'api-user',
] as const;

/** Folds a name to ASCII for emails, slugs and domains ("Łukasz Wiśniewski" → "lukasz wisniewski"). */
const asciiCache = new Map<string, string>();
export function ascii(text: string): string {
  let out = asciiCache.get(text);
  if (out === undefined) {
    out = foldAscii(text);
    // The vocabulary is small; the bound only guards against callers folding arbitrary text.
    if (asciiCache.size < 10_000) asciiCache.set(text, out);
  }
  return out;
}

function foldAscii(text: string): string {
  return text
    .replace(/[Łł]/g, (c) => (c === 'Ł' ? 'L' : 'l'))
    .replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o'))
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .replace(/Æ/g, 'AE')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** "Le Gall" → "le-gall", "O'Brien" → "obrien". */
export function slug(text: string, sep = '-'): string {
  return ascii(text)
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(sep);
}
