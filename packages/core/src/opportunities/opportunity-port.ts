import type { FollowUp } from "../follow-ups/schemas.ts";
import type { Page, PageQuery } from "../shared/pagination.ts";
import type {
  Interview,
  InterviewPrep,
  InterviewQuestion,
  JobExpense,
  Opportunity,
  OpportunityContact,
  OpportunityListQuery,
  OpportunityRole,
  OpportunityStage,
  StageChange,
  TargetCompany,
} from "./schemas.ts";

/** An opportunity as stored (the company's name and the next interview are read with it: `Opportunity`). */
export interface OpportunityRecord {
  id: string;
  companyId: string | null;
  title: string;
  link: string | null;
  source: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  location: string | null;
  remote: boolean;
  notes: string;
  stage: OpportunityStage;
  stageOn: string;
  createdAt: string;
  updatedAt: string;
}

/** A page of opportunities; `total` counts every match on the first page (no cursor), null on later ones. */
export type OpportunityPage = Page<Opportunity> & { total: number | null };

/** A contact on an opportunity with what the stage rules read: the last touch with them. */
export interface OpportunityContactFact extends OpportunityContact {
  lastTouchAt: string | null;
}

/** A follow-up of an opportunity with the template slot a stage rule gave it (null: written by hand). */
export interface OpportunityFollowUp {
  followUp: FollowUp;
  draftSlot: string | null;
}

/** A person who works at a company, with the last touch with them. */
export interface CompanyPerson {
  contactId: string;
  displayName: string;
  title: string | null;
  lastTouchAt: string | null;
}

/** Opportunities, their stage history, contacts and interviews, per account. */
export interface OpportunityRepository {
  insert(accountId: string, opportunity: OpportunityRecord): Promise<void>;
  update(accountId: string, opportunity: OpportunityRecord): Promise<void>;
  /** The opportunity held for a writer (`FOR UPDATE` on PostgreSQL) so two stage changes run one after the other. */
  lock(accountId: string, id: string): Promise<OpportunityRecord | null>;
  find(accountId: string, id: string): Promise<Opportunity | null>;
  /** Latest stage change first; keyset on (stageOn, id) descending. */
  list(accountId: string, query: OpportunityListQuery, page: PageQuery): Promise<OpportunityPage>;
  /** Every opportunity of the account as stored, oldest first (backups). */
  all(accountId: string): Promise<OpportunityRecord[]>;
  /** Deletes it with its history, contacts, interviews and prep; its follow-ups stay, unlinked. */
  delete(accountId: string, id: string): Promise<boolean>;
  /** The account's company of that name (case-insensitive), or null. */
  companyByName(accountId: string, name: string): Promise<{ id: string } | null>;
  addStageChange(accountId: string, opportunityId: string, change: StageChange): Promise<void>;
  stageHistory(accountId: string, opportunityId: string): Promise<StageChange[]>;
  /** Adds the contact with its role, or changes the role of one already on it. */
  setContact(
    accountId: string,
    opportunityId: string,
    contactId: string,
    role: OpportunityRole,
    addedAt: string,
  ): Promise<void>;
  removeContact(accountId: string, opportunityId: string, contactId: string): Promise<boolean>;
  contacts(accountId: string, opportunityId: string): Promise<OpportunityContactFact[]>;
  insertInterview(accountId: string, interview: Interview, createdAt: string): Promise<void>;
  updateInterview(accountId: string, interview: Interview): Promise<void>;
  findInterview(accountId: string, opportunityId: string, id: string): Promise<Interview | null>;
  deleteInterview(accountId: string, opportunityId: string, id: string): Promise<boolean>;
  interviews(accountId: string, opportunityId: string): Promise<Interview[]>;
  followUps(accountId: string, opportunityId: string): Promise<OpportunityFollowUp[]>;
  /** Ids of the account's opportunities in the interviewing stage that have any of these contacts on them. */
  interviewingWith(accountId: string, contactIds: readonly string[]): Promise<string[]>;
  /** By follow-up id: the opportunity each of these follow-ups is about (those about none are left out). */
  ofFollowUps(
    accountId: string,
    followUpIds: readonly string[],
  ): Promise<Map<string, { id: string; title: string; companyName: string | null }>>;
  /** Whether the account has this opportunity (a follow-up's or an expense's link is checked with it). */
  exists(accountId: string, id: string): Promise<boolean>;
  /** The people who work at a company, by name, with their last touch. */
  companyPeople(accountId: string, companyId: string): Promise<CompanyPerson[]>;
  /** Target companies with the people there (first 10), open opportunities and the last touch with anyone there. */
  targets(accountId: string): Promise<TargetCompany[]>;
}

/** Interview prep (one per opportunity) and the account's question bank. */
export interface InterviewPrepRepository {
  getPrep(accountId: string, opportunityId: string): Promise<InterviewPrep | null>;
  putPrep(accountId: string, opportunityId: string, prep: InterviewPrep & { updatedAt: string }): Promise<void>;
  listQuestions(accountId: string): Promise<InterviewQuestion[]>;
  findQuestion(accountId: string, id: string): Promise<InterviewQuestion | null>;
  insertQuestion(accountId: string, question: InterviewQuestion): Promise<void>;
  updateQuestion(accountId: string, question: InterviewQuestion): Promise<void>;
  deleteQuestion(accountId: string, id: string): Promise<boolean>;
}

/** The job-search expense log. */
export interface JobExpenseRepository {
  /** Expenses spent between the two dates (inclusive), by date. */
  list(accountId: string, fromOn: string, toOn: string): Promise<JobExpense[]>;
  find(accountId: string, id: string): Promise<JobExpense | null>;
  insert(accountId: string, expense: JobExpense): Promise<void>;
  update(accountId: string, expense: JobExpense): Promise<void>;
  delete(accountId: string, id: string): Promise<boolean>;
}
