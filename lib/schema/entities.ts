import type * as z from 'zod/mini';
import { Account, AccountInput } from './account';
import { Contact, ContactInput } from './contact';
import { Interaction, InteractionInput } from './interaction';
import { Order, OrderInput } from './order';
import { Deal, DealInput } from './deal';
import { Task, TaskInput } from './task';
import { SurveyResponse, SurveyResponseInput } from './survey';
import { Segment, SegmentInput } from './segment';
import { ActionFeedback, ActionFeedbackInput } from './feedback';
import { Template, TemplateInput, TemplateUse, TemplateUseInput } from './template';
import { CampaignStat, CampaignStatInput } from './campaign-stat';
import { AgencyPlan, AgencyPlanInput } from './agency-plan';
import { ReportNote, ReportNoteInput } from './report-note';
import { LoyaltyProgramme, LoyaltyProgrammeInput, Referral, ReferralInput } from './loyalty';
import { WorkflowRun, WorkflowRunInput } from './workflow';
import { Sequence, SequenceInput, Enrolment, EnrolmentInput } from './sequence';

/** The synced entities, by table name: the one registry the db, sync, import and server share. */
export const ENTITIES = {
  accounts: { record: Account, input: AccountInput },
  contacts: { record: Contact, input: ContactInput },
  interactions: { record: Interaction, input: InteractionInput },
  orders: { record: Order, input: OrderInput },
  deals: { record: Deal, input: DealInput },
  tasks: { record: Task, input: TaskInput },
  surveys: { record: SurveyResponse, input: SurveyResponseInput },
  segments: { record: Segment, input: SegmentInput },
  feedback: { record: ActionFeedback, input: ActionFeedbackInput },
  templates: { record: Template, input: TemplateInput },
  templateUses: { record: TemplateUse, input: TemplateUseInput },
  campaignStats: { record: CampaignStat, input: CampaignStatInput },
  agencyPlans: { record: AgencyPlan, input: AgencyPlanInput },
  reportNotes: { record: ReportNote, input: ReportNoteInput },
  loyaltyProgrammes: { record: LoyaltyProgramme, input: LoyaltyProgrammeInput },
  referrals: { record: Referral, input: ReferralInput },
  workflowRuns: { record: WorkflowRun, input: WorkflowRunInput },
  sequences: { record: Sequence, input: SequenceInput },
  enrolments: { record: Enrolment, input: EnrolmentInput },
} as const;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
export type EntityRecord<N extends EntityName> = z.infer<(typeof ENTITIES)[N]['record']>;
export type EntityInput<N extends EntityName> = z.input<(typeof ENTITIES)[N]['input']>;
