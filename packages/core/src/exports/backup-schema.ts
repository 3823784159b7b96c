import { z } from "zod";
import { ARTICLE_STATUSES } from "../articles/schemas.ts";
import { ASK_ABOUT_KINDS, ASK_STATUSES, ASK_STEPS } from "../asks/schemas.ts";
import { CALENDAR_KINDS } from "../calendar-sync/schemas.ts";
import { CAMPAIGN_MODES, CAMPAIGN_STATUSES, OCCASION_KINDS, RECIPIENT_STATUSES } from "../campaigns/schemas.ts";
import { PHOTO_CONTENT_TYPES, PHOTO_PROBLEMS, readPhoto } from "../contacts/photo-bytes.ts";
import { birthdaySchema, cadenceOverrideSchema, contactDateSchema } from "../contacts/schemas.ts";
import { DIGEST_FREQUENCIES } from "../delivery/schemas.ts";
import { WEBHOOK_FORMATS } from "../delivery/webhooks/webhook-schemas.ts";
import { FOLLOW_UP_STATUSES } from "../follow-ups/schemas.ts";
import { DIRECTIONS, INTERACTION_KINDS, INTERACTION_SOURCES } from "../interactions/schemas.ts";
import { TEMPLATE_CHANNELS, TEMPLATE_SLOTS } from "../messages/schemas.ts";
import { RELATIONSHIP_KINDS } from "../network/schemas.ts";
import { THREAD_MAX } from "../opportunities/comment-schemas.ts";
import { INTERVIEW_KINDS, OPPORTUNITY_ROLES, OPPORTUNITY_STAGES } from "../opportunities/schemas.ts";

/**
 * Kith's own backup of one account. Rows refer to each other by `ref` ("contact-3"), numbered in an order that does
 * not depend on ids, so a restore (which gives every row a new id: ids are unique across the server, and the
 * account backed up may still be there) exports byte for byte the same. Derived state (last touch, touch count,
 * due items, the habit's counted weeks, the search index) is not in it: a restore recomputes it from history.
 *
 * This is the file's shape. What each value may be is checked by the same schemas as every other write
 * (`restore-validate.ts`), so a backup cannot store what the API would refuse.
 *
 * Version 2 added the digest schedule (`notify`), the webhooks and the follow-ups' opportunity and ask ids; a
 * version 1 backup is read as one without them. The job search (issue #14) added the lists `opportunities`,
 * `interviewQuestions` and `jobExpenses` and a follow-up's `opportunityRef` and `draftSlot`, each absent (none)
 * in backups made before it. Capture (issue #15) added the ledgers `mailboxMessages`, `calendars` and
 * `calendarEvents` (none in backups made before them): which message or event each captured interaction came from,
 * so a mailbox or calendar read again after a restore logs nothing twice. Never their secrets: no mailbox password,
 * no calendar address but its masked form, no stored message body.
 */
export const BACKUP_VERSION = 2;

const ref = z
  .string()
  .max(40)
  .regex(/^[a-z-]+-\d+$/, "is not a ref such as contact-3");
/** Shape only: each field's own limits come from the write schemas, which name it in their message. */
const text = z.string();
const instant = z.string().max(40);
const dateOn = z.string().max(10);
const id = z.string().max(64);

export const backupCompanySchema = z.strictObject({
  ref,
  name: text,
  domain: text.nullable(),
  target: z.boolean(),
  notes: text,
  createdAt: instant,
  updatedAt: instant,
});

/** A contact's photo in a backup: its bytes in base64, checked as an upload is. */
export const backupPhotoSchema = z
  .strictObject({ contentType: z.enum(PHOTO_CONTENT_TYPES), data: text, updatedAt: instant })
  .superRefine((p, ctx) => {
    const read = readPhoto(p.data, p.contentType);
    if ("problem" in read) ctx.addIssue({ code: "custom", path: ["data"], message: PHOTO_PROBLEMS[read.problem] });
  });

export const backupContactSchema = z.strictObject({
  ref,
  firstName: text,
  lastName: text,
  emails: z.array(z.strictObject({ address: text, label: text.optional() })),
  phones: z.array(z.strictObject({ number: text, label: text.optional() })),
  links: z.array(z.strictObject({ url: text, label: text.optional() })),
  companyRef: ref.nullable(),
  title: text,
  tags: z.array(text),
  interests: z.array(text),
  howWeMet: text,
  notes: text,
  birthday: birthdaySchema.nullable(),
  circle: text,
  timeZone: text.nullable(),
  muted: z.boolean(),
  cadenceOverride: cadenceOverrideSchema.nullable(),
  snoozedUntilOn: dateOn.nullable(),
  movedOnAt: instant.nullable(),
  moveOnNote: text.nullable(),
  circleBeforeMoveOn: text.nullable(),
  archivedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  /** Anniversaries and custom dates (absent in backups made before they existed). */
  dates: z.array(contactDateSchema).default([]),
  photo: backupPhotoSchema.nullable().default(null),
});

export const backupInteractionSchema = z.strictObject({
  ref,
  contactRefs: z.array(ref).min(1),
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(DIRECTIONS),
  occurredAt: instant,
  summary: text,
  meaningful: z.boolean(),
  /** Absent in backups made before it existed: every outbound message then waited for a reply. */
  awaitsReply: z.boolean().default(true),
  source: z.enum(INTERACTION_SOURCES),
  createdAt: instant,
  updatedAt: instant,
  /**
   * A message sent from a draft (absent otherwise, and in backups made before it): its template as a campaign's is
   * named — a default's id or `template-N` —, or the id of a template deleted since, kept as it was; and its name
   * when it was sent.
   */
  template: z.string().max(100).nullable().optional(),
  templateName: text.nullable().optional(),
});

export const backupFollowUpSchema = z.strictObject({
  ref,
  contactRef: ref,
  interactionRef: ref.nullable(),
  /**
   * From backups made before opportunities had rows: an id that named nothing, not restored (the link is
   * `opportunityRef`). Written as null.
   */
  opportunityId: id.nullable(),
  /** The opportunity it belongs to (absent in backups made before opportunities: none). */
  opportunityRef: ref.nullable().default(null),
  /** The template slot a stage rule gave it (a thank-you after an interview); null for the others. */
  draftSlot: z.enum(TEMPLATE_SLOTS).nullable().default(null),
  /** An ask's id from before asks had rows, kept as it is; a follow-up of a backed-up ask names it by `askRef`. */
  askId: id.nullable(),
  /** Absent from backups made before asks: none then. */
  askRef: ref.nullable().default(null),
  askStep: z.enum(ASK_STEPS).nullable().default(null),
  dueOn: dateOn,
  title: text,
  notes: text,
  status: z.enum(FOLLOW_UP_STATUSES),
  snoozedUntilOn: dateOn.nullable(),
  completedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

/**
 * Two contacts the member said are not the same person (the duplicates page's "Not the same person"): the pair
 * never returns to the duplicates list. Two refs in their sorted order (a list of two, not a tuple: the API types
 * generated from OpenAPI read a tuple as a list, and the CLI's client must accept what the server sends).
 */
export const backupDuplicateDismissalSchema = z.strictObject({ contactRefs: z.array(ref).length(2) });

/** A webhook with its signing secret: the backup is its owner's, and receivers keep checking the same signature. */
export const backupWebhookSchema = z.strictObject({
  ref,
  url: text,
  format: z.enum(WEBHOOK_FORMATS),
  secret: z.string().min(1).max(200),
  createdAt: instant,
});

/** A saved article with what its fetch found (a pending one is fetched again after a restore). */
export const backupArticleSchema = z.strictObject({
  ref,
  url: text,
  note: text,
  tags: z.array(text),
  status: z.enum(ARTICLE_STATUSES),
  failure: text.nullable(),
  title: text.nullable(),
  description: text.nullable(),
  text,
  topics: z.array(text),
  savedAt: instant,
  fetchedAt: instant.nullable(),
});

/** A relationship between two contacts: "from is to's kind". */
export const backupRelationshipSchema = z.strictObject({
  ref,
  fromContactRef: ref,
  toContactRef: ref,
  kind: z.enum(RELATIONSHIP_KINDS),
  how: text,
  strength: z.number(),
  sinceOn: dateOn.nullable(),
  createdAt: instant,
  updatedAt: instant,
});

/** A "who do you know?" ask with the names it received (each a contact, and the introduced-by edge made for it). */
export const backupAskSchema = z.strictObject({
  ref,
  contactRef: ref,
  aboutKind: z.enum(ASK_ABOUT_KINDS),
  aboutText: text,
  aboutCompanyRef: ref.nullable(),
  note: text,
  status: z.enum(ASK_STATUSES),
  askedAt: instant,
  statusChangedAt: instant,
  names: z.array(z.strictObject({ contactRef: ref, relationshipRef: ref.nullable(), receivedAt: instant })),
  createdAt: instant,
  updatedAt: instant,
});

/** An opportunity with its contacts and roles, dated stage history, interviews, interview prep and comments. */
export const backupOpportunitySchema = z.strictObject({
  ref,
  companyRef: ref.nullable(),
  title: text,
  link: text.nullable(),
  source: text.nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: text.nullable(),
  location: text.nullable(),
  remote: z.boolean(),
  notes: text,
  stage: z.enum(OPPORTUNITY_STAGES),
  stageOn: dateOn,
  createdAt: instant,
  updatedAt: instant,
  contacts: z.array(z.strictObject({ contactRef: ref, role: z.enum(OPPORTUNITY_ROLES), addedAt: instant })).max(200),
  stageHistory: z
    .array(
      z.strictObject({
        stage: z.enum(OPPORTUNITY_STAGES),
        fromStage: z.enum(OPPORTUNITY_STAGES).nullable(),
        changedOn: dateOn,
        changedAt: instant,
      }),
    )
    .max(1000),
  interviews: z
    .array(
      z.strictObject({
        startsAt: instant,
        timeZone: text,
        kind: z.enum(INTERVIEW_KINDS),
        contactRefs: z.array(ref),
        notes: text,
        heldAt: instant.nullable(),
      }),
    )
    .max(200),
  prep: z
    .strictObject({
      researchNotes: text,
      questions: z.array(z.strictObject({ question: text, answer: text, questionRef: ref.nullable() })),
      peopleToMeet: z.array(z.strictObject({ name: text, contactRef: ref.nullable(), note: text })),
      updatedAt: instant,
    })
    .nullable(),
  /** The comment thread (issue #16), oldest first; absent in older backups. Authors are kept by name. */
  comments: z
    .array(z.strictObject({ authorName: text, body: text, createdAt: instant }))
    .max(THREAD_MAX)
    .default([]),
});

/** A question of the account's interview question bank. */
export const backupInterviewQuestionSchema = z.strictObject({
  ref,
  question: text,
  answer: text,
  tags: z.array(text),
  createdAt: instant,
  updatedAt: instant,
});

/** A job-search expense, its amount in minor units. */
export const backupJobExpenseSchema = z.strictObject({
  ref,
  spentOn: dateOn,
  amountMinor: z.number(),
  currency: text,
  category: text,
  note: text,
  opportunityRef: ref.nullable(),
  createdAt: instant,
});

/** The account's settings as stored: the engine's (circles, caps, goals, holidays…), the mutes, the tag cadences. */
export const backupSettingsSchema = z.strictObject({
  engine: z.record(z.string(), z.unknown()).optional(),
  muted: z.boolean().optional(),
  mutedTags: z.array(text).optional(),
  tagCadences: z.record(z.string(), z.unknown()).optional(),
  myUpdate: z.string().optional(),
});

/**
 * A message template of the account: its own (`defaultId` null; a new id on restore) or its copy of one of Kith's
 * defaults (an edit, or `hidden`: deleted), which keeps the default's id.
 */
export const backupTemplateSchema = z.strictObject({
  defaultId: z.string().max(100).nullable(),
  name: text,
  channel: z.enum(TEMPLATE_CHANNELS),
  slots: z.array(z.enum(TEMPLATE_SLOTS)),
  subject: text,
  body: text,
  hidden: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});

/**
 * An occasion campaign with its segment (a company by its ref) and its template: one of Kith's defaults by its id,
 * an own template as `template-N` (the Nth of the backup's `templates`), or null. Who sent it is not kept (members
 * are not in a backup): a restored campaign that was being sent waits as a draft for its member's "Send all".
 */
export const backupCampaignSchema = z.strictObject({
  ref,
  name: text,
  occasion: z.strictObject({ kind: z.enum(OCCASION_KINDS), name: text, holidayId: text.nullable() }),
  segment: z.strictObject({
    circle: text.optional(),
    tag: text.optional(),
    companyRef: ref.optional(),
    q: text.optional(),
    includeArchived: z.boolean(),
    includeMovedOn: z.boolean(),
  }),
  mode: z.enum(CAMPAIGN_MODES),
  template: z
    .string()
    .max(200)
    .regex(/^(default:.+|template-\d+)$/, "is not a default template's id or a ref such as template-2")
    .nullable(),
  myUpdate: text,
  status: z.enum(CAMPAIGN_STATUSES),
  createdAt: instant,
  updatedAt: instant,
});

/** One person of a campaign: their message and where its sending stands (the ledger's lease is not kept). */
export const backupCampaignRecipientSchema = z.strictObject({
  campaignRef: ref,
  contactRef: ref,
  position: z.number().int(),
  displayName: text,
  email: text.nullable(),
  personalLine: text,
  subject: text,
  body: text,
  bodyEdited: z.boolean(),
  status: z.enum(RECIPIENT_STATUSES),
  reason: text,
  sendKey: z.string().max(200).nullable(),
  interactionRef: ref.nullable(),
  sentAt: instant.nullable(),
});

/**
 * One message of the mailbox ledger (keyed by account and Message-ID, so a mailbox reconnected after a restore skips
 * what it finds here): the interaction it was logged as (null when it logged none, or its interaction was deleted
 * by hand: the message does not come back) and the members whose mailboxes held it, by sign-in address (members are
 * not in a backup; a restore finds them among the account's members by address). Its stored body is not kept: a
 * backup any member may download must not show one member's mail to another.
 */
export const backupMailboxMessageSchema = z.strictObject({
  messageId: text,
  interactionRef: ref.nullable(),
  occurredAt: instant,
  createdAt: instant,
  readers: z.array(text),
});

/**
 * A calendar of the account (its one file calendar, or a subscription): its name and kind, a subscription's address
 * only in its masked form (the address itself often carries the feed's token: it is not in a backup, so a restored
 * subscription waits to be subscribed again).
 */
export const backupCalendarSchema = z.strictObject({
  ref,
  kind: z.enum(CALENDAR_KINDS),
  name: text,
  maskedUrl: text.nullable(),
  createdAt: instant,
});

/**
 * One logged occurrence of a calendar's ledger: the event's UID and RECURRENCE-ID ("" for a single event) → the
 * interaction it became (null when it was deleted by hand: the ledger keeps it from coming back).
 */
export const backupCalendarEventSchema = z.strictObject({
  calendarRef: ref,
  uid: text,
  recurrenceId: text,
  interactionRef: ref.nullable(),
});

export const backupSchema = z.strictObject({
  format: z.literal("kith-backup"),
  version: z.literal(BACKUP_VERSION),
  account: z.strictObject({
    name: text,
    timeZone: text,
    country: text.nullable(),
    settings: backupSettingsSchema,
  }),
  /** When the digest goes out; null when the owner never changed the default. */
  notify: z.strictObject({ digest: z.enum(DIGEST_FREQUENCIES), hour: z.number() }).nullable(),
  webhooks: z.array(backupWebhookSchema),
  companies: z.array(backupCompanySchema),
  contacts: z.array(backupContactSchema),
  interactions: z.array(backupInteractionSchema),
  /** Absent from backups made before the network: none then. */
  relationships: z.array(backupRelationshipSchema).default([]),
  /** Absent from backups made before asks: none then. */
  asks: z.array(backupAskSchema).default([]),
  followUps: z.array(backupFollowUpSchema),
  /** Absent from backups made before it: none then. */
  duplicateDismissals: z.array(backupDuplicateDismissalSchema).default([]),
  /** Absent from backups made before it: none then. */
  articles: z.array(backupArticleSchema).default([]),
  /** Absent from backups made before campaigns were backed up: none then. */
  campaigns: z.array(backupCampaignSchema).default([]),
  campaignRecipients: z.array(backupCampaignRecipientSchema).default([]),
  /** Absent from backups made before templates: none then. */
  templates: z.array(backupTemplateSchema).default([]),
  /** Absent from backups made before the job search (issue #14): none then. */
  interviewQuestions: z.array(backupInterviewQuestionSchema).default([]),
  opportunities: z.array(backupOpportunitySchema).default([]),
  jobExpenses: z.array(backupJobExpenseSchema).default([]),
  /** Absent from backups made before the capture ledgers (issue #15): none then. */
  mailboxMessages: z.array(backupMailboxMessageSchema).default([]),
  calendars: z.array(backupCalendarSchema).default([]),
  calendarEvents: z.array(backupCalendarEventSchema).default([]),
});
export type Backup = z.output<typeof backupSchema>;

export const restoreResultSchema = z.object({
  companies: z.number(),
  contacts: z.number(),
  interactions: z.number(),
  followUps: z.number(),
  webhooks: z.number(),
  /** The later lists (network, messages, job search, capture ledgers): 0 when the backup had none. */
  relationships: z.number(),
  asks: z.number(),
  templates: z.number(),
  articles: z.number(),
  campaigns: z.number(),
  opportunities: z.number(),
  interviewQuestions: z.number(),
  jobExpenses: z.number(),
  mailboxMessages: z.number(),
  calendars: z.number(),
  calendarEvents: z.number(),
});
export type RestoreResult = z.output<typeof restoreResultSchema>;

/** A restore run as a job: where it is, and how it ended (`GET /api/backup/restore/{id}`). */
export const restoreJobSchema = z.object({
  id: z.string(),
  status: z.enum(["uploading", "queued", "running", "committed", "failed"]),
  /** The step it is at (the account, a list of the backup, the due state, the webhooks) and the rows done of it. */
  step: z.enum([
    "account",
    "companies",
    "contacts",
    "interactions",
    "relationships",
    "asks",
    "followUps",
    "duplicateDismissals",
    "articles",
    "campaigns",
    "campaignRecipients",
    "interviewQuestions",
    "opportunities",
    "jobExpenses",
    "mailboxMessages",
    "calendars",
    "calendarEvents",
    "refresh",
    "finish",
    "undo",
  ]),
  index: z.number(),
  /** Each list's rows in the backup. */
  counts: z
    .object({
      webhooks: z.number(),
      companies: z.number(),
      contacts: z.number(),
      interactions: z.number(),
      /** Absent from restores queued before the network. */
      relationships: z.number().optional(),
      asks: z.number().optional(),
      followUps: z.number(),
      duplicateDismissals: z.number(),
      articles: z.number(),
      campaigns: z.number(),
      campaignRecipients: z.number(),
      templates: z.number(),
      interviewQuestions: z.number(),
      opportunities: z.number(),
      jobExpenses: z.number(),
      /** Absent from restores queued before the capture ledgers. */
      mailboxMessages: z.number().optional(),
      calendars: z.number().optional(),
      calendarEvents: z.number().optional(),
    })
    .nullable(),
  /** Why it failed, in words (what it wrote was taken out again). */
  error: z.string().nullable(),
  /**
   * A backup that failed the job's check (nothing was written): each problem with its path in the backup
   * (`contacts.3.emails.0.address`), as a 400's `errors` would list them. Empty otherwise.
   */
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
