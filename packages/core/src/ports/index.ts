import type {
  AccountRepository,
  ApiTokenRepository,
  InvitationRepository,
  MembershipRepository,
  UserDirectory,
} from "../accounts/account-ports.ts";
import type { AnalyticsRepository } from "../analytics/analytics-port.ts";
import type { ArticleRepository } from "../articles/article-port.ts";
import type { AskRepository } from "../asks/ask-port.ts";
import type { CalendarFeedRepository } from "../calendar/calendar-port.ts";
import type { CalendarSyncRepository } from "../calendar-sync/calendar-sync-port.ts";
import type { CampaignRepository } from "../campaigns/campaign-port.ts";
import type { CompanyRepository } from "../companies/company-port.ts";
import type { ContactPhotoRepository } from "../contacts/contact-photo-port.ts";
import type { ContactRepository } from "../contacts/contact-port.ts";
import type { DeliveryRepository, DigestReplyRepository } from "../delivery/delivery-ports.ts";
import type { WebhookRepository } from "../delivery/webhooks/webhook-ports.ts";
import type { DueStateRepository } from "../due-state/due-state-port.ts";
import type { DuplicateRepository } from "../duplicates/duplicate-port.ts";
import type { RestoreJobRepository } from "../exports/restore-job-port.ts";
import type { FollowUpRepository } from "../follow-ups/follow-up-port.ts";
import type { ImportRepository } from "../imports/import-port.ts";
import type { ImportJobRepository } from "../imports/job/import-job-port.ts";
import type { InteractionRepository } from "../interactions/interaction-port.ts";
import type { MailboxRepository } from "../mailbox/mailbox-port.ts";
import type { DraftFactsReader, MessageTemplateRepository } from "../messages/message-template-port.ts";
import type { MemberSmtpRepository, MessageSendRepository } from "../messages/send/send-ports.ts";
import type { NetworkGraph, RelationshipRepository } from "../network/relationship-port.ts";
import type { OpportunityCommentRepository } from "../opportunities/comment-port.ts";
import type {
  InterviewPrepRepository,
  JobExpenseRepository,
  OpportunityRepository,
} from "../opportunities/opportunity-port.ts";
import type { ProgressRepository } from "../progress/progress-port.ts";
import type { Clock, IdSource, Secrets } from "../shared/system-ports.ts";
import type { ShareRepository } from "../shares/share-port.ts";

/**
 * What a service is given: the repositories (each port lives beside its feature, implemented by the store package on
 * Kysely) composed into one store with a unit of work, and the system ports. Every repository method takes the
 * accountId: scoping lives in the ports, not in the callers' goodwill.
 *
 * This module only composes: it imports the feature ports and nothing imports it back but services, so no feature
 * port may import from here (the cycle check in `scripts/check-house.mjs` fails on one).
 */

// Re-exported so `@kith/core` keeps exporting every port's name from one place.
export type {
  AccountRepository,
  ApiTokenRecord,
  ApiTokenRepository,
  InvitationRecord,
  InvitationRepository,
  MembershipRepository,
  UserDirectory,
  UserSession,
} from "../accounts/account-ports.ts";
export type { CampaignRecord, CampaignRepository, ClaimedRecipient } from "../campaigns/campaign-port.ts";
export type { CompanyRepository } from "../companies/company-port.ts";
export type { ContactPhoto, ContactPhotoRepository } from "../contacts/contact-photo-port.ts";
export type { ContactRepository } from "../contacts/contact-port.ts";
export type { AutoMoveOn, DerivedState, DueBucket, DueStateRepository } from "../due-state/due-state-port.ts";
export type { FollowUpRepository } from "../follow-ups/follow-up-port.ts";
export type { InteractionRepository } from "../interactions/interaction-port.ts";
export type {
  DraftFacts,
  DraftFactsReader,
  MessageTemplateRepository,
  StoredTemplate,
} from "../messages/message-template-port.ts";
export type { Clock, IdSource, Secrets } from "../shared/system-ports.ts";

export interface Repositories {
  accounts: AccountRepository;
  memberships: MembershipRepository;
  users: UserDirectory;
  apiTokens: ApiTokenRepository;
  invitations: InvitationRepository;
  shares: ShareRepository;
  opportunityComments: OpportunityCommentRepository;
  contacts: ContactRepository;
  photos: ContactPhotoRepository;
  dueState: DueStateRepository;
  companies: CompanyRepository;
  interactions: InteractionRepository;
  followUps: FollowUpRepository;
  deliveries: DeliveryRepository;
  digestReplies: DigestReplyRepository;
  webhooks: WebhookRepository;
  calendarFeeds: CalendarFeedRepository;
  calendars: CalendarSyncRepository;
  imports: ImportRepository;
  importJobs: ImportJobRepository;
  duplicates: DuplicateRepository;
  articles: ArticleRepository;
  messageTemplates: MessageTemplateRepository;
  draftFacts: DraftFactsReader;
  memberSmtp: MemberSmtpRepository;
  messageSends: MessageSendRepository;
  restoreJobs: RestoreJobRepository;
  campaigns: CampaignRepository;
  analytics: AnalyticsRepository;
  progress: ProgressRepository;
  relationships: RelationshipRepository;
  network: NetworkGraph;
  asks: AskRepository;
  mailbox: MailboxRepository;
  opportunities: OpportunityRepository;
  interviewPrep: InterviewPrepRepository;
  jobExpenses: JobExpenseRepository;
}

/** A unit of work: everything inside `fn` commits together or not at all. */
export interface Store extends Repositories {
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
}

export interface Deps {
  store: Store;
  clock: Clock;
  ids: IdSource;
  secrets: Secrets;
}
