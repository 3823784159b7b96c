import { z } from "zod";
import { updateAccountSchema } from "../accounts/schemas.ts";
import {
  ARTICLE_DESCRIPTION_MAX,
  ARTICLE_TEXT_MAX,
  ARTICLE_TITLE_MAX,
  ARTICLE_TOPICS_MAX,
  saveArticleSchema,
} from "../articles/schemas.ts";
import { ASK_NAMES_MAX, addAskSchema } from "../asks/schemas.ts";
import { CALENDARS_MAX } from "../calendar-sync/schemas.ts";
import { createCampaignSchema, MAX_RECIPIENTS, segmentSchema, updateRecipientSchema } from "../campaigns/schemas.ts";
import { createCompanySchema } from "../companies/schemas.ts";
import { dedupe } from "../contacts/new-contact.ts";
import { createContactSchema } from "../contacts/schemas.ts";
import { notifySettingsSchema } from "../delivery/schemas.ts";
import { createWebhookSchema, MAX_WEBHOOKS } from "../delivery/webhooks/webhook-schemas.ts";
import { engineSettingsSchema } from "../engine/settings.ts";
import { addFollowUpSchema } from "../follow-ups/schemas.ts";
import { logInteractionSchema } from "../interactions/schemas.ts";
import { DEFAULT_TEMPLATES, defaultTemplateById } from "../messages/default-templates.ts";
import { checkTemplateSyntax } from "../messages/render-template.ts";
import { createTemplateSchema, MAX_OWN_TEMPLATES } from "../messages/schemas.ts";
import { addRelationshipSchema } from "../network/schemas.ts";
import { createCommentSchema } from "../opportunities/comment-schemas.ts";
import {
  addInterviewSchema,
  createExpenseSchema,
  createQuestionSchema,
  interviewPrepInputSchema,
  updateOpportunitySchema,
} from "../opportunities/schemas.ts";
import { parseAccountSettings, updateSettingsSchema } from "../settings/account-settings.ts";
import { DomainError, type FieldIssue, invalid } from "../shared/errors.ts";
import { saneDateOn, saneInstant } from "../shared/sane-dates.ts";
import { parseInput } from "../shared/validate.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import {
  type Backup,
  backupArticleSchema,
  backupAskSchema,
  backupCalendarEventSchema,
  backupCalendarSchema,
  backupCampaignRecipientSchema,
  backupCampaignSchema,
  backupCompanySchema,
  backupContactSchema,
  backupDuplicateDismissalSchema,
  backupFollowUpSchema,
  backupInteractionSchema,
  backupInterviewQuestionSchema,
  backupJobExpenseSchema,
  backupMailboxMessageSchema,
  backupOpportunitySchema,
  backupRelationshipSchema,
  backupSchema,
  backupTemplateSchema,
  backupWebhookSchema,
} from "./backup-schema.ts";
import { type BackupPart, backupParts, parseItem } from "./backup-stream.ts";

/** Items checked between two turns of the event loop: a few milliseconds of zod each. */
const VALIDATE_SLICE = 2000;
/** Rows checked through the write schemas between two turns of the event loop. */
const CHECK_SLICE = 100;

type Path = readonly (string | number)[];

/** A row's issues, paths relative to the row; `checkList` puts the list's name and the row's index in front. */
class RowIssues extends Error {
  constructor(readonly issues: readonly { path: Path; message: string }[]) {
    super(issues[0]?.message ?? "invalid");
  }
}

const fail = (issues: readonly { path: Path; message: string }[]): DomainError => {
  const named: FieldIssue[] = issues.map((i) => ({
    path: i.path.length > 0 ? i.path.join(".") : "(body)",
    ...{ message: i.message },
  }));
  return new DomainError("validation", `${named[0]?.path}: ${named[0]?.message}`, named);
};

/**
 * Parses a row's fields with the schema every other write of them goes through, and names a failing field as the
 * backup spells it (`rename`: the write's field → the backup's, e.g. contactIds → contactRefs).
 */
function asWritten<S extends z.ZodType>(schema: S, input: unknown, rename: Record<string, string> = {}): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new RowIssues(
    result.error.issues.map((issue) => {
      const [head, ...rest] = issue.path;
      const field = head === undefined ? [] : [rename[String(head)] ?? head];
      return { path: [...field, ...rest].map((p) => (typeof p === "symbol" ? String(p) : p)), message: issue.message };
    }),
  );
}

/** Checks one field with a schema, naming it. */
function field<S extends z.ZodType>(name: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new RowIssues(
    result.error.issues.map((issue) => ({
      path: [name, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      message: issue.message,
    })),
  );
}

const nullableInstant = (name: string, value: string | null) =>
  value === null ? null : field(name, saneInstant, value);

const settingsFields = updateSettingsSchema.pick({ muted: true, mutedTags: true, tagCadences: true, myUpdate: true });

/** What the account is: name, time zone, country and settings, as `updateAccount` and `updateSettings` take them. */
function checkAccountRow(account: Backup["account"]): { account: Backup["account"]; circles: Set<string> } {
  const { name, timeZone, country } = asWritten(updateAccountSchema.required(), {
    name: account.name,
    timeZone: account.timeZone,
    country: account.country,
  });
  const { engine = {}, ...rest } = account.settings;
  asWritten(settingsFields, rest, {
    muted: "settings.muted",
    mutedTags: "settings.mutedTags",
    tagCadences: "settings.tagCadences",
    myUpdate: "settings.myUpdate",
  });
  for (const key of Object.keys(engine)) {
    if (!Object.hasOwn(engineSettingsSchema.shape, key) || key === "timeZone" || key === "country") {
      throw new RowIssues([{ path: ["settings", "engine", key], message: "is not an engine setting" }]);
    }
  }
  try {
    const settings = parseAccountSettings(JSON.stringify(account.settings), { timeZone, country });
    return { account: { ...account, name, timeZone, country }, circles: new Set(Object.keys(settings.engine.circles)) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new RowIssues(error.issues.map((i) => ({ path: ["settings", "engine", i.path], message: i.message })));
  }
}

function checkAccount(account: Backup["account"]): ReturnType<typeof checkAccountRow> {
  try {
    return checkAccountRow(account);
  } catch (error) {
    if (!(error instanceof RowIssues)) throw error;
    throw fail(error.issues.map((i) => ({ path: ["account", ...i.path], message: i.message })));
  }
}

function checkCompany(c: z.output<typeof backupCompanySchema>) {
  const data = asWritten(createCompanySchema, { name: c.name, domain: c.domain, target: c.target, notes: c.notes });
  const createdAt = field("createdAt", saneInstant, c.createdAt);
  const updatedAt = field("updatedAt", saneInstant, c.updatedAt);
  return { ...c, name: data.name, domain: data.domain ?? null, notes: data.notes ?? "", createdAt, updatedAt };
}

function checkContact(c: z.output<typeof backupContactSchema>, circles: ReadonlySet<string>) {
  const { firstName, lastName, emails, phones, links, title, tags, interests, howWeMet, notes } = c;
  const { birthday, circle, timeZone, muted, cadenceOverride } = c;
  // The same schema as a contact added by hand: limits, emails, links, dates, time zone. An empty name is absent.
  const data = asWritten(createContactSchema, {
    ...{ firstName: firstName || undefined, lastName: lastName || undefined, emails, phones, links, title, tags },
    ...{ interests, howWeMet, notes, birthday, circle, timeZone, muted, cadenceOverride },
  });
  for (const [name, value] of [
    ["circle", c.circle],
    ["circleBeforeMoveOn", c.circleBeforeMoveOn],
  ] as const) {
    if (value !== null && !circles.has(value)) {
      throw new RowIssues([
        { path: [name], message: `is not one of the backup's circles (${[...circles].join(", ")})` },
      ]);
    }
  }
  return {
    ...c,
    ...{ firstName: data.firstName ?? "", lastName: data.lastName ?? "", emails: data.emails ?? [] },
    ...{ phones: data.phones ?? [], links: data.links ?? [], title: data.title ?? "", tags: dedupe(data.tags) },
    ...{ interests: dedupe(data.interests), howWeMet: data.howWeMet ?? "", notes: data.notes ?? "" },
    snoozedUntilOn: c.snoozedUntilOn === null ? null : field("snoozedUntilOn", saneDateOn, c.snoozedUntilOn),
    movedOnAt: nullableInstant("movedOnAt", c.movedOnAt),
    moveOnNote: c.moveOnNote === null ? null : field("moveOnNote", z.string().max(2000), c.moveOnNote),
    archivedAt: nullableInstant("archivedAt", c.archivedAt),
    createdAt: field("createdAt", saneInstant, c.createdAt),
    updatedAt: field("updatedAt", saneInstant, c.updatedAt),
  };
}

function checkInteraction(x: z.output<typeof backupInteractionSchema>) {
  const { contactRefs, kind, direction, occurredAt, summary, meaningful, source, template } = x;
  const data = asWritten(
    logInteractionSchema,
    {
      ...{ contactIds: contactRefs, kind, direction, occurredAt, summary, meaningful, source },
      ...(template != null && { templateId: template }),
    },
    { contactIds: "contactRefs", templateId: "template" },
  );
  const twice = contactRefs.findIndex((r, i) => contactRefs.indexOf(r) !== i);
  if (twice >= 0) throw new RowIssues([{ path: ["contactRefs", twice], message: `names ${contactRefs[twice]} twice` }]);
  return {
    ...x,
    occurredAt: data.occurredAt ?? occurredAt,
    summary: data.summary ?? "",
    createdAt: field("createdAt", saneInstant, x.createdAt),
    updatedAt: field("updatedAt", saneInstant, x.updatedAt),
    template: template ?? null,
    templateName:
      template == null || x.templateName == null ? null : field("templateName", z.string().max(100), x.templateName),
  };
}

function checkFollowUp(f: z.output<typeof backupFollowUpSchema>) {
  const { contactRef, dueOn, title, notes, opportunityId, askId } = f;
  const data = asWritten(
    addFollowUpSchema,
    { contactId: contactRef, dueOn, title, notes, opportunityId, askId },
    { contactId: "contactRef" },
  );
  return {
    ...f,
    ...{ title: data.title, notes: data.notes ?? "" },
    snoozedUntilOn: f.snoozedUntilOn === null ? null : field("snoozedUntilOn", saneDateOn, f.snoozedUntilOn),
    completedAt: nullableInstant("completedAt", f.completedAt),
    createdAt: field("createdAt", saneInstant, f.createdAt),
    updatedAt: field("updatedAt", saneInstant, f.updatedAt),
  };
}

/** A relationship through the write schema (its two refs as the two contact ids): never a contact with itself. */
function checkRelationship(r: z.output<typeof backupRelationshipSchema>) {
  const { fromContactRef, toContactRef, kind, how, strength, sinceOn } = r;
  const data = asWritten(
    addRelationshipSchema,
    { fromContactId: fromContactRef, toContactId: toContactRef, kind, how, strength, sinceOn },
    { fromContactId: "fromContactRef", toContactId: "toContactRef" },
  );
  if (fromContactRef === toContactRef) {
    throw new RowIssues([{ path: ["toContactRef"], message: "must be another contact than fromContactRef" }]);
  }
  return {
    ...r,
    how: data.how ?? "",
    createdAt: field("createdAt", saneInstant, r.createdAt),
    updatedAt: field("updatedAt", saneInstant, r.updatedAt),
  };
}

/** An ask through the write schema (its refs as ids); its names at most 50, each once, none the person asked. */
function checkAsk(a: z.output<typeof backupAskSchema>) {
  const about = { kind: a.aboutKind, text: a.aboutText, companyId: a.aboutCompanyRef };
  const data = asWritten(
    addAskSchema,
    { contactId: a.contactRef, about, note: a.note, askedAt: a.askedAt },
    { contactId: "contactRef" },
  );
  if (a.names.length > ASK_NAMES_MAX) {
    throw new RowIssues([{ path: ["names"], message: `must have at most ${ASK_NAMES_MAX} names` }]);
  }
  const refs = a.names.map((n) => n.contactRef);
  const bad = refs.findIndex((r, i) => r === a.contactRef || refs.indexOf(r) !== i);
  if (bad >= 0) {
    throw new RowIssues([{ path: ["names", bad, "contactRef"], message: "names the person asked or an earlier name" }]);
  }
  return {
    ...a,
    note: data.note ?? "",
    askedAt: data.askedAt ?? a.askedAt,
    statusChangedAt: field("statusChangedAt", saneInstant, a.statusChangedAt),
    names: a.names.map((n, i) => ({ ...n, receivedAt: field(`names.${i}.receivedAt`, saneInstant, n.receivedAt) })),
    createdAt: field("createdAt", saneInstant, a.createdAt),
    updatedAt: field("updatedAt", saneInstant, a.updatedAt),
  };
}

/** An opportunity through the edit's schema, its interviews and prep through theirs (refs in place of ids). */
function checkOpportunity(o: z.output<typeof backupOpportunitySchema>) {
  const { title, link, source, salaryMin, salaryMax, salaryCurrency, location, remote, notes } = o;
  const data = asWritten(updateOpportunitySchema, {
    ...{ title, link, source, salaryMin, salaryMax, salaryCurrency, location, remote, notes },
  });
  const interviews = o.interviews.map((i, j) => {
    const { startsAt, timeZone, kind, contactRefs, notes: text } = i;
    try {
      const checked = asWritten(
        addInterviewSchema,
        { startsAt, timeZone, kind, contactIds: contactRefs, notes: text },
        { contactIds: "contactRefs" },
      );
      return { ...i, startsAt: checked.startsAt, heldAt: nullableInstant("heldAt", i.heldAt) };
    } catch (error) {
      if (!(error instanceof RowIssues)) throw error;
      throw new RowIssues(error.issues.map((x) => ({ path: ["interviews", j, ...x.path], message: x.message })));
    }
  });
  if (o.prep) {
    const { researchNotes, questions, peopleToMeet } = o.prep;
    asWritten(
      interviewPrepInputSchema,
      {
        researchNotes,
        questions: questions.map((q) => ({ question: q.question, answer: q.answer, questionId: q.questionRef })),
        peopleToMeet: peopleToMeet.map((p) => ({ name: p.name, contactId: p.contactRef, note: p.note })),
      },
      {},
    );
  }
  return {
    ...o,
    ...{ title: data.title ?? title, link: data.link ?? null, source: data.source || null },
    ...{ salaryCurrency: data.salaryCurrency ?? null, location: data.location || null },
    stageOn: field("stageOn", saneDateOn, o.stageOn),
    interviews,
    comments: o.comments.map((c, j) => ({
      authorName: field(`comments.${j}.authorName`, z.string().max(240), c.authorName),
      body: field(`comments.${j}.body`, createCommentSchema.shape.body, c.body),
      createdAt: field(`comments.${j}.createdAt`, saneInstant, c.createdAt),
    })),
    stageHistory: o.stageHistory.map((s, j) => ({
      ...s,
      changedOn: field(`stageHistory.${j}.changedOn`, saneDateOn, s.changedOn),
      changedAt: field(`stageHistory.${j}.changedAt`, saneInstant, s.changedAt),
    })),
    createdAt: field("createdAt", saneInstant, o.createdAt),
    updatedAt: field("updatedAt", saneInstant, o.updatedAt),
  };
}

function checkInterviewQuestion(q: z.output<typeof backupInterviewQuestionSchema>) {
  const data = asWritten(createQuestionSchema, { question: q.question, answer: q.answer, tags: q.tags });
  return {
    ...q,
    question: data.question,
    tags: dedupe(data.tags),
    createdAt: field("createdAt", saneInstant, q.createdAt),
    updatedAt: field("updatedAt", saneInstant, q.updatedAt),
  };
}

function checkJobExpense(e: z.output<typeof backupJobExpenseSchema>) {
  const { spentOn, amountMinor, currency, category, note, opportunityRef } = e;
  const data = asWritten(
    createExpenseSchema,
    { spentOn, amountMinor, currency, category, note, opportunityId: opportunityRef },
    { opportunityId: "opportunityRef" },
  );
  return {
    ...e,
    currency: data.currency,
    category: data.category,
    createdAt: field("createdAt", saneInstant, e.createdAt),
  };
}

/** The readers a message may name: an account's members are a handful. */
const MAX_READERS = 100;
/** A member's sign-in address, as users have them. */
const memberAddress = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, "is not an email address")
  .transform((a) => a.toLowerCase());
/** A Message-ID as the mailbox sync keys its ledger (`messageKey`: trimmed, at most 500 characters). */
const ledgerMessageId = z.string().min(1).max(500);
/** An instant exactly as Kith writes one (a ledger's key must match what the next read computes). */
const writtenInstant = z
  .string()
  .refine((v) => saneInstant.safeParse(v).data === v, "is not an instant such as 2026-03-04T09:30:00.000Z");

function checkMailboxMessage(m: z.output<typeof backupMailboxMessageSchema>) {
  const messageId = field("messageId", ledgerMessageId, m.messageId);
  const readers = field("readers", z.array(memberAddress).max(MAX_READERS), m.readers);
  const twice = readers.findIndex((r, i) => readers.indexOf(r) !== i);
  if (twice >= 0) throw new RowIssues([{ path: ["readers", twice], message: `names ${readers[twice]} twice` }]);
  return {
    ...m,
    messageId,
    readers,
    occurredAt: field("occurredAt", saneInstant, m.occurredAt),
    createdAt: field("createdAt", saneInstant, m.createdAt),
  };
}

/**
 * A calendar's name as a subscription takes it (or, given none, its host's: up to 253 characters); a subscription's
 * masked address, none for the file calendar.
 */
const calendarName = z.string().trim().min(1).max(253);
function checkCalendar(c: z.output<typeof backupCalendarSchema>) {
  const { name } = asWritten(z.strictObject({ name: calendarName }), { name: c.name });
  if (c.kind === "file" && c.maskedUrl !== null) {
    throw new RowIssues([{ path: ["maskedUrl"], message: "must be null for the calendar of imported files" }]);
  }
  const maskedUrl = c.kind === "subscription" ? field("maskedUrl", z.string().min(1).max(2048), c.maskedUrl) : null;
  return { ...c, name, maskedUrl, createdAt: field("createdAt", saneInstant, c.createdAt) };
}

/** An occurrence's key as the calendar reader makes it: a trimmed UID, and "" or the occurrence's original start. */
function checkCalendarEvent(e: z.output<typeof backupCalendarEventSchema>) {
  const uid = field("uid", z.string().min(1).max(10_000), e.uid);
  if (uid.trim() !== uid) throw new RowIssues([{ path: ["uid"], message: "must not start or end with a blank" }]);
  const recurrenceId = e.recurrenceId === "" ? "" : field("recurrenceId", writtenInstant, e.recurrenceId);
  return { ...e, uid, recurrenceId };
}

/** A ledger's keys are each once in it: a Message-ID; a calendar's UID and RECURRENCE-ID; one file calendar. */
function ledgerKeeper() {
  const messages = new Set<string>();
  const events = new Set<string>();
  let files = 0;
  let calendars = 0;
  return (key: BackupList, row: CheckedRows[BackupList], index: number) => {
    if (key === "mailboxMessages") {
      const { messageId } = row as CheckedRows["mailboxMessages"];
      if (messages.has(messageId)) throw invalid(`${key}.${index}.messageId`, "is the Message-ID of an earlier row");
      messages.add(messageId);
    } else if (key === "calendars") {
      calendars += 1;
      if (calendars > CALENDARS_MAX)
        throw invalid(`${key}.${index}`, `an account has at most ${CALENDARS_MAX} calendars`);
      if ((row as CheckedRows["calendars"]).kind === "file" && ++files > 1) {
        throw invalid(`${key}.${index}.kind`, "an account has one calendar of imported files");
      }
    } else if (key === "calendarEvents") {
      const e = row as CheckedRows["calendarEvents"];
      const k = `${e.calendarRef}\u0001${e.uid}\u0001${e.recurrenceId}`;
      if (events.has(k))
        throw invalid(`${key}.${index}.uid`, "is an occurrence of an earlier row of the same calendar");
      events.add(k);
    }
  };
}

function onceEachLedgerKey<K extends BackupList>(key: K, rows: CheckedRows[K][]): CheckedRows[K][] {
  const keep = ledgerKeeper();
  for (const [i, r] of rows.entries()) keep(key, r, i);
  return rows;
}

function checkWebhook(w: z.output<typeof backupWebhookSchema>) {
  const data = asWritten(createWebhookSchema, { url: w.url, format: w.format });
  return { ...w, url: data.url, createdAt: field("createdAt", saneInstant, w.createdAt) };
}

const articleFound = z.strictObject({
  failure: z.string().max(1000).nullable(),
  title: z.string().max(ARTICLE_TITLE_MAX).nullable(),
  description: z.string().max(ARTICLE_DESCRIPTION_MAX).nullable(),
  text: z.string().max(ARTICLE_TEXT_MAX),
  topics: z.array(z.string().min(1).max(200)).max(ARTICLE_TOPICS_MAX),
});

/** What a member typed through the save's schema; what a fetch found within the fetch's own limits. */
function checkArticle(a: z.output<typeof backupArticleSchema>) {
  asWritten(saveArticleSchema, { url: a.url, note: a.note, tags: a.tags });
  const { failure, title, description, text, topics } = a;
  asWritten(articleFound, { failure, title, description, text, topics });
  return {
    ...a,
    savedAt: field("savedAt", saneInstant, a.savedAt),
    fetchedAt: nullableInstant("fetchedAt", a.fetchedAt),
  };
}

/** A template through the write schema, its text parsed; a copy of a default names one Kith has. */
function checkTemplate(t: z.output<typeof backupTemplateSchema>) {
  const { defaultId, hidden, createdAt, updatedAt, ...rest } = t;
  const data = asWritten(createTemplateSchema, rest);
  if (defaultId !== null && !defaultTemplateById(defaultId)) {
    throw new RowIssues([{ path: ["defaultId"], message: "is not one of Kith's default templates" }]);
  }
  try {
    checkTemplateSyntax(data);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new RowIssues(error.issues.map((i) => ({ path: [i.path], message: i.message })));
  }
  return {
    ...data,
    defaultId,
    hidden,
    createdAt: field("createdAt", saneInstant, createdAt),
    updatedAt: field("updatedAt", saneInstant, updatedAt),
  };
}

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), { message: "must be one line (no line breaks)" });

/** A campaign through the create schema (name, update, segment) and the occasion's own limits. */
function checkCampaign(c: z.output<typeof backupCampaignSchema>) {
  const { name, myUpdate } = asWritten(createCampaignSchema.pick({ name: true, myUpdate: true }).required(), {
    name: c.name,
    myUpdate: c.myUpdate,
  });
  const { companyRef, ...segment } = c.segment;
  const checked = asWritten(segmentSchema.omit({ companyId: true }), segment);
  field(
    "occasion",
    z.object({ name: oneLine(200).pipe(z.string().min(1)), holidayId: z.string().max(200).nullable() }),
    {
      name: c.occasion.name,
      holidayId: c.occasion.holidayId,
    },
  );
  return {
    ...c,
    name,
    myUpdate,
    segment: { ...checked, ...(companyRef ? { companyRef } : {}) },
    createdAt: field("createdAt", saneInstant, c.createdAt),
    updatedAt: field("updatedAt", saneInstant, c.updatedAt),
  };
}

const recipientFacts = z.object({
  position: z.number().int().min(0).max(1_000_000),
  displayName: oneLine(1000),
  email: oneLine(320).nullable(),
  reason: z.string().max(2000),
  sendKey: z.string().max(200).nullable(),
});

/** A recipient's message through the edit schema, the rest within the ledger's own limits. */
function checkCampaignRecipient(r: z.output<typeof backupCampaignRecipientSchema>) {
  const { personalLine, subject, body } = r;
  const data = asWritten(updateRecipientSchema.required(), { personalLine, subject, body });
  const { position, displayName, email, reason, sendKey } = r;
  asWritten(recipientFacts, { position, displayName, email, reason, sendKey });
  return { ...r, ...data, sentAt: r.sentAt === null ? null : field("sentAt", saneInstant, r.sentAt) };
}

/** A person is once in a campaign, which holds at most MAX_RECIPIENTS. */
function recipientKeeper() {
  const seen = new Set<string>();
  const perCampaign = new Map<string, number>();
  return (r: { campaignRef: string; contactRef: string }, index: number) => {
    const key = `${r.campaignRef}\u0001${r.contactRef}`;
    if (seen.has(key)) {
      throw invalid(`campaignRecipients.${index}.contactRef`, `${r.contactRef} is already in ${r.campaignRef}`);
    }
    seen.add(key);
    const n = (perCampaign.get(r.campaignRef) ?? 0) + 1;
    if (n > MAX_RECIPIENTS) {
      throw invalid(`campaignRecipients.${index}`, `${r.campaignRef} has more than ${MAX_RECIPIENTS} recipients`);
    }
    perCampaign.set(r.campaignRef, n);
  };
}

function onceEachRecipient<T extends { campaignRef: string; contactRef: string }>(rows: T[]): T[] {
  const keep = recipientKeeper();
  for (const [i, r] of rows.entries()) keep(r, i);
  return rows;
}

/** A default has at most one copy per account. */
function onceEachDefault<T extends { defaultId: string | null }>(templates: T[]): T[] {
  const seen = new Set<string>();
  for (const [i, t] of templates.entries()) {
    if (t.defaultId === null) continue;
    if (seen.has(t.defaultId)) throw invalid(`templates.${i}.defaultId`, `${t.defaultId} has an earlier copy`);
    seen.add(t.defaultId);
  }
  return templates;
}

/** Its shape, then its values through the write schemas, a slice at a time; paths name the whole document's field. */
async function checkList<S extends z.ZodType, R>(
  name: string,
  schema: S,
  items: unknown[],
  check: (row: z.output<S>) => R,
): Promise<R[]> {
  const out: R[] = [];
  const slice = z.array(schema);
  for (let start = 0; start < items.length; start += VALIDATE_SLICE) {
    const result = slice.safeParse(items.slice(start, start + VALIDATE_SLICE));
    if (!result.success) {
      // The same paths as one parse of the whole document would name: "contacts.1234.firstName".
      throw fail(
        result.error.issues.map((issue) => {
          const [index, ...rest] = issue.path;
          return { path: [name, start + Number(index), ...rest.map(String)], message: issue.message };
        }),
      );
    }
    for (const [j, row] of result.data.entries()) {
      try {
        out.push(check(row));
      } catch (error) {
        if (!(error instanceof RowIssues)) throw error;
        throw fail(error.issues.map((i) => ({ path: [name, start + j, ...i.path], message: i.message })));
      }
      // The write schemas cost a fraction of a millisecond a row (a time zone, an email, a URL): a turn every
      // CHECK_SLICE rows keeps other requests waiting a few tens of milliseconds at most.
      if ((j + 1) % CHECK_SLICE === 0) await yieldToLoop();
    }
    await yieldToLoop();
  }
  const refs = new Set<string>();
  for (const [i, row] of (out as { ref?: string }[]).entries()) {
    if (row.ref === undefined) continue;
    if (refs.has(row.ref)) throw invalid(`${name}.${i}.ref`, `${row.ref} is used by an earlier row`);
    refs.add(row.ref);
  }
  return out;
}

/** The pairs dismissed as "not the same person": their shape, and two different contacts in each. */
function checkDismissals(items: unknown[]): Backup["duplicateDismissals"] {
  const name = "duplicateDismissals";
  const result = z.array(backupDuplicateDismissalSchema).safeParse(items);
  if (!result.success) {
    throw fail(result.error.issues.map((i) => ({ path: [name, ...i.path.map(String)], message: i.message })));
  }
  for (const [i, { contactRefs }] of result.data.entries()) {
    if (contactRefs[0] === contactRefs[1]) throw invalid(`${name}.${i}.contactRefs.1`, `names ${contactRefs[1]} twice`);
  }
  return result.data;
}

/** An account's own templates and its copies of the defaults. */
const MAX_TEMPLATE_ROWS = MAX_OWN_TEMPLATES + DEFAULT_TEMPLATES.length;

/** The backup's frame (format, version, account) with its lists unchecked: they are checked a slice at a time. */
const frameSchema = backupSchema.extend({
  webhooks: z.array(z.unknown()).max(MAX_WEBHOOKS),
  companies: z.array(z.unknown()),
  contacts: z.array(z.unknown()),
  interactions: z.array(z.unknown()),
  relationships: z.array(z.unknown()).default([]),
  asks: z.array(z.unknown()).default([]),
  followUps: z.array(z.unknown()),
  duplicateDismissals: z.array(z.unknown()).default([]),
  articles: z.array(z.unknown()).default([]),
  campaigns: z.array(z.unknown()).default([]),
  campaignRecipients: z.array(z.unknown()).default([]),
  templates: z.array(z.unknown()).max(MAX_TEMPLATE_ROWS).default([]),
  interviewQuestions: z.array(z.unknown()).default([]),
  opportunities: z.array(z.unknown()).default([]),
  jobExpenses: z.array(z.unknown()).default([]),
  mailboxMessages: z.array(z.unknown()).default([]),
  calendars: z.array(z.unknown()).default([]),
  calendarEvents: z.array(z.unknown()).default([]),
});

/** A version 1 backup is a version 2 one without a digest schedule, webhooks, or follow-ups' opportunity and ask. */
function upgrade(input: unknown): unknown {
  if (typeof input !== "object" || input === null || (input as { version?: unknown }).version !== 1) return input;
  const v1 = input as Record<string, unknown>;
  const followUps = Array.isArray(v1.followUps)
    ? v1.followUps.map((f) => (typeof f === "object" && f !== null ? { opportunityId: null, askId: null, ...f } : f))
    : v1.followUps;
  return { notify: null, webhooks: [], ...v1, version: 2, followUps };
}

/**
 * Checks a backup like `parseInput(backupSchema, …)` and then every value through the schema its kind of row is
 * written with everywhere else (`createContactSchema`, `logInteractionSchema`, `addFollowUpSchema`,
 * `createCompanySchema`, `createWebhookSchema`, `updateAccountSchema`, the settings' own parse): a restore stores
 * nothing the API would refuse, and a bad value is a 400 naming its path in the backup
 * (`contacts.3.emails.0.address`). A slice of rows at a time with a turn of the event loop between slices: a
 * backup of a million rows takes seconds of zod, which would otherwise hold every other request for as long.
 */
export async function validateBackup(input: unknown): Promise<Backup> {
  const frame = parseInput(frameSchema, upgrade(input));
  const { account, circles } = checkAccount(frame.account);
  const notify = frame.notify === null ? null : parseInput(z.object({ notify: notifySettingsSchema }), frame).notify;
  return {
    ...frame,
    account,
    notify,
    webhooks: await checkList("webhooks", backupWebhookSchema, frame.webhooks, checkWebhook),
    companies: await checkList("companies", backupCompanySchema, frame.companies, checkCompany),
    contacts: await checkList("contacts", backupContactSchema, frame.contacts, (c) => checkContact(c, circles)),
    interactions: await checkList("interactions", backupInteractionSchema, frame.interactions, checkInteraction),
    relationships: await checkList("relationships", backupRelationshipSchema, frame.relationships, checkRelationship),
    asks: await checkList("asks", backupAskSchema, frame.asks, checkAsk),
    followUps: await checkList("followUps", backupFollowUpSchema, frame.followUps, checkFollowUp),
    duplicateDismissals: checkDismissals(frame.duplicateDismissals),
    articles: await checkList("articles", backupArticleSchema, frame.articles, checkArticle),
    campaigns: await checkList("campaigns", backupCampaignSchema, frame.campaigns, checkCampaign),
    campaignRecipients: onceEachRecipient(
      await checkList(
        "campaignRecipients",
        backupCampaignRecipientSchema,
        frame.campaignRecipients,
        checkCampaignRecipient,
      ),
    ),
    templates: onceEachDefault(await checkList("templates", backupTemplateSchema, frame.templates, checkTemplate)),
    interviewQuestions: await checkList(
      "interviewQuestions",
      backupInterviewQuestionSchema,
      frame.interviewQuestions,
      checkInterviewQuestion,
    ),
    opportunities: await checkList("opportunities", backupOpportunitySchema, frame.opportunities, checkOpportunity),
    jobExpenses: await checkList("jobExpenses", backupJobExpenseSchema, frame.jobExpenses, checkJobExpense),
    mailboxMessages: onceEachLedgerKey(
      "mailboxMessages",
      await checkList("mailboxMessages", backupMailboxMessageSchema, frame.mailboxMessages, checkMailboxMessage),
    ),
    calendars: onceEachLedgerKey(
      "calendars",
      await checkList("calendars", backupCalendarSchema, frame.calendars, checkCalendar),
    ),
    calendarEvents: onceEachLedgerKey(
      "calendarEvents",
      await checkList("calendarEvents", backupCalendarEventSchema, frame.calendarEvents, checkCalendarEvent),
    ),
  };
}

/** The lists of a backup, in the order a restore writes them. */
export const BACKUP_LISTS = [
  "webhooks",
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
  "templates",
] as const;
export type BackupList = (typeof BACKUP_LISTS)[number];

/** What a restore keeps of a backup between its passes: everything but its rows. */
export interface BackupFrame {
  version: number;
  account: Backup["account"];
  notify: Backup["notify"];
  circles: string[];
  /** Each list's length. */
  counts: Record<BackupList, number>;
}

const isList = (key: string): key is BackupList => (BACKUP_LISTS as readonly string[]).includes(key);

/** The first string (or field name) holding a NUL character, as a path below the row; null when there is none. */
function nulPath(root: unknown): Path | null {
  const pending: [unknown, Path][] = [[root, []]];
  while (pending.length > 0) {
    const [value, path] = pending.pop() as [unknown, Path];
    if (typeof value === "string") {
      if (value.includes("\u0000")) return path;
    } else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes("\u0000")) return [...path, key];
        pending.push([inner, [...path, Array.isArray(value) ? Number(key) : key]]);
      }
    }
  }
  return null;
}

const NUL_MESSAGE = "must not contain a NUL character (U+0000)";

/** Reads the backup's frame (everything but the lists' rows) in one pass over its text; lists are only counted. */
export async function readBackupFrame(open: () => AsyncIterable<string>): Promise<BackupFrame> {
  const values: Record<string, unknown> = {};
  const counts = Object.fromEntries(BACKUP_LISTS.map((k) => [k, 0])) as Record<BackupList, number>;
  const lists = new Set<string>();
  for await (const part of backupParts(open(), () => false)) {
    if (part.kind === "value") {
      const at = nulPath(part.value);
      if (at) throw fail([{ path: [part.key, ...at], message: NUL_MESSAGE }]);
      values[part.key] = part.value;
    } else if (part.kind === "list") {
      lists.add(part.key);
      if (isList(part.key)) counts[part.key] = part.length;
    }
  }
  // The lists' places hold a stand-in of their length (the webhooks' count is limited), so the frame is checked
  // as one parse of the whole document would check it: missing lists, unknown fields, the version.
  const shaped: Record<string, unknown> = { ...values };
  for (const key of lists) {
    // The two lists with a most number of rows: a stand-in of their length, so the frame's limit says so.
    const most = key === "webhooks" ? MAX_WEBHOOKS : key === "templates" ? MAX_TEMPLATE_ROWS : -1;
    shaped[key] = most < 0 ? [] : Array.from({ length: Math.min(counts[key as BackupList], most + 1) });
  }
  const frame = parseInput(frameSchema, upgrade(shaped));
  const { account, circles } = checkAccount(frame.account);
  const notify = frame.notify === null ? null : parseInput(z.object({ notify: notifySettingsSchema }), frame).notify;
  return { version: Number(values.version), account, notify, circles: [...circles], counts };
}

const ROW_SCHEMAS = {
  webhooks: backupWebhookSchema,
  companies: backupCompanySchema,
  contacts: backupContactSchema,
  interactions: backupInteractionSchema,
  relationships: backupRelationshipSchema,
  asks: backupAskSchema,
  followUps: backupFollowUpSchema,
  duplicateDismissals: backupDuplicateDismissalSchema,
  articles: backupArticleSchema,
  campaigns: backupCampaignSchema,
  campaignRecipients: backupCampaignRecipientSchema,
  templates: backupTemplateSchema,
  interviewQuestions: backupInterviewQuestionSchema,
  opportunities: backupOpportunitySchema,
  jobExpenses: backupJobExpenseSchema,
  mailboxMessages: backupMailboxMessageSchema,
  calendars: backupCalendarSchema,
  calendarEvents: backupCalendarEventSchema,
} as const;

/** A list's rows as a restore writes them. */
export interface CheckedRows {
  webhooks: ReturnType<typeof checkWebhook>;
  companies: ReturnType<typeof checkCompany>;
  contacts: ReturnType<typeof checkContact>;
  interactions: ReturnType<typeof checkInteraction>;
  relationships: ReturnType<typeof checkRelationship>;
  asks: ReturnType<typeof checkAsk>;
  followUps: ReturnType<typeof checkFollowUp>;
  duplicateDismissals: Backup["duplicateDismissals"][number];
  articles: ReturnType<typeof checkArticle>;
  campaigns: ReturnType<typeof checkCampaign>;
  campaignRecipients: ReturnType<typeof checkCampaignRecipient>;
  templates: ReturnType<typeof checkTemplate>;
  interviewQuestions: ReturnType<typeof checkInterviewQuestion>;
  opportunities: ReturnType<typeof checkOpportunity>;
  jobExpenses: ReturnType<typeof checkJobExpense>;
  mailboxMessages: ReturnType<typeof checkMailboxMessage>;
  calendars: ReturnType<typeof checkCalendar>;
  calendarEvents: ReturnType<typeof checkCalendarEvent>;
}

function checkRowValue<K extends BackupList>(
  key: K,
  input: unknown,
  frame: { version: number; circles: ReadonlySet<string> },
): CheckedRows[K] {
  const nul = nulPath(input);
  if (nul) throw new RowIssues([{ path: nul, message: NUL_MESSAGE }]);
  const value =
    key === "followUps" && frame.version === 1 && typeof input === "object" && input !== null
      ? { opportunityId: null, askId: null, ...input }
      : input;
  const result = ROW_SCHEMAS[key].safeParse(value);
  if (!result.success) {
    throw new RowIssues(
      result.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: i.message,
      })),
    );
  }
  const row = result.data as never;
  switch (key) {
    case "webhooks":
      return checkWebhook(row) as CheckedRows[K];
    case "companies":
      return checkCompany(row) as CheckedRows[K];
    case "contacts":
      return checkContact(row, frame.circles) as CheckedRows[K];
    case "interactions":
      return checkInteraction(row) as CheckedRows[K];
    case "relationships":
      return checkRelationship(row) as CheckedRows[K];
    case "asks":
      return checkAsk(row) as CheckedRows[K];
    case "followUps":
      return checkFollowUp(row) as CheckedRows[K];
    case "articles":
      return checkArticle(row) as CheckedRows[K];
    case "campaigns":
      return checkCampaign(row) as CheckedRows[K];
    case "campaignRecipients":
      return checkCampaignRecipient(row) as CheckedRows[K];
    case "templates":
      return checkTemplate(row) as CheckedRows[K];
    case "interviewQuestions":
      return checkInterviewQuestion(row) as CheckedRows[K];
    case "opportunities":
      return checkOpportunity(row) as CheckedRows[K];
    case "jobExpenses":
      return checkJobExpense(row) as CheckedRows[K];
    case "mailboxMessages":
      return checkMailboxMessage(row) as CheckedRows[K];
    case "calendars":
      return checkCalendar(row) as CheckedRows[K];
    case "calendarEvents":
      return checkCalendarEvent(row) as CheckedRows[K];
    default: {
      const d = row as Backup["duplicateDismissals"][number];
      if (d.contactRefs[0] === d.contactRefs[1]) {
        throw new RowIssues([{ path: ["contactRefs", 1], message: `names ${d.contactRefs[1]} twice` }]);
      }
      return d as CheckedRows[K];
    }
  }
}

/** One row of a backup's list, parsed and checked through the write schemas; a failure names its path in the backup. */
export function checkedRow<K extends BackupList>(
  part: { key: K; index: number; text: string },
  frame: { version: number; circles: ReadonlySet<string> },
): CheckedRows[K] {
  try {
    return checkRowValue(part.key, parseItem(part), frame);
  } catch (error) {
    if (!(error instanceof RowIssues)) throw error;
    throw fail(error.issues.map((i) => ({ path: [part.key, part.index, ...i.path], message: i.message })));
  }
}

/** An opportunity's refs: its company, its people, its interviews' people, its prep's questions and people. */
function opportunityReferences(o: CheckedRows["opportunities"], at: (rest: string) => string) {
  const refs: [BackupList, string, string][] = [];
  if (o.companyRef) refs.push(["companies", o.companyRef, at("companyRef")]);
  for (const [j, c] of o.contacts.entries()) refs.push(["contacts", c.contactRef, at(`contacts.${j}.contactRef`)]);
  for (const [j, i] of o.interviews.entries())
    for (const [k, r] of i.contactRefs.entries()) refs.push(["contacts", r, at(`interviews.${j}.contactRefs.${k}`)]);
  for (const [j, q] of (o.prep?.questions ?? []).entries())
    if (q.questionRef) refs.push(["interviewQuestions", q.questionRef, at(`prep.questions.${j}.questionRef`)]);
  for (const [j, p] of (o.prep?.peopleToMeet ?? []).entries())
    if (p.contactRef) refs.push(["contacts", p.contactRef, at(`prep.peopleToMeet.${j}.contactRef`)]);
  return refs;
}

/** The refs each row points at, with their paths in the backup, and the list that must hold them. */
function referencesOf(key: BackupList, row: CheckedRows[BackupList], index: number): [BackupList, string, string][] {
  const at = (rest: string) => `${key}.${index}.${rest}`;
  switch (key) {
    case "contacts": {
      const c = row as CheckedRows["contacts"];
      return c.companyRef ? [["companies", c.companyRef, at("companyRef")]] : [];
    }
    case "interactions":
      return (row as CheckedRows["interactions"]).contactRefs.map((r, j) => ["contacts", r, at(`contactRefs.${j}`)]);
    case "relationships": {
      const r = row as CheckedRows["relationships"];
      return [
        ["contacts", r.fromContactRef, at("fromContactRef")],
        ["contacts", r.toContactRef, at("toContactRef")],
      ];
    }
    case "asks": {
      const a = row as CheckedRows["asks"];
      const out: [BackupList, string, string][] = [["contacts", a.contactRef, at("contactRef")]];
      if (a.aboutCompanyRef) out.push(["companies", a.aboutCompanyRef, at("aboutCompanyRef")]);
      for (const [j, n] of a.names.entries()) {
        out.push(["contacts", n.contactRef, at(`names.${j}.contactRef`)]);
        if (n.relationshipRef) out.push(["relationships", n.relationshipRef, at(`names.${j}.relationshipRef`)]);
      }
      return out;
    }
    case "followUps": {
      const f = row as CheckedRows["followUps"];
      return [
        ["contacts", f.contactRef, at("contactRef")],
        ...(f.interactionRef
          ? [["interactions", f.interactionRef, at("interactionRef")] as [BackupList, string, string]]
          : []),
        ...(f.askRef ? [["asks", f.askRef, at("askRef")] as [BackupList, string, string]] : []),
        ...(f.opportunityRef
          ? [["opportunities", f.opportunityRef, at("opportunityRef")] as [BackupList, string, string]]
          : []),
      ];
    }
    case "opportunities":
      return opportunityReferences(row as CheckedRows["opportunities"], at);
    case "jobExpenses": {
      const e = row as CheckedRows["jobExpenses"];
      return e.opportunityRef ? [["opportunities", e.opportunityRef, at("opportunityRef")]] : [];
    }
    case "duplicateDismissals":
      return (row as CheckedRows["duplicateDismissals"]).contactRefs.map((r, j) => [
        "contacts",
        r,
        at(`contactRefs.${j}`),
      ]);
    case "campaigns": {
      const { companyRef } = (row as CheckedRows["campaigns"]).segment;
      return companyRef ? [["companies", companyRef, at("segment.companyRef")]] : [];
    }
    case "campaignRecipients": {
      const r = row as CheckedRows["campaignRecipients"];
      const refs: [BackupList, string, string][] = [
        ["campaigns", r.campaignRef, at("campaignRef")],
        ["contacts", r.contactRef, at("contactRef")],
      ];
      return r.interactionRef ? [...refs, ["interactions", r.interactionRef, at("interactionRef")]] : refs;
    }
    case "mailboxMessages": {
      const { interactionRef } = row as CheckedRows["mailboxMessages"];
      return interactionRef ? [["interactions", interactionRef, at("interactionRef")]] : [];
    }
    case "calendarEvents": {
      const e = row as CheckedRows["calendarEvents"];
      const refs: [BackupList, string, string][] = [["calendars", e.calendarRef, at("calendarRef")]];
      return e.interactionRef ? [...refs, ["interactions", e.interactionRef, at("interactionRef")]] : refs;
    }
    default:
      return [];
  }
}

const dangling = (list: string, ref: string, path: string) =>
  invalid(path, `refers to ${ref}, which is not in the backup's ${list}`);

/**
 * Checks a whole backup read as a stream (`open` gives its text from the start, a chunk at a time, as often as
 * asked), holding one row at a time and the refs: the frame first (format, version, account, digest schedule),
 * then every row through the write schemas, then that every ref a row names is in the backup. When the lists come
 * in the order a backup is written (companies before the contacts that name them…), the refs are checked in the
 * same pass; otherwise in a third pass that reads only the refs. Throws the first problem, naming its path in the
 * backup (`contacts.3.emails.0.address`). Turns of the event loop every CHECK_SLICE rows, and calls `onSlice`
 * then (a job renews its lease there, or stops).
 */
export async function checkBackup(
  open: () => AsyncIterable<string>,
  opts: { onSlice?: () => Promise<void> } = {},
): Promise<BackupFrame> {
  const frame = await readBackupFrame(open);
  const ctx = { version: frame.version, circles: new Set(frame.circles) };
  const refs = Object.fromEntries(BACKUP_LISTS.map((k) => [k, new Set<string>()])) as Record<BackupList, Set<string>>;
  const ended = new Set<string>();
  /** A default has at most one copy per account. */
  const copiedDefaults = new Set<string>();
  const keepRecipient = recipientKeeper();
  const keepLedgerKey = ledgerKeeper();
  let later = false;
  let rows = 0;
  const check = async (parts: AsyncIterable<BackupPart>, resolveOnly: boolean) => {
    for await (const part of parts) {
      if (part.kind === "list") ended.add(part.key);
      if (part.kind !== "item" || !isList(part.key)) continue;
      const row = checkedRow({ ...part, key: part.key }, ctx);
      if (!resolveOnly && part.key === "templates") {
        const { defaultId } = row as CheckedRows["templates"];
        if (defaultId !== null && copiedDefaults.has(defaultId)) {
          throw invalid(`templates.${part.index}.defaultId`, `${defaultId} has an earlier copy`);
        }
        if (defaultId !== null) copiedDefaults.add(defaultId);
      }
      if (!resolveOnly && part.key === "campaignRecipients") {
        keepRecipient(row as CheckedRows["campaignRecipients"], part.index);
      }
      if (!resolveOnly) keepLedgerKey(part.key, row, part.index);
      if (!resolveOnly && "ref" in row) {
        const own = refs[part.key];
        if (own.has(row.ref)) throw invalid(`${part.key}.${part.index}.ref`, `${row.ref} is used by an earlier row`);
        own.add(row.ref);
      }
      for (const [list, ref, path] of referencesOf(part.key, row, part.index)) {
        if (resolveOnly || ended.has(list)) {
          if (!refs[list].has(ref)) throw dangling(list, ref, path);
        } else later = true;
      }
      rows += 1;
      if (rows % CHECK_SLICE === 0) {
        await yieldToLoop();
        await opts.onSlice?.();
      }
    }
  };
  await check(backupParts(open()), false);
  if (later) {
    const refLists = new Set<string>([
      "contacts",
      "interactions",
      "relationships",
      "asks",
      "followUps",
      "duplicateDismissals",
      "campaigns",
      "campaignRecipients",
      "opportunities",
      "jobExpenses",
      "mailboxMessages",
      "calendarEvents",
    ]);
    await check(
      backupParts(open(), (k) => refLists.has(k)),
      true,
    );
  }
  return frame;
}

/** A backup's text in chunks, for a backup already in memory (the CLI in-process, tests). */
export async function* textChunks(text: string, size = 1 << 20): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
