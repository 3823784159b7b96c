import type { Generated } from "kysely";

/**
 * Table shapes as Kysely sees them. One schema for both dialects: instants are ISO-8601 UTC text, dates
 * "YYYY-MM-DD" text, booleans 0/1 integers and lists JSON text, so SQLite and PostgreSQL store the same
 * values and sort them the same way.
 */
export interface AccountTable {
  id: string;
  name: string;
  time_zone: string;
  country: string | null;
  settings: string;
  created_at: string;
  /** The habit's past weeks as counted (JSON); cleared by triggers when history before the week changes. */
  habit_weeks: string | null;
  habit_weeks_from_at: string | null;
}

export interface MembershipTable {
  account_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** An invitation to join an account; see migration 0017. */
export interface InvitationTable {
  id: string;
  account_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
  /** A coach's scope as JSON (`AccessScope`), null for any other role. */
  scope: string | null;
}

export interface MemberScopeTable {
  account_id: string;
  user_id: string;
  /** JSON array of tags (as stored on contacts, lower case). */
  tags: string;
  job_search: number;
  updated_at: string;
}

export interface MemberAccessDayTable {
  account_id: string;
  user_id: string;
  day_on: string;
  reads: number;
  first_at: string;
  last_at: string;
}

export interface OpportunityCommentTable {
  id: string;
  account_id: string;
  opportunity_id: string;
  author_id: string | null;
  author_name: string;
  body: string;
  created_at: string;
}

export interface CompanyTable {
  id: string;
  account_id: string;
  name: string;
  domain: string | null;
  target: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface ContactTable {
  id: string;
  account_id: string;
  first_name: string;
  last_name: string;
  display_name: string;
  /** Lower-cased, accent-free display name: the list's sort key. */
  sort_name: string;
  emails: string;
  phones: string;
  links: string;
  company_id: string | null;
  title: string;
  tags: string;
  interests: string;
  how_we_met: string;
  notes: string;
  birthday_month: number | null;
  birthday_day: number | null;
  birthday_year: number | null;
  circle: string;
  time_zone: string | null;
  last_touch_at: string | null;
  touch_count: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** Normalized words of name, emails, company, title, tags and interests: what the search index covers. */
  search_text: string;
  last_reply_at: string | null;
  /** JSON array of instants: meaningful outbound messages still waiting for a reply. */
  unanswered_attempt_ats: string;
  /** JSON array of instants: every meaningful outbound message not yet answered (awaiting a reply or not). */
  unanswered_outbound_ats: string;
  /** Touches that went both ways: what connection progress counts. */
  exchange_count: number;
  next_due_on: string | null;
  recompute_on: string | null;
  /** JSON of the engine's DueItem, as computed on the day it was stored. */
  due_item: string | null;
  /** The item's today-list priority on the day it was stored; null when not due. */
  due_priority: number | null;
  muted: number;
  cadence_ideal_days: number | null;
  cadence_max_days: number | null;
  snoozed_until_on: string | null;
  moved_on_at: string | null;
  move_on_note: string | null;
  circle_before_move_on: string | null;
  /** JSON list of anniversaries and custom dates (migration 0014). */
  dates: string;
  /** When the photo in `contact_photo` was set; null: none. Written only with the photo. */
  photo_updated_at: string | null;
  /** 0/1: Kith made the move-on itself. */
  moved_on_automatically: number;
  move_on_undone_at: string | null;
  /** An import's spread: while never touched, the cadence falls due no earlier than this date. */
  cadence_from_on: string | null;
}

export interface ContactPhotoTable {
  account_id: string;
  contact_id: string;
  content_type: string;
  bytes: Uint8Array;
  byte_size: number;
  updated_at: string;
}

export interface ContactTagTable {
  account_id: string;
  contact_id: string;
  /** Trimmed and lower-cased. */
  tag: string;
}

export interface InteractionTable {
  id: string;
  account_id: string;
  kind: string;
  direction: string;
  occurred_at: string;
  summary: string;
  meaningful: number;
  /** 0/1: an outbound message that waits for a reply (opens an outreach). */
  awaits_reply: number;
  source: string;
  created_at: string;
  updated_at: string;
  /** The template a message sent from a draft started from, and its name then (migration 0037); else null. */
  template_id: string | null;
  template_name: string | null;
}

/** One row per (interaction, contact), with the fields the touch index needs copied in. */
export interface InteractionContactTable {
  account_id: string;
  interaction_id: string;
  contact_id: string;
  occurred_at: string;
  direction: string;
  meaningful: number;
  awaits_reply: number;
}

export interface FollowUpTable {
  id: string;
  account_id: string;
  contact_id: string;
  due_on: string;
  title: string;
  notes: string;
  status: string;
  snoozed_until_on: string | null;
  completed_at: string | null;
  interaction_id: string | null;
  opportunity_id: string | null;
  ask_id: string | null;
  /** Which of an ask's follow-ups this is (nudge, thank, how-it-went); migration 0025. */
  ask_step: string | null;
  created_at: string;
  updated_at: string;
  /** The template slot of a follow-up a stage rule created (migration 0027); null otherwise. */
  draft_slot: Generated<string | null>;
}

export interface RateLimitTable {
  key: string;
  count: number;
  reset_at: string;
}

/**
 * SQLite only: maps a contact to its row in the FTS5 index `contact_search_fts` (FTS5 rowids are stable; a text id
 * is not a rowid). The name is from before 0039, when the index was `contact_fts`; the rowids carried over.
 */
export interface ContactFtsMapTable {
  contact_id: string;
  fts_rowid: Generated<number>;
}

/** SQLite only (0039): each account's number, the first nine digits of its contacts' index terms. */
export interface ContactSearchAccountTable {
  code: Generated<number>;
  account_id: string;
}

/** better-auth's user table, read for membership listings. better-auth owns its writes. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  /** 0/1 on SQLite, boolean on PostgreSQL. */
  emailVerified: number | boolean;
}

/** better-auth's session table: listed and ended by their user from Settings. better-auth creates and renews them. */
export interface SessionTable {
  id: string;
  token: string;
  userId: string;
  /** A Date on PostgreSQL; text or a number on SQLite, as the auth library wrote it. */
  expiresAt: Date | string | number;
  createdAt: Date | string | number;
  updatedAt: Date | string | number;
  ipAddress: string | null;
  userAgent: string | null;
}

/** The delivery ledger: one row per (account, kind, period); see migration 0006. */
export interface DeliveryTable {
  account_id: string;
  kind: string;
  period: string;
  status: string;
  attempts: number;
  lease_owner: string | null;
  lease_until_at: string | null;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A webhook of an account; see migration 0008. */
export interface WebhookTable {
  id: string;
  account_id: string;
  url: string;
  format: string;
  secret: string;
  created_at: string;
}

/** The numbered items a sent digest showed (JSON); see migration 0009. */
export interface DigestRecordTable {
  account_id: string;
  kind: string;
  period: string;
  items: string;
  created_at: string;
}

/** The answer written for one reply to a digest (the outgoing mail, JSON); see migration 0009. */
export interface ReplyAnswerTable {
  account_id: string;
  reply_key: string;
  mail: string;
  created_at: string;
}

export interface CalendarFeedTable {
  account_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
}

export interface NotifySettingTable {
  account_id: string;
  digest: string;
  hour: number;
  updated_at: string;
}

/** One committed import with every row's outcome (JSON); see migration 0005. */
export interface ImportJobTable {
  id: string;
  account_id: string;
  format: string;
  file_name: string;
  status: string;
  /** -1 until the job has read its file to the end; the characters read of the text; where to read on (0012). */
  total_rows: number;
  processed_rows: number;
  processed_chars: number;
  total_chars: number;
  read_from: string | null;
  /** The person's choices from the preview, JSON `[{ line, action }]`; null for jobs queued before 0013. */
  row_overrides: string | null;
  created_count: number;
  merged_count: number;
  skipped_count: number;
  failed_count: number;
  /** Outcomes of imports from before jobs ran in chunks; "[]" for the others (see import_job_chunk). */
  row_outcomes: string;
  error: string | null;
  /** What the rows' names made, recorded once when every row is in (JSON; migration 0031). */
  link_report: string | null;
  mapping: string | null;
  created_by: string | null;
  lease_owner: string | null;
  lease_until_at: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** The file of an import job that has not ended yet. */
export interface ImportJobFileTable {
  job_id: string;
  account_id: string;
  content: string;
}

/** A restore of a backup into an account, run as a leased job (0024). */
export interface RestoreJobTable {
  id: string;
  account_id: string;
  status: string;
  /** The checked backup without its rows (JSON); null while uploading and until its job has checked it (0041). */
  frame: string | null;
  /** The account's name, time zone, country and settings before the restore (JSON), set by its first step. */
  before: string | null;
  step: string;
  step_index: number;
  error: string | null;
  /** A backup that failed its check: the problem's field issues (JSON `[{ path, message }]`, 0041); else null. */
  issues: string | null;
  created_by: string;
  lease_owner: string | null;
  lease_until_at: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** A piece of a restore job's upload, in order. */
export interface RestoreJobFileTable {
  job_id: string;
  account_id: string;
  seq: number;
  content: string;
}

/** One committed chunk of an import job: its rows' outcomes (JSON), keyed by the job's row it started at. */
export interface ImportJobChunkTable {
  account_id: string;
  job_id: string;
  start_row: number;
  row_outcomes: string;
  /** The names its rows gave for other people (JSON), linked when every row is in (migration 0031). */
  links: Generated<string>;
}

/** A contact merge: the JSON record of what it changed (see core's ContactMergeRecord) and whether it was undone. */
export interface ContactMergeTable {
  id: string;
  account_id: string;
  kept_id: string;
  merged_id: string;
  record: string;
  merged_at: string;
  undone_at: string | null;
}

/** A pair the member said are not the same person; `contact_a` < `contact_b` in code-unit order. */
export interface DuplicateDismissalTable {
  account_id: string;
  contact_a: string;
  contact_b: string;
  created_at: string;
}

/** An edge between two contacts of one account, read "from is to's kind" (migration 0025). */
export interface RelationshipTable {
  id: string;
  account_id: string;
  from_contact_id: string;
  to_contact_id: string;
  kind: string;
  /** `kind:lower id:higher id`: one edge per pair and kind. */
  pair_key: string;
  how: string;
  strength: number;
  since_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A "who do you know?" request (migration 0025). */
export interface AskTable {
  id: string;
  account_id: string;
  contact_id: string;
  about_kind: string;
  about_text: string;
  about_company_id: string | null;
  note: string;
  status: string;
  asked_at: string;
  status_changed_at: string;
  created_at: string;
  updated_at: string;
}

/** A name received for an ask: a contact, linked to the person asked by an introduced-by edge. */
export interface AskNameTable {
  ask_id: string;
  account_id: string;
  contact_id: string;
  relationship_id: string | null;
  received_at: string;
}

/** A saved link and its fetch job's state (lease like `import_job`); see migration 0022. */
export interface ArticleTable {
  id: string;
  account_id: string;
  url: string;
  note: string;
  /** JSON list. */
  tags: string;
  status: string;
  failure: string | null;
  title: string | null;
  description: string | null;
  text: string;
  /** JSON list. */
  topics: string;
  saved_at: string;
  saved_by: string;
  fetched_at: string | null;
  attempts: number;
  next_attempt_at: string | null;
  lease_owner: string | null;
  lease_until_at: string | null;
  /** When its suggestions to contacts were last worked out (migration 0030). */
  suggested_at: string | null;
}

/** An article suggested to a contact (`open`), or closed for good for them (`shared`, `dismissed`). */
export interface ArticleMatchTable {
  account_id: string;
  article_id: string;
  contact_id: string;
  status: string;
  score: number;
  /** JSON list of the reasons in words. */
  reasons: string;
  matched_at: string;
  changed_at: string;
}

/** An account's message template or its copy of a default (migration 0020). */
export interface MessageTemplateTable {
  account_id: string;
  id: string;
  name: string;
  channel: string;
  /** JSON list of template slots. */
  slots: string;
  subject: string;
  body: string;
  /** 0/1: a default the account deleted. */
  hidden: number;
  created_at: string;
  updated_at: string;
}

/** A member's own SMTP account, the password sealed with the server key; see migration 0021. */
export interface MemberSmtpTable {
  account_id: string;
  user_id: string;
  host: string;
  port: number;
  security: string;
  smtp_user: string;
  sealed_password: string | null;
  from_name: string;
  from_address: string;
  created_at: string;
  updated_at: string;
}

export interface CampaignTable {
  id: string;
  account_id: string;
  name: string;
  /** JSON: { kind, name, holidayId }. */
  occasion: string;
  /** JSON: the segment as given (circle, tag, companyId, q, includeArchived, includeMovedOn). */
  segment: string;
  mode: string;
  template_id: string | null;
  my_update: string;
  status: string;
  sender_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignRecipientTable {
  account_id: string;
  campaign_id: string;
  contact_id: string;
  position: number;
  display_name: string;
  email: string | null;
  personal_line: string;
  subject: string;
  body: string;
  body_edited: number;
  status: string;
  reason: string;
  send_key: string | null;
  interaction_id: string | null;
  sent_at: string | null;
  lease_owner: string | null;
  lease_until_at: string | null;
  attempts: number;
  updated_at: string;
}

/** The send ledger of messages through a member's SMTP; see migration 0021. */
export interface MessageSendTable {
  account_id: string;
  key: string;
  user_id: string;
  contact_id: string;
  request_hash: string;
  status: string;
  to_address: string;
  message_id: string;
  interaction_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** A member's IMAP mailbox and its sync job's state, the password sealed with the server key; see migration 0028. */
export interface MailboxTable {
  account_id: string;
  user_id: string;
  host: string;
  port: number;
  /** 0/1 */
  tls: number;
  imap_user: string;
  sealed_password: string | null;
  /** JSON list of folder paths; empty: the inbox and the special-use Sent folder. */
  folders: string;
  start_on: string;
  store_bodies: number;
  auto_create: number;
  /** JSON list of the member's other addresses. */
  aliases: string;
  log_folder: string | null;
  log_address: string | null;
  state: string;
  error: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  next_run_at: string;
  failures: number;
  messages_count: number;
  logged_count: number;
  attempts: number;
  lease_owner: string | null;
  lease_until_at: string | null;
  /** The IMAP IDLE watch's lease (migration 0033): one instance keeps one connection per mailbox. */
  idle_owner: string | null;
  idle_until_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OpportunityTable {
  id: string;
  account_id: string;
  company_id: string | null;
  title: string;
  link: string | null;
  source: string | null;
  salary_min: number | string | null; // bigint on PostgreSQL (read as text by pg), integer on SQLite
  salary_max: number | string | null; // bigint on PostgreSQL (read as text by pg), integer on SQLite
  salary_currency: string | null;
  location: string | null;
  remote: number;
  notes: string;
  stage: string;
  stage_on: string;
  created_at: string;
  updated_at: string;
}

/** A synced folder's UIDVALIDITY and UID high-water mark; see migration 0028. */
export interface MailboxFolderTable {
  account_id: string;
  user_id: string;
  path: string;
  uid_validity: string;
  last_uid: number;
  updated_at: string;
}

/** The mailbox ledger: one row per (account, Message-ID); see migration 0028. */
export interface MailboxMessageTable {
  account_id: string;
  message_id: string;
  user_id: string;
  interaction_id: string | null;
  occurred_at: string;
  body: string | null;
  created_at: string;
}

/** Each member whose mailbox held a ledger's message (migration 0033). */
export interface MailboxMessageReaderTable {
  account_id: string;
  message_id: string;
  user_id: string;
}

/** A message of an address that is not a contact (suggestions); see migration 0028. */
export interface MailboxCorrespondentMessageTable {
  account_id: string;
  user_id: string;
  address: string;
  message_id: string;
  name: string | null;
  direction: string;
  subject: string;
  occurred_at: string;
}

export interface MailboxDismissalTable {
  account_id: string;
  user_id: string;
  address: string;
  created_at: string;
}

export interface OpportunityStageChangeTable {
  id: string;
  account_id: string;
  opportunity_id: string;
  stage: string;
  from_stage: string | null;
  changed_on: string;
  changed_at: string;
}

export interface OpportunityContactTable {
  account_id: string;
  opportunity_id: string;
  contact_id: string;
  role: string;
  added_at: string;
}

export interface InterviewTable {
  id: string;
  account_id: string;
  opportunity_id: string;
  starts_at: string;
  time_zone: string;
  kind: string;
  contact_ids: string;
  notes: string;
  held_at: string | null;
  created_at: string;
}

export interface InterviewPrepTable {
  opportunity_id: string;
  account_id: string;
  research_notes: string;
  questions: string;
  people_to_meet: string;
  updated_at: string;
}

export interface InterviewQuestionTable {
  id: string;
  account_id: string;
  question: string;
  answer: string;
  tags: string;
  created_at: string;
  updated_at: string;
}

export interface JobExpenseTable {
  id: string;
  account_id: string;
  opportunity_id: string | null;
  spent_on: string;
  amount_minor: number;
  currency: string;
  category: string;
  note: string;
  created_at: string;
}

export interface Database {
  account: AccountTable;
  membership: MembershipTable;
  api_token: ApiTokenTable;
  invitation: InvitationTable;
  member_scope: MemberScopeTable;
  member_access_day: MemberAccessDayTable;
  opportunity_comment: OpportunityCommentTable;
  company: CompanyTable;
  contact: ContactTable;
  contact_tag: ContactTagTable;
  interaction: InteractionTable;
  interaction_contact: InteractionContactTable;
  follow_up: FollowUpTable;
  rate_limit: RateLimitTable;
  contact_fts_map: ContactFtsMapTable;
  contact_search_account: ContactSearchAccountTable;
  user: UserTable;
  session: SessionTable;
  delivery: DeliveryTable;
  notify_setting: NotifySettingTable;
  digest_record: DigestRecordTable;
  reply_answer: ReplyAnswerTable;
  webhook: WebhookTable;
  calendar_feed: CalendarFeedTable;
  import_job: ImportJobTable;
  import_job_chunk: ImportJobChunkTable;
  import_job_file: ImportJobFileTable;
  contact_merge: ContactMergeTable;
  duplicate_dismissal: DuplicateDismissalTable;
  contact_photo: ContactPhotoTable;
  message_template: MessageTemplateTable;
  member_smtp: MemberSmtpTable;
  message_send: MessageSendTable;
  restore_job: RestoreJobTable;
  restore_job_file: RestoreJobFileTable;
  article: ArticleTable;
  article_match: ArticleMatchTable;
  campaign: CampaignTable;
  campaign_recipient: CampaignRecipientTable;
  relationship: RelationshipTable;
  ask: AskTable;
  ask_name: AskNameTable;
  mailbox: MailboxTable;
  mailbox_folder: MailboxFolderTable;
  mailbox_message: MailboxMessageTable;
  mailbox_message_reader: MailboxMessageReaderTable;
  mailbox_correspondent_message: MailboxCorrespondentMessageTable;
  mailbox_dismissal: MailboxDismissalTable;
  calendar_source: CalendarSourceTable;
  calendar_event: CalendarEventTable;
  calendar_attendee: CalendarAttendeeTable;
  opportunity: OpportunityTable;
  opportunity_stage_change: OpportunityStageChangeTable;
  opportunity_contact: OpportunityContactTable;
  interview: InterviewTable;
  interview_prep: InterviewPrepTable;
  interview_question: InterviewQuestionTable;
  job_expense: JobExpenseTable;
}

/** A calendar: the account's file calendar or a subscription, with its sync's state and lease (migration 0029). */
export interface CalendarSourceTable {
  id: string;
  account_id: string;
  /** file | subscription */
  kind: string;
  name: string;
  /** A subscription's address in clear: only until the runtime seals it (migration 0033); null after. */
  url: string | null;
  /** The address sealed with the server key (context `calendar:<account>:<id>`). */
  sealed_url: string | null;
  /** The address as shown: scheme, host and a masked path. */
  masked_url: string | null;
  /** waiting | syncing | ok | failing | failed */
  state: string;
  error: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  next_run_at: string | null;
  failures: Generated<number>;
  event_count: Generated<number>;
  meeting_count: Generated<number>;
  upcoming_count: Generated<number>;
  created_at: string;
  created_by: string;
  attempts: Generated<number>;
  lease_owner: string | null;
  lease_until_at: string | null;
}

/** The calendar ledger: one row per logged occurrence (UID + recurrence id, "" for a single event). */
export interface CalendarEventTable {
  account_id: string;
  calendar_id: string;
  uid: string;
  recurrence_id: string;
  interaction_id: string;
}

/** An attendee of a past occurrence who was no contact when it was read (suggestions; migration 0038). */
export interface CalendarAttendeeTable {
  account_id: string;
  calendar_id: string;
  uid: string;
  recurrence_id: string;
  /** As compared: lower case, NFC, the domain in IDNA form (the mailbox correspondents' key). */
  address: string;
  /** As the calendar wrote it. */
  given_address: string;
  /** The member the calendar was read for. */
  user_id: string;
  name: string | null;
  summary: string;
  occurred_at: string;
}

export type Dialect = "sqlite" | "postgres";
