import type { Repositories, Store } from "@kith/core";
import type { Kysely } from "kysely";
import {
  KyselyAccountRepository,
  KyselyApiTokenRepository,
  KyselyMembershipRepository,
  KyselyUserDirectory,
} from "./repositories/account-repositories.ts";
import { KyselyAnalyticsRepository } from "./repositories/analytics-repository.ts";
import { KyselyArticleRepository } from "./repositories/article-repository.ts";
import { KyselyAskRepository } from "./repositories/ask-repository.ts";
import { KyselyCalendarSyncRepository } from "./repositories/calendar-sync-repository.ts";
import { KyselyCampaignRepository } from "./repositories/campaign-repository.ts";
import { KyselyCompanyRepository } from "./repositories/company-repository.ts";
import { KyselyContactPhotoRepository } from "./repositories/contact-photo-repository.ts";
import { KyselyContactRepository } from "./repositories/contact-repository.ts";
import { KyselyCalendarFeedRepository } from "./repositories/delivery-calendar-feeds.ts";
import { KyselyDeliveryRepository } from "./repositories/delivery-repository.ts";
import { KyselyDigestReplyRepository } from "./repositories/digest-reply-repository.ts";
import { KyselyDueStateRepository } from "./repositories/due-state-repository.ts";
import { KyselyDuplicateRepository } from "./repositories/duplicate-repository.ts";
import { KyselyFollowUpRepository } from "./repositories/follow-up-repository.ts";
import { ImportJobLedger } from "./repositories/import-job-ledger.ts";
import { KyselyImportRepository } from "./repositories/import-repository.ts";
import { KyselyInteractionRepository } from "./repositories/interaction-repository.ts";
import { KyselyInvitationRepository } from "./repositories/invitation-repository.ts";
import { KyselyMailboxRepository } from "./repositories/mailbox-repository.ts";
import { KyselyMemberSmtpRepository } from "./repositories/member-smtp-repository.ts";
import { KyselyMessageSendRepository } from "./repositories/member-smtp-sends.ts";
import { KyselyDraftFactsReader } from "./repositories/message-template-facts.ts";
import { KyselyMessageTemplateRepository } from "./repositories/message-template-repository.ts";
import { KyselyOpportunityCommentRepository } from "./repositories/opportunity-comment-repository.ts";
import { KyselyJobExpenseRepository } from "./repositories/opportunity-expense-repository.ts";
import { KyselyInterviewPrepRepository } from "./repositories/opportunity-prep-repository.ts";
import { KyselyOpportunityRepository } from "./repositories/opportunity-repository.ts";
import { KyselyProgressRepository } from "./repositories/progress-repository.ts";
import { KyselyNetworkGraph, KyselyRelationshipRepository } from "./repositories/relationship-repository.ts";
import { RestoreJobLedger } from "./repositories/restore-job-ledger.ts";
import { KyselyShareRepository } from "./repositories/share-repository.ts";
import { KyselyWebhookRepository } from "./repositories/webhook-repository.ts";
import type { Database, Dialect } from "./schema.ts";

function repositoriesOn(db: Kysely<Database>, dialect: Dialect): Repositories {
  const contacts = new KyselyContactRepository(db, dialect);
  return {
    accounts: new KyselyAccountRepository(db),
    memberships: new KyselyMembershipRepository(db),
    users: new KyselyUserDirectory(db),
    apiTokens: new KyselyApiTokenRepository(db),
    invitations: new KyselyInvitationRepository(db),
    shares: new KyselyShareRepository(db),
    opportunityComments: new KyselyOpportunityCommentRepository(db),
    contacts,
    photos: new KyselyContactPhotoRepository(db),
    dueState: new KyselyDueStateRepository(db, dialect),
    companies: new KyselyCompanyRepository(db, contacts),
    interactions: new KyselyInteractionRepository(db, dialect),
    followUps: new KyselyFollowUpRepository(db),
    deliveries: new KyselyDeliveryRepository(db),
    digestReplies: new KyselyDigestReplyRepository(db),
    webhooks: new KyselyWebhookRepository(db),
    calendarFeeds: new KyselyCalendarFeedRepository(db),
    calendars: new KyselyCalendarSyncRepository(db),
    imports: new KyselyImportRepository(db, dialect),
    importJobs: new ImportJobLedger(db, dialect),
    restoreJobs: new RestoreJobLedger(db, dialect),
    duplicates: new KyselyDuplicateRepository(db),
    articles: new KyselyArticleRepository(db),
    messageTemplates: new KyselyMessageTemplateRepository(db),
    draftFacts: new KyselyDraftFactsReader(db, dialect),
    campaigns: new KyselyCampaignRepository(db),
    memberSmtp: new KyselyMemberSmtpRepository(db),
    messageSends: new KyselyMessageSendRepository(db),
    analytics: new KyselyAnalyticsRepository(db),
    progress: new KyselyProgressRepository(db),
    relationships: new KyselyRelationshipRepository(db),
    network: new KyselyNetworkGraph(db, dialect),
    asks: new KyselyAskRepository(db),
    mailbox: new KyselyMailboxRepository(db),
    opportunities: new KyselyOpportunityRepository(db, dialect),
    interviewPrep: new KyselyInterviewPrepRepository(db),
    jobExpenses: new KyselyJobExpenseRepository(db),
  };
}

/** The store the services see: repositories on the pool, and a unit of work that binds them to one transaction. */
export function createStore(db: Kysely<Database>, dialect: Dialect): Store {
  return {
    ...repositoriesOn(db, dialect),
    transaction: (fn) => db.transaction().execute((trx) => fn(repositoriesOn(trx, dialect))),
  };
}
