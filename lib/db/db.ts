import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Account,
  Contact,
  Interaction,
  Order,
  Deal,
  Task,
  SurveyResponse,
  Segment,
  ActionFeedback,
  Template,
  TemplateUse,
  CampaignStat,
  AgencyPlan,
  ReportNote,
  LoyaltyProgramme,
  Referral,
  WorkflowRun,
  Sequence,
  Enrolment,
  Score,
  OutboxEntry,
  MetaEntry,
  AuditEntry,
  Suppression,
  ImportPreset,
} from '../schema';
import { accountSearchTokens, contactSearchTokens, nameSortKey } from './search-tokens';
import { installFieldCrypto } from '../crypto/install';

export type StoredContact = Contact & { searchTokens: string[] };
/** sortName: on live accounts only (see toStored). */
export type StoredAccount = Account & { searchTokens: string[]; sortName?: string };

export type { OutboxEntry, MetaEntry, AuditEntry, Suppression, ImportPreset };

export const DB_NAME = 'carnet';

/**
 * Schema versions, in order. A shipped version is never edited: add the next one with its upgrade().
 * v1: the entities and their indexes. v2: folded search tokens on contacts and accounts for prefix search.
 * v3: accounts' sortName (folded, numeric-aware name on live accounts only): the portfolio pages through it.
 * v4: message templates and the record of each template use (lib/engage); new tables only.
 * v6: agency accounts (issue #14): campaign figures per account and period, targets and budget per account, report
 * notes. New tables only, nothing to upgrade. Version 5 was never shipped (the lifecycle tables were numbered 5 on their branch and landed as 7).
 * v7: the loyalty programme, referrals, the lifecycle workflows' ledger, sequences and enrolments; new tables only.
 * v8: indexes for the portfolio's other sorts and filters (#16): accounts by [currency+annualValue], scores by
 * segment. Index-only: IndexedDB builds them from the stored rows, nothing to upgrade.
 */
export const SCHEMA_V1 = {
  accounts: 'id, *domains, name, owner, lifecycleStage, renewalDate, updatedAt',
  contacts: 'id, accountId, *emails, linkedinUrl, updatedAt',
  interactions: 'id, [accountId+occurredAt], *contactIds, [source.site+source.ref], occurredAt, updatedAt',
  orders: 'id, [accountId+occurredAt], contactId, updatedAt',
  deals: 'id, accountId, closeDate, updatedAt',
  tasks: 'id, accountId, contactId, dueAt, status, updatedAt',
  surveys: 'id, [accountId+respondedAt], contactId, updatedAt',
  segments: 'id, updatedAt',
  feedback: 'id, accountId, actionType, updatedAt',
  scores: 'accountId, churnProbability, clv',
  outbox: '++seq, recordId',
  meta: 'key',
};

export const SCHEMA_V2 = {
  accounts: 'id, *domains, name, owner, lifecycleStage, renewalDate, updatedAt, *searchTokens',
  contacts: 'id, accountId, *emails, linkedinUrl, updatedAt, *searchTokens',
  audit: 'id, [entity+recordId], at',
  suppressions: 'hash',
  importPresets: 'id, name',
};

export const SCHEMA_V3 = {
  accounts: 'id, *domains, name, owner, lifecycleStage, renewalDate, updatedAt, *searchTokens, sortName',
};

export const SCHEMA_V4 = {
  templates: 'id, category, updatedAt',
  // [templateId+testId+variantId] counts a running test's uses per variant from the index alone (the A/B balance,
  // on every insert); uses outside a test (testId null) are not in it.
  templateUses: 'id, [templateId+usedAt], [templateId+testId+variantId], contactId, usedAt, updatedAt',
};

export const SCHEMA_V6 = {
  campaignStats: 'id, [accountId+date], date, updatedAt',
  agencyPlans: 'id, accountId, updatedAt',
  reportNotes: 'id, [accountId+periodStart], updatedAt',
};

export const SCHEMA_V7 = {
  loyaltyProgrammes: 'id, updatedAt',
  referrals: 'id, referrerAccountId, referrerContactId, referredAccountId, updatedAt',
  workflowRuns: 'id, accountId, contactId, updatedAt',
  sequences: 'id, updatedAt',
  enrolments: 'id, sequenceId, contactId, accountId, status, updatedAt',
};

export const SCHEMA_V8 = {
  accounts: `${SCHEMA_V3.accounts}, [currency+annualValue]`,
  scores: 'accountId, churnProbability, clv, *segments',
};

export class CarnetDB extends Dexie {
  accounts!: EntityTable<StoredAccount, 'id'>;
  contacts!: EntityTable<StoredContact, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  orders!: EntityTable<Order, 'id'>;
  deals!: EntityTable<Deal, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  surveys!: EntityTable<SurveyResponse, 'id'>;
  segments!: EntityTable<Segment, 'id'>;
  feedback!: EntityTable<ActionFeedback, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  templateUses!: EntityTable<TemplateUse, 'id'>;
  campaignStats!: EntityTable<CampaignStat, 'id'>;
  agencyPlans!: EntityTable<AgencyPlan, 'id'>;
  reportNotes!: EntityTable<ReportNote, 'id'>;
  loyaltyProgrammes!: EntityTable<LoyaltyProgramme, 'id'>;
  referrals!: EntityTable<Referral, 'id'>;
  workflowRuns!: EntityTable<WorkflowRun, 'id'>;
  sequences!: EntityTable<Sequence, 'id'>;
  enrolments!: EntityTable<Enrolment, 'id'>;
  scores!: EntityTable<Score, 'accountId'>;
  outbox!: Table<OutboxEntry, number>;
  meta!: EntityTable<MetaEntry, 'key'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  suppressions!: EntityTable<Suppression, 'hash'>;
  importPresets!: EntityTable<ImportPreset, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('contacts')
          .toCollection()
          .modify((c: StoredContact) => {
            c.searchTokens = contactSearchTokens(c);
          });
        await tx
          .table('accounts')
          .toCollection()
          .modify((a: StoredAccount) => {
            a.searchTokens = accountSearchTokens(a);
          });
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        await tx
          .table('accounts')
          .toCollection()
          .modify((a: StoredAccount) => {
            if (a.deletedAt) delete a.sortName;
            else a.sortName = nameSortKey(a.name);
          });
      });
    this.version(4).stores(SCHEMA_V4);
    this.version(6).stores(SCHEMA_V6);
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8);
    // Optional at-rest encryption of notes, summaries and phones (lib/crypto): a storage layer under every table.
    installFieldCrypto(this);
  }
}

let instance: CarnetDB | null = null;

/** The single database of the extension origin (panel and service worker share it). */
export function getDb(): CarnetDB {
  instance ??= new CarnetDB();
  return instance;
}

/** Tests: use a fresh database. */
export function setDb(db: CarnetDB | null): void {
  instance = db;
}
