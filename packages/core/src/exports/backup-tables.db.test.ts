import { DIALECTS, ownTables, useTestDatabase } from "@kith/store/testing";
import { describe, expect, it } from "vitest";

/**
 * Every table of the store, and whether a backup holds what is in it. A new table fails this test until someone
 * decides: either the backup (backup-schema.ts, backup-service.ts, restore-service.ts) carries it, or the reason it
 * need not is written here.
 */
const DECISIONS: Record<string, string> = {
  // In the backup.
  account: "backed up: name, time zone, country and settings (circles, cadences, caps, goals, holidays, mutes)",
  company: "backed up: companies",
  contact: "backed up: every field a person typed or an action set (notes, snoozes, moved-on state, archive)",
  interaction: "backed up: interactions",
  interaction_contact: "backed up: an interaction's contactRefs",
  follow_up: "backed up: follow-ups with their interaction, opportunity and ask links and a stage rule's draft slot",
  notify_setting: "backed up: the digest schedule (`notify`)",
  webhook: "backed up: webhooks with their secrets (in an owner's backup)",
  contact_photo: "backed up: a contact's photo, base64 in the contact (`photo`)",
  duplicate_dismissal: "backed up: pairs dismissed as not the same person (`duplicateDismissals`)",
  article: "backed up: saved articles with what their fetch found (`articles`); the fetch job's lease is not",
  message_template: "backed up: own templates and edited or hidden defaults (`templates`)",
  campaign: "backed up: campaigns with their segment and template (`campaigns`); who was sending it is not",
  campaign_recipient:
    "backed up: each person's message and its status (`campaignRecipients`); a lease is not, and a row being sent " +
    "comes back `unknown` (check the Sent folder)",
  relationship: "backed up: relationships between contacts (`relationships`)",
  ask: "backed up: asks (`asks`), with their follow-ups named by `askRef`",
  ask_name: "backed up: an ask's names received, in the ask (`asks[].names`)",
  opportunity: "backed up: opportunities (`opportunities`), with a follow-up's link as its `opportunityRef`",
  opportunity_stage_change: "backed up: an opportunity's `stageHistory`",
  opportunity_contact: "backed up: an opportunity's `contacts` with their roles",
  interview: "backed up: an opportunity's `interviews`",
  interview_prep: "backed up: an opportunity's `prep`",
  opportunity_comment: "backed up: an opportunity's `comments` (authors by name)",
  interview_question: "backed up: the question bank (`interviewQuestions`)",
  job_expense: "backed up: job-search expenses (`jobExpenses`)",
  // Derived from what is backed up, and rebuilt by the restore.
  article_match:
    "derived: whom Kith suggests an article to on Today by itself, worked out from the articles and contacts when " +
    "an article is saved or fetched; not carried, and a restore does not work it out again, so a restored account " +
    "starts with no article items (nothing already shared is suggested again); a new article is matched as ever",
  contact_tag: "derived: one row per contact tag, written with the contact",
  contact_search_fts: "derived: the SQLite search index, written with the contact",
  contact_fts_map: "derived: the SQLite search index's row map",
  contact_search_account: "derived: the SQLite search index's number for each account",
  // Not the account's data.
  user: "auth: people sign in on the server they use, not in a file",
  session: "auth: sessions",
  auth_account: "auth: passwords (hashed)",
  verification: "auth: e-mail verification tokens",
  membership: "auth: who may use the account; the restoring owner is its member",
  invitation: "auth: pending invitations are links sent to people; the restoring owner invites again",
  member_scope:
    "auth: a coach's scope belongs to their membership, which a backup does not carry; the owner shares again",
  member_access_day: "auth: the access log of a share, about people rather than the account's network",
  api_token: "credential: tokens are made again on the new server",
  calendar_feed: "credential: a member's secret feed address, made again by the member",
  member_smtp:
    "credential: a member's own SMTP account, its password sealed with this server's key (another server could not " +
    "open it); the member sets it again on the new server",
  mailbox:
    "credential: a member's own IMAP mailbox, its password sealed with this server's key (another server could not " +
    "open it); the member connects it again on the new server",
  mailbox_folder: "ledger: where each synced folder's reading stopped (UIDVALIDITY, last UID)",
  mailbox_message:
    "backed up: the mailbox's Message-ID ledger with each message's interaction (`mailboxMessages`), so a mailbox " +
    "connected again after a restore logs nothing twice; a stored body is not (one member's mail, and any member " +
    "may download a backup)",
  mailbox_message_reader: "backed up: the members whose mailboxes held each message, by address (`readers`)",
  mailbox_correspondent_message:
    "not backed up: a member's unknown correspondents (suggestions), about strangers and the member's own; after a " +
    "restore, suggestions build up again from new mail only (the ledger keeps the old messages from being read again)",
  mailbox_dismissal: "not backed up: a member's dismissed suggestions, which start again with the suggestions",
  rate_limit: "throttle counters of the sign-in",
  delivery: "ledger: which digests went out; a restored account starts its own",
  digest_record: "ledger: the items of a sent digest, for replies to that mail",
  reply_answer: "ledger: answers written to digest replies",
  import_job: "ledger: an import's progress and outcomes; what it made is in the contacts",
  import_job_chunk: "ledger: an import's committed chunks",
  import_job_file: "ledger: a running import's file",
  message_send: "ledger: which messages went out through a member's SMTP; each sent one is an interaction",
  restore_job: "ledger: a restore's progress; what it wrote is the backup's rows",
  restore_job_file: "ledger: a running restore's uploaded backup",
  contact_merge: "ledger: a merge's undo record, in ids the restore does not keep; the merged contact is backed up",
  calendar_source:
    "backed up: the account's calendars by name, kind and masked address (`calendars`); never a subscription's " +
    "address (sealed with this server's key; it may hold the feed's token) nor the sync state: a restored " +
    "subscription says to subscribe again",
  calendar_event: "backed up: the calendar ledger, UID and RECURRENCE-ID → interaction (`calendarEvents`)",
  calendar_attendee:
    "derived: unknown meeting attendees kept for suggestions; the next read of the calendar finds them again",
  kysely_migration: "the schema's version",
  kysely_migration_lock: "the migrator's lock",
};

/** FTS5's shadow tables belong to the search index. */
const tableOf = (name: string) =>
  /^contact_search_fts_(data|idx|content|docsize|config)$/.test(name) ? "contact_search_fts" : name;

describe.each(DIALECTS)("what a backup holds, table by table, on %s", (dialect) => {
  const db = useTestDatabase(dialect);

  it("has a decision for every table of the store", async () => {
    const tables = await ownTables(db, { withKyselyTables: true });
    const names = [...new Set(tables.map(tableOf))].sort();
    const undecided = names.filter((name) => !DECISIONS[name]);
    expect(undecided, "tables with no backup decision: add one to DECISIONS").toEqual([]);
    const sqliteOnly = new Set(["contact_search_fts", "contact_fts_map", "contact_search_account"]);
    const expected = Object.keys(DECISIONS).filter((name) => dialect === "sqlite" || !sqliteOnly.has(name));
    const gone = expected.filter((name) => !names.includes(name));
    expect(gone, "decisions about tables that no longer exist").toEqual([]);
  });
});
