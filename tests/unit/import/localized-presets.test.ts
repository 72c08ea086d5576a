import { describe, it, expect } from 'vitest';
import { analyzeFile, planFile, detectPreset, parseCsv, isKnownHeader } from '../../../lib/import';
import { LOCALIZED_PRESETS } from '../../../lib/import/presets-localized';
import { enc } from './helpers';

const csvRow = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

/** A file as the product writes it: its full localized header (repeated names as written), one person. */
function exportFile(presetId: string, values: Record<string, string>): string {
  const preset = LOCALIZED_PRESETS.find((p) => p.id === presetId)!;
  // The preset's header is as parsed ("Titre (2)"); the file has the raw names.
  const raw = preset.headers.map((h) => h.replace(/ \(\d+\)$/, ''));
  const row = preset.headers.map((h) => values[h] ?? '');
  return `${csvRow(raw)}\r\n${csvRow(row)}\r\n`;
}

interface Case {
  lang: string;
  outlook: Record<string, string>;
  thunderbird: Record<string, string>;
}

const PERSON = {
  first: 'Inès',
  last: 'Van den Berg',
  email: 'ines.vdberg@hollandia.example',
  phone: '+31 20 555 0101',
  company: 'Hollandia BV',
  title: 'Inkoper',
};

const CASES: Case[] = [
  {
    lang: 'de',
    outlook: {
      Vorname: PERSON.first,
      Nachname: PERSON.last,
      'E-Mail-Adresse': PERSON.email,
      'Telefon geschäftlich': PERSON.phone,
      Firma: PERSON.company,
      Position: PERSON.title,
      Kategorien: 'Kunde',
    },
    thunderbird: {
      Vorname: PERSON.first,
      Nachname: PERSON.last,
      'Primäre E-Mail-Adresse': PERSON.email,
      'Tel. dienstlich': PERSON.phone,
      Organisation: PERSON.company,
      Arbeitstitel: PERSON.title,
      Geburtsjahr: '1984',
      Geburtsmonat: '3',
      Geburtstag: '9',
    },
  },
  {
    lang: 'fr',
    outlook: {
      Prénom: PERSON.first,
      Nom: PERSON.last,
      'Adresse de messagerie': PERSON.email,
      'Téléphone (bureau)': PERSON.phone,
      Société: PERSON.company,
      Titre: 'Mme',
      'Titre (2)': PERSON.title,
      Catégories: 'Kunde',
    },
    thunderbird: {
      Prénom: PERSON.first,
      'Nom de famille': PERSON.last,
      'Première adresse électronique': PERSON.email,
      'Tél. professionnel': PERSON.phone,
      Société: PERSON.company,
      Profession: PERSON.title,
      'Année de naissance': '1984',
      Mois: '3',
      Jour: '9',
    },
  },
  {
    lang: 'es',
    outlook: {
      Nombre: PERSON.first,
      Apellidos: PERSON.last,
      'E-mail Address': PERSON.email,
      'Teléfono del trabajo': PERSON.phone,
      Organización: PERSON.company,
      Puesto: PERSON.title,
      Categorías: 'Kunde',
    },
    thunderbird: {
      Nombre: PERSON.first,
      Apellidos: PERSON.last,
      'Dirección de correo electrónico principal': PERSON.email,
      'Teléfono (Trabajo)': PERSON.phone,
      Organización: PERSON.company,
      Puesto: PERSON.title,
      'Año de nacimiento': '1984',
      'Mes de nacimiento': '3',
      'Día de nacimiento': '9',
    },
  },
  {
    lang: 'it',
    outlook: {
      Nome: PERSON.first,
      Cognome: PERSON.last,
      'Indirizzo posta elettronica': PERSON.email,
      Ufficio: PERSON.phone,
      Società: PERSON.company,
      Posizione: PERSON.title,
      Categorie: 'Kunde',
    },
    thunderbird: {
      Nome: PERSON.first,
      Cognome: PERSON.last,
      'E-mail primaria': PERSON.email,
      'Telefono lavoro': PERSON.phone,
      Organizzazione: PERSON.company,
      Qualifica: PERSON.title,
      'Anno di nascita': '1984',
      'Mese di nascita': '3',
      'Giorno di nascita': '9',
    },
  },
  {
    lang: 'nl',
    outlook: {
      Voornaam: PERSON.first,
      Achternaam: PERSON.last,
      'E-mailadres': PERSON.email,
      'Telefoon op werk': PERSON.phone,
      Bedrijf: PERSON.company,
      Functie: PERSON.title,
      Categorieën: 'Kunde',
    },
    thunderbird: {
      Voornaam: PERSON.first,
      Achternaam: PERSON.last,
      'Eerste e-mail': PERSON.email,
      'Telefoon werk': PERSON.phone,
      Organisatie: PERSON.company,
      Werkfunctie: PERSON.title,
      Geboortejaar: '1984',
      Geboortemaand: '3',
      Geboortedag: '9',
    },
  },
];

describe('Outlook and Thunderbird exports in the user’s UI language', () => {
  for (const c of CASES) {
    for (const product of ['outlook', 'thunderbird'] as const) {
      const id = product === 'outlook' ? `outlook-desktop-${c.lang}` : `thunderbird-${c.lang}`;
      it(`${c.lang}: ${product} is detected and read`, async () => {
        const file = await analyzeFile(enc(exportFile(id, c[product])));
        expect(file.parsed.headerLine).toBe(1);
        expect(file.detection.preset.id).toBe(id);
        expect(file.detection.confidence).toBeGreaterThanOrEqual(0.9);
        const plan = await planFile(file);
        expect(plan.summary.invalid).toEqual([]);
        expect(plan.inserts.contacts).toHaveLength(1);
        const contact = plan.inserts.contacts[0]!;
        expect(contact).toMatchObject({ firstName: PERSON.first, lastName: PERSON.last, emails: [PERSON.email], phones: [PERSON.phone], title: PERSON.title });
        if (product === 'thunderbird') expect(contact.birthday).toBe('1984-03-09');
        else expect(contact.tags).toEqual(['Kunde']);
        expect(plan.inserts.accounts.map((a) => a.name)).toEqual([PERSON.company]);
      });
    }
  }

  it('a file cut down to a few localized columns still gets its preset', () => {
    const d = detectPreset(['Vorname', 'Nachname', 'E-Mail-Adresse', 'Mobiltelefon', 'Firma']);
    expect(d.preset.id).toBe('outlook-desktop-de');
    expect(d.mapping).toEqual({ Vorname: 'firstName', Nachname: 'lastName', 'E-Mail-Adresse': 'email', Mobiltelefon: 'phone', Firma: 'company' });
  });

  it('the French courtesy title is not read as the job title', async () => {
    const plan = await planFile(await analyzeFile(enc(exportFile('outlook-desktop-fr', { ...CASES[1]!.outlook, 'Titre (2)': '' }))));
    expect(plan.inserts.contacts[0]!.title).toBeNull();
  });

  it('every localized header is a known header, never taken for a preamble', () => {
    for (const p of LOCALIZED_PRESETS) expect(isKnownHeader(p.headers.map((h) => h.replace(/ \(\d+\)$/, ''))), p.id).toBe(true);
  });

  it('a header no preset knows is not skipped for a later row that merely reads like column names', () => {
    // Polish Outlook (no preset): its header, then a row a user typed as a caption line, then a person.
    const header = 'Imię,Nazwisko,Adres e-mail,Telefon komórkowy,Firma,Stanowisko';
    const text = `${header}\nName,Email,Phone,Mobile,Company,Title\nAnna,Nowak,anna@nowak.example,+48 22 555 0100,Nowak SA,CEO\n`;
    const parsed = parseCsv(text, { isKnownHeader });
    expect(parsed.headerLine).toBe(1);
    expect(parsed.header).toEqual(header.split(','));
    expect(parsed.rows).toHaveLength(2);
  });

  it('a localized header after a preamble whose rows look like data is still the header', () => {
    // An export wrapped by another tool: a two-line note, then the German Thunderbird header and a short row.
    const text = 'Export,2026-12-03\nAdressbuch,Kunden\n' + exportFile('thunderbird-de', CASES[0]!.thunderbird);
    const parsed = parseCsv(text, { isKnownHeader });
    expect(parsed.headerLine).toBe(3);
    expect(parsed.header[0]).toBe('Vorname');
  });
});
