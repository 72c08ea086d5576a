import type { ImportPreset } from '../db/db';
import type { AdChannel, Site } from '../schema';
import { LOCALIZED_PRESETS } from './presets-localized';
import { CAMPAIGN_PRESET_SOURCES, CAMPAIGN_TARGETS, GENERIC_CAMPAIGN_COLUMNS } from './campaign-presets';

/** What a file holds; tickets become interactions of channel 'ticket', opportunities become deals. */
export type ImportEntity = 'contacts' | 'accounts' | 'orders' | 'tickets' | 'deals' | 'campaigns';
export const IMPORT_ENTITIES: readonly ImportEntity[] = ['contacts', 'accounts', 'orders', 'tickets', 'deals', 'campaigns'];

/** Carnet fields a column can feed, per kind of file (the mapping editor's choices); 'ignore' drops a column. */
export const TARGETS = {
  contacts: [
    'firstName',
    'lastName',
    'fullName',
    'email',
    'phone',
    'title',
    'company',
    'website',
    'linkedinUrl',
    'birthday',
    'birthYear',
    'birthMonth',
    'birthDay',
    'tags',
    'notes',
    'owner',
    'externalId',
    'accountExternalId',
    'deleted',
  ],
  accounts: [
    'name',
    'domain',
    'website',
    'industry',
    'employees',
    'size',
    'annualValue',
    'revenue',
    'currency',
    'owner',
    'renewalDate',
    'contractStart',
    'linkedinUrl',
    'tags',
    'notes',
    'externalId',
    'deleted',
  ],
  orders: ['ref', 'occurredAt', 'amount', 'quantity', 'unitPrice', 'currency', 'customerId', 'email', 'company', 'description'],
  tickets: ['ref', 'subject', 'summary', 'status', 'occurredAt', 'email', 'fullName', 'firstName', 'lastName', 'company', 'phone', 'title', 'tags', 'url'],
  deals: ['name', 'amount', 'currency', 'stage', 'closeDate', 'kind', 'owner', 'notes', 'company', 'accountExternalId', 'externalId', 'deleted'],
  /** Campaign reports (lib/import/plan/campaigns.ts): figures per campaign and day, month or range. */
  campaigns: CAMPAIGN_TARGETS,
} as const satisfies Record<ImportEntity, readonly string[]>;
export type Target = (typeof TARGETS)[ImportEntity][number];

/** Source column (as in the file's header) → Carnet field. */
export type Mapping = Record<string, Target>;

export interface PresetDef {
  id: string;
  name: string;
  entity: ImportEntity;
  /** The header this export writes: detection scores against it. */
  headers: string[];
  /** Normalised column name → field. */
  columns: Record<string, Target>;
  patterns?: [RegExp, Target][];
  defaultCurrency?: string;
  site?: Site;
  /** Campaign reports: the ad platform the file comes from. */
  channel?: AdChannel;
  /** Saved by the user (importPresets table). */
  custom?: boolean;
}

export function norm(h: string): string {
  return h.trim().replace(/^"|"$/g, '').replace(/\s+/g, ' ').toLowerCase();
}

const split = (s: string) => s.split(',');
const cols = (o: Record<string, Target>): Record<string, Target> => Object.fromEntries(Object.entries(o).map(([k, v]) => [norm(k), v]));

const OUTLOOK_CONTACT = cols({
  'First Name': 'firstName',
  'Last Name': 'lastName',
  Company: 'company',
  'Job Title': 'title',
  'E-mail Address': 'email',
  'E-mail 2 Address': 'email',
  'E-mail 3 Address': 'email',
  'Business Phone': 'phone',
  'Business Phone 2': 'phone',
  'Mobile Phone': 'phone',
  'Home Phone': 'phone',
  'Home Phone 2': 'phone',
  'Primary Phone': 'phone',
  'Other Phone': 'phone',
  Birthday: 'birthday',
  Notes: 'notes',
  Categories: 'tags',
  'Web Page': 'website',
});

const SF_CONTACT = cols({
  Id: 'externalId',
  IsDeleted: 'deleted',
  AccountId: 'accountExternalId',
  FirstName: 'firstName',
  LastName: 'lastName',
  Email: 'email',
  Phone: 'phone',
  MobilePhone: 'phone',
  HomePhone: 'phone',
  OtherPhone: 'phone',
  Title: 'title',
  Birthdate: 'birthday',
  Description: 'notes',
});

export const PRESETS: PresetDef[] = [
  {
    id: 'google-legacy',
    name: 'Google Contacts (Google CSV)',
    entity: 'contacts',
    headers: split(
      'Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value',
    ),
    columns: cols({
      Name: 'fullName',
      'Given Name': 'firstName',
      'Family Name': 'lastName',
      Birthday: 'birthday',
      Notes: 'notes',
      'Group Membership': 'tags',
      'Organization 1 - Name': 'company',
      'Organization 1 - Title': 'title',
    }),
    patterns: [
      [/^e-mail \d+ - value$/, 'email'],
      [/^phone \d+ - value$/, 'phone'],
      [/^website \d+ - value$/, 'website'],
    ],
  },
  {
    id: 'google-current',
    name: 'Google Contacts',
    entity: 'contacts',
    headers: split(
      'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted',
    ),
    columns: cols({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Organization Name': 'company',
      'Organization Title': 'title',
      Birthday: 'birthday',
      Notes: 'notes',
      Labels: 'tags',
    }),
    patterns: [
      [/^e-mail \d+ - value$/, 'email'],
      [/^phone \d+ - value$/, 'phone'],
      [/^website \d+ - value$/, 'website'],
    ],
  },
  {
    id: 'outlook-desktop',
    name: 'Outlook (desktop / Microsoft 365)',
    entity: 'contacts',
    headers: split(
      "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business Street 2,Business Street 3,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home Street 2,Home Street 3,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other Street 2,Other Street 3,Other City,Other State,Other Postal Code,Other Country/Region,Assistant's Phone,Business Fax,Business Phone,Business Phone 2,Callback,Car Phone,Company Main Phone,Home Fax,Home Phone,Home Phone 2,ISDN,Mobile Phone,Other Fax,Other Phone,Pager,Primary Phone,Radio Phone,TTY/TDD Phone,Telex,Account,Anniversary,Assistant's Name,Billing Information,Birthday,Business Address PO Box,Categories,Children,Directory Server,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,E-mail 2 Type,E-mail 2 Display Name,E-mail 3 Address,E-mail 3 Type,E-mail 3 Display Name,Gender,Government ID Number,Hobby,Home Address PO Box,Initials,Internet Free Busy,Keywords,Language,Location,Manager's Name,Mileage,Notes,Office Location,Organizational ID Number,Other Address PO Box,Priority,Private,Profession,Referred By,Sensitivity,Spouse,User 1,User 2,User 3,User 4,Web Page",
    ),
    columns: OUTLOOK_CONTACT,
  },
  {
    id: 'outlook-google',
    name: 'Outlook CSV (written by Google Contacts)',
    entity: 'contacts',
    headers: split(
      "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,Anniversary,Location,Language,Internet Free Busy,Notes,E-mail Address,E-mail 2 Address,E-mail 3 Address,Primary Phone,Home Phone,Home Phone 2,Mobile Phone,Pager,Home Fax,Home Address,Home Street,Home Street 2,Home Street 3,Home Address PO Box,Home City,Home State,Home Postal Code,Home Country,Spouse,Children,Manager's Name,Assistant's Name,Referred By,Company Main Phone,Business Phone,Business Phone 2,Business Fax,Assistant's Phone,Company,Job Title,Department,Office Location,Organizational ID Number,Profession,Account,Business Address,Business Street,Business Street 2,Business Street 3,Business Address PO Box,Business City,Business State,Business Postal Code,Business Country,Other Phone,Other Fax,Other Address,Other Street,Other Street 2,Other Street 3,Other Address PO Box,Other City,Other State,Other Postal Code,Other Country,Callback,Car Phone,ISDN,Radio Phone,TTY/TDD Phone,Telex,User 1,User 2,User 3,User 4,Keywords,Mileage,Hobby,Billing Information,Directory Server,Sensitivity,Priority,Private,Categories",
    ),
    columns: OUTLOOK_CONTACT,
  },
  {
    id: 'outlook-web',
    name: 'Outlook on the web / Outlook.com',
    entity: 'contacts',
    headers: split(
      "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes",
    ),
    columns: OUTLOOK_CONTACT,
  },
  {
    id: 'linkedin',
    name: 'LinkedIn Connections',
    entity: 'contacts',
    site: 'linkedin',
    headers: split('First Name,Last Name,URL,Email Address,Company,Position,Connected On'),
    columns: cols({ 'First Name': 'firstName', 'Last Name': 'lastName', URL: 'linkedinUrl', 'Email Address': 'email', Company: 'company', Position: 'title' }),
  },
  {
    id: 'thunderbird',
    name: 'Thunderbird address book',
    entity: 'contacts',
    headers: split(
      'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes',
    ),
    columns: cols({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Display Name': 'fullName',
      'Primary Email': 'email',
      'Secondary Email': 'email',
      'Work Phone': 'phone',
      'Home Phone': 'phone',
      'Mobile Number': 'phone',
      'Job Title': 'title',
      Organization: 'company',
      'Web Page 1': 'website',
      'Birth Year': 'birthYear',
      'Birth Month': 'birthMonth',
      'Birth Day': 'birthDay',
      Notes: 'notes',
    }),
  },
  {
    id: 'salesforce-contact',
    name: 'Salesforce Contacts',
    entity: 'contacts',
    headers: split(
      'Id,IsDeleted,MasterRecordId,AccountId,LastName,FirstName,Salutation,Name,OtherStreet,OtherCity,OtherState,OtherPostalCode,OtherCountry,MailingStreet,MailingCity,MailingState,MailingPostalCode,MailingCountry,Phone,Fax,MobilePhone,HomePhone,OtherPhone,AssistantPhone,ReportsToId,Email,Title,Department,AssistantName,LeadSource,Birthdate,Description,OwnerId,CreatedDate,CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp,LastActivityDate',
    ),
    columns: SF_CONTACT,
  },
  {
    id: 'salesforce-contact-report',
    name: 'Salesforce Contacts (report)',
    entity: 'contacts',
    headers: split(
      'Salutation,First Name,Last Name,Title,Account Name,Mailing Street,Mailing City,Mailing State/Province,Mailing Zip/Postal Code,Mailing Country,Phone,Mobile,Email,Contact Owner,Contact ID,Account ID,Lead Source,Birthdate',
    ),
    columns: cols({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'title',
      'Account Name': 'company',
      Phone: 'phone',
      Mobile: 'phone',
      Email: 'email',
      'Contact Owner': 'owner',
      'Contact ID': 'externalId',
      'Account ID': 'accountExternalId',
      Birthdate: 'birthday',
      Description: 'notes',
    }),
  },
  {
    id: 'salesforce-account',
    name: 'Salesforce Accounts',
    entity: 'accounts',
    headers: split(
      'Id,IsDeleted,MasterRecordId,Name,Type,ParentId,BillingStreet,BillingCity,BillingState,BillingPostalCode,BillingCountry,ShippingStreet,ShippingCity,ShippingState,ShippingPostalCode,ShippingCountry,Phone,Fax,AccountNumber,Website,Sic,Industry,AnnualRevenue,NumberOfEmployees,Ownership,TickerSymbol,Description,Rating,Site,OwnerId,CreatedDate,CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp,LastActivityDate',
    ),
    columns: cols({
      Id: 'externalId',
      IsDeleted: 'deleted',
      Name: 'name',
      Website: 'website',
      Industry: 'industry',
      AnnualRevenue: 'revenue',
      NumberOfEmployees: 'employees',
      Description: 'notes',
    }),
  },
  {
    id: 'salesforce-account-report',
    name: 'Salesforce Accounts (report)',
    entity: 'accounts',
    headers: split('Account Name,Account Owner,Type,Industry,Annual Revenue,Employees,Website,Phone,Billing City,Billing Country,Account ID,Rating'),
    columns: cols({
      'Account Name': 'name',
      'Account Owner': 'owner',
      Industry: 'industry',
      'Annual Revenue': 'revenue',
      Employees: 'employees',
      Website: 'website',
      'Account ID': 'externalId',
      Description: 'notes',
    }),
  },
  {
    id: 'salesforce-opportunity',
    name: 'Salesforce Opportunities',
    entity: 'deals',
    headers: split(
      'Id,IsDeleted,AccountId,Name,Description,StageName,Amount,Probability,ExpectedRevenue,TotalOpportunityQuantity,CloseDate,Type,NextStep,LeadSource,IsClosed,IsWon,ForecastCategory,HasOpportunityLineItem,Pricebook2Id,OwnerId,CreatedDate,CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp,LastActivityDate,FiscalQuarter,FiscalYear,Fiscal',
    ),
    columns: cols({
      Id: 'externalId',
      IsDeleted: 'deleted',
      AccountId: 'accountExternalId',
      Name: 'name',
      Description: 'notes',
      StageName: 'stage',
      Amount: 'amount',
      CloseDate: 'closeDate',
      Type: 'kind',
      CurrencyIsoCode: 'currency',
    }),
  },
  {
    id: 'salesforce-opportunity-report',
    name: 'Salesforce Opportunities (report)',
    entity: 'deals',
    headers: split('Opportunity Name,Account Name,Stage,Amount,Close Date,Opportunity Owner,Type,Probability (%),Opportunity ID,Account ID'),
    columns: cols({
      'Opportunity Name': 'name',
      'Account Name': 'company',
      Stage: 'stage',
      Amount: 'amount',
      'Close Date': 'closeDate',
      'Opportunity Owner': 'owner',
      Type: 'kind',
      'Opportunity ID': 'externalId',
      'Account ID': 'accountExternalId',
      'Opportunity Currency': 'currency',
    }),
  },
  {
    id: 'hubspot-contacts',
    name: 'HubSpot contacts',
    entity: 'contacts',
    headers: split(
      'Record ID - Contact,First Name,Last Name,Email,Phone Number,Contact owner,Last Activity Date,Create Date,Company Name,Country/Region,Job Title,Mobile Phone Number,State/Region,Street Address,Website URL,Last Engagement Date,Postal Code,Record ID - Company,Company name,City,Industry',
    ),
    columns: cols({
      'Record ID - Contact': 'externalId',
      'Record ID': 'externalId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Mobile Phone Number': 'phone',
      'Contact owner': 'owner',
      'Company Name': 'company',
      'Job Title': 'title',
      'Website URL': 'website',
      'Record ID - Company': 'accountExternalId',
    }),
  },
  {
    id: 'hubspot-companies',
    name: 'HubSpot companies',
    entity: 'accounts',
    headers: split(
      'Record ID,Company name,Company Domain Name,Company owner,Industry,Number of Employees,Annual Revenue,Phone Number,City,Country/Region,Create Date,Last Activity Date',
    ),
    columns: cols({
      'Record ID': 'externalId',
      'Company name': 'name',
      'Company Domain Name': 'domain',
      'Company owner': 'owner',
      Industry: 'industry',
      'Number of Employees': 'employees',
      'Annual Revenue': 'revenue',
      'Website URL': 'website',
    }),
  },
  {
    id: 'pipedrive-people',
    name: 'Pipedrive people',
    entity: 'contacts',
    headers: split(
      'Person - Name,Person - Organization,Person - Email - Work,Person - Email - Home,Person - Email - Other,Person - Phone - Work,Person - Phone - Home,Person - Phone - Mobile,Person - Phone - Other,Person - Labels,Person - Owner,Person - Last activity date',
    ),
    columns: cols({
      'Person - Name': 'fullName',
      'Person - First name': 'firstName',
      'Person - Last name': 'lastName',
      'Person - Organization': 'company',
      'Person - Labels': 'tags',
      'Person - Owner': 'owner',
      'Person - Job title': 'title',
      'Person - ID': 'externalId',
    }),
    patterns: [
      [/^person - email/, 'email'],
      [/^person - phone/, 'phone'],
    ],
  },
  {
    id: 'pipedrive-deals',
    name: 'Pipedrive deals',
    entity: 'deals',
    headers: split(
      'Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Contact person,Deal - Status,Deal - Stage,Deal - Owner,Deal - Expected close date,Deal - Lost reason',
    ),
    columns: cols({
      'Deal - Title': 'name',
      'Deal - Value': 'amount',
      'Deal - Currency': 'currency',
      'Deal - Organization': 'company',
      'Deal - Status': 'stage',
      'Deal - Owner': 'owner',
      'Deal - Expected close date': 'closeDate',
      'Deal - ID': 'externalId',
    }),
  },
  {
    id: 'zoho-contacts',
    name: 'Zoho CRM contacts',
    entity: 'contacts',
    headers: split(
      'Record Id,Contact Owner.id,Contact Owner,Lead Source,First Name,Last Name,Account Name.id,Account Name,Vendor Name.id,Vendor Name,Email,Title,Department,Phone,Mobile,Created By.id,Created By,Modified By.id,Modified By,Created Time,Modified Time,Contact Name,Mailing Street,Mailing City,Mailing State,Mailing Zip,Mailing Country,Email Opt Out,Salutation,Last Activity Time,Unsubscribed Mode,Unsubscribed Time',
    ),
    columns: cols({
      'Record Id': 'externalId',
      'Contact Id': 'externalId',
      'Contact Owner': 'owner',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Account Name.id': 'accountExternalId',
      'Account Name': 'company',
      Email: 'email',
      'Secondary Email': 'email',
      Title: 'title',
      Phone: 'phone',
      Mobile: 'phone',
      'Date of Birth': 'birthday',
      Description: 'notes',
      Tag: 'tags',
    }),
  },
  {
    id: 'zendesk-tickets',
    name: 'Zendesk tickets',
    entity: 'tickets',
    site: 'zendesk',
    headers: split(
      'Id,Requester,Requester id,Requester external id,Requester email,Requester domain,Submitter,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Assigned at,Organization,Due date,Initially assigned at,Solved at,Resolution time,Satisfaction Score',
    ),
    columns: cols({
      Id: 'ref',
      Requester: 'fullName',
      'Requester email': 'email',
      Subject: 'subject',
      Tags: 'tags',
      Status: 'status',
      'Created at': 'occurredAt',
      Organization: 'company',
      Description: 'summary',
    }),
  },
  {
    id: 'freshdesk-tickets',
    name: 'Freshdesk tickets',
    entity: 'tickets',
    site: 'freshdesk',
    headers: split(
      'Ticket ID,Subject,Description,Status,Priority,Type,Created time,Resolved time,Summary,Full name,Title,Email,Mobile phone,Contact ID,Company Name',
    ),
    columns: cols({
      'Ticket ID': 'ref',
      Subject: 'subject',
      Description: 'summary',
      Status: 'status',
      'Created time': 'occurredAt',
      'Full name': 'fullName',
      Title: 'title',
      Email: 'email',
      'Mobile phone': 'phone',
      'Work phone': 'phone',
      'Company Name': 'company',
      Tags: 'tags',
    }),
  },
  {
    id: 'online-retail',
    name: 'Orders / transactions (invoice lines)',
    entity: 'orders',
    defaultCurrency: 'GBP',
    headers: split('Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country'),
    columns: cols({
      Invoice: 'ref',
      InvoiceNo: 'ref',
      Description: 'description',
      Quantity: 'quantity',
      InvoiceDate: 'occurredAt',
      Price: 'unitPrice',
      UnitPrice: 'unitPrice',
      'Customer ID': 'customerId',
      CustomerID: 'customerId',
    }),
  },
  ...CAMPAIGN_PRESET_SOURCES.map(
    (p): PresetDef => ({
      id: p.id,
      name: p.name,
      entity: 'campaigns',
      channel: p.channel,
      headers: p.headers,
      columns: cols(p.columns),
      patterns: p.patterns,
    }),
  ),
  // Outlook and Thunderbird in German, French, Spanish, Italian and Dutch (their column names follow the UI language).
  ...LOCALIZED_PRESETS,
];

/** Column-name synonyms (EN/FR) for files no preset knows. */
const GENERIC: Record<ImportEntity, Record<string, Target>> = {
  contacts: cols({
    email: 'email',
    'e-mail': 'email',
    mail: 'email',
    courriel: 'email',
    'email address': 'email',
    'adresse e-mail': 'email',
    'e-mail address': 'email',
    'e-mail 1 - value': 'email',
    'work email': 'email',
    'business email': 'email',
    'adresse mail': 'email',
    'adresse électronique': 'email',
    'mobile phone': 'phone',
    'business phone': 'phone',
    'primary phone': 'phone',
    'work phone': 'phone',
    'phone number': 'phone',
    'mobile phone number': 'phone',
    'téléphone mobile': 'phone',
    'company name': 'company',
    'organization name': 'company',
    'organization 1 - name': 'company',
    position: 'title',
    'organization title': 'title',
    'first name': 'firstName',
    firstname: 'firstName',
    prénom: 'firstName',
    prenom: 'firstName',
    'given name': 'firstName',
    'last name': 'lastName',
    lastname: 'lastName',
    surname: 'lastName',
    nom: 'lastName',
    'family name': 'lastName',
    name: 'fullName',
    'full name': 'fullName',
    'nom complet': 'fullName',
    phone: 'phone',
    téléphone: 'phone',
    telephone: 'phone',
    mobile: 'phone',
    portable: 'phone',
    company: 'company',
    société: 'company',
    societe: 'company',
    entreprise: 'company',
    organisation: 'company',
    organization: 'company',
    title: 'title',
    'job title': 'title',
    poste: 'title',
    fonction: 'title',
    linkedin: 'linkedinUrl',
    'linkedin url': 'linkedinUrl',
    notes: 'notes',
    note: 'notes',
    commentaire: 'notes',
    tags: 'tags',
    labels: 'tags',
    birthday: 'birthday',
    'date de naissance': 'birthday',
    website: 'website',
    'site web': 'website',
  }),
  accounts: cols({
    company: 'name',
    'company name': 'name',
    name: 'name',
    société: 'name',
    domain: 'domain',
    website: 'website',
    industry: 'industry',
    secteur: 'industry',
    employees: 'employees',
    effectif: 'employees',
    revenue: 'revenue',
    'annual value': 'annualValue',
    owner: 'owner',
    'renewal date': 'renewalDate',
    notes: 'notes',
  }),
  orders: cols({
    invoice: 'ref',
    'order id': 'ref',
    'order number': 'ref',
    facture: 'ref',
    date: 'occurredAt',
    'order date': 'occurredAt',
    amount: 'amount',
    total: 'amount',
    montant: 'amount',
    currency: 'currency',
    devise: 'currency',
    customer: 'customerId',
    'customer id': 'customerId',
    email: 'email',
    company: 'company',
    quantity: 'quantity',
    price: 'unitPrice',
    'unit price': 'unitPrice',
  }),
  tickets: cols({
    id: 'ref',
    'ticket id': 'ref',
    subject: 'subject',
    status: 'status',
    'created at': 'occurredAt',
    email: 'email',
    requester: 'fullName',
    description: 'summary',
  }),
  deals: cols({
    deal: 'name',
    'deal name': 'name',
    amount: 'amount',
    value: 'amount',
    stage: 'stage',
    'close date': 'closeDate',
    company: 'company',
    owner: 'owner',
  }),
  campaigns: cols(GENERIC_CAMPAIGN_COLUMNS),
};

export function genericPreset(entity: ImportEntity): PresetDef {
  return { id: `generic-${entity}`, name: `Generic ${entity} file`, entity, headers: [], columns: GENERIC[entity] };
}

/** A saved user preset as a detection candidate. */
export function fromSaved(p: ImportPreset): PresetDef {
  const entity = (IMPORT_ENTITIES as readonly string[]).includes(p.target) ? (p.target as ImportEntity) : 'contacts';
  return {
    id: p.id,
    name: p.name,
    entity,
    headers: Object.keys(p.mapping),
    custom: true,
    columns: Object.fromEntries(Object.entries(p.mapping).map(([k, v]) => [norm(k), v as Target])),
  };
}

/** Each header column → the field this preset feeds it to; unknown columns are left out (ignored). */
export function resolveMapping(preset: PresetDef, header: string[]): Mapping {
  const out: Mapping = {};
  const allowed = new Set<string>(TARGETS[preset.entity]);
  // Columns the layout does not name (a custom field added to the export) still get the generic synonyms.
  const fallback = preset.columns === GENERIC[preset.entity] ? undefined : GENERIC[preset.entity];
  for (const h of header) {
    const n = norm(h);
    const target = preset.columns[n] ?? preset.patterns?.find(([re]) => re.test(n))?.[1] ?? fallback?.[n];
    if (target && allowed.has(target)) out[h] = target;
  }
  return out;
}

export interface Detection {
  preset: PresetDef;
  /** 0..1: how closely the header matches the preset's (Dice coefficient over column names). */
  confidence: number;
  mapping: Mapping;
}

function dice(a: string[], b: Set<string>): number {
  const set = new Set(a.map(norm));
  let m = 0;
  for (const x of set) if (b.has(x)) m++;
  return set.size + b.size === 0 ? 0 : (2 * m) / (set.size + b.size);
}

/** The preset whose expected header best matches this one, or a generic mapping when none fits. */
export function detectPreset(header: string[], saved: ImportPreset[] = []): Detection {
  const hdr = new Set(header.map(norm).filter(Boolean));
  let best: { preset: PresetDef; score: number } | null = null;
  for (const preset of [...saved.map(fromSaved), ...PRESETS]) {
    const score = dice(preset.headers, hdr);
    if (!best || score > best.score) best = { preset, score };
  }
  // No close layout: the generic entity whose synonyms cover the most columns.
  let generic: Detection | null = null;
  for (const entity of IMPORT_ENTITIES) {
    const preset = genericPreset(entity);
    const mapping = resolveMapping(preset, header);
    const n = Object.keys(mapping).length;
    if (!generic || n > Object.keys(generic.mapping).length) {
      generic = { preset, confidence: round(hdr.size ? n / hdr.size : 0), mapping };
    }
  }
  if (best && best.score >= 0.4) {
    const mapping = resolveMapping(best.preset, header);
    // A loose match that understands fewer columns than the generic synonyms is not the file's layout.
    if (best.score >= 0.6 || Object.keys(mapping).length >= Object.keys(generic!.mapping).length) {
      return { preset: best.preset, confidence: round(best.score), mapping };
    }
  }
  // A file cut down to a few of a known layout's columns (an Outlook export keeping five of its ninety) shares too
  // little of the header to match by layout; the preset that understands strictly more of its columns than the
  // generic synonyms still reads it best.
  let widest: Detection | null = null;
  for (const preset of [...saved.map(fromSaved), ...PRESETS]) {
    const mapping = resolveMapping(preset, header);
    const n = Object.keys(mapping).length;
    if (n > Object.keys(widest?.mapping ?? generic!.mapping).length) {
      widest = { preset, confidence: round(hdr.size ? n / hdr.size : 0), mapping };
    }
  }
  return widest ?? generic!;
}

/** True when a row is a header some preset (or the generic synonyms) recognises: for preamble skipping. */
export function isKnownHeader(cells: string[]): boolean {
  const hdr = new Set(cells.map(norm).filter(Boolean));
  if (hdr.size < 2) return false;
  if (PRESETS.some((p) => dice(p.headers, hdr) >= 0.4)) return true;
  return IMPORT_ENTITIES.some((e) => Object.keys(resolveMapping(genericPreset(e), cells)).length >= 2);
}

const round = (x: number) => Math.round(x * 100) / 100;

export function presetById(id: string, saved: ImportPreset[] = []): PresetDef | undefined {
  return PRESETS.find((p) => p.id === id) ?? saved.map(fromSaved).find((p) => p.id === id) ?? IMPORT_ENTITIES.map(genericPreset).find((p) => p.id === id);
}
