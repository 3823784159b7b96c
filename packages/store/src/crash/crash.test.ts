import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  createAccountForUser,
  createContact,
  type Deps,
  exportBackup,
  logInteraction,
  RESTORE_STEPS,
  rebuildDueState,
  restoreBackup,
  startImport,
  startRestore,
} from "@kith/core";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { migrate, type OpenDatabase } from "../database.ts";
import {
  MIGRATION_NAMES,
  postgresSnapshotSql,
  RELEASES,
  sqliteSnapshotOf,
} from "../migrations/snapshots/snapshot-files.ts";
import type { Database } from "../schema.ts";
import {
  crashRounds,
  crashStopwatch,
  crashTimeout,
  crashTimings,
  insertTestUser,
  runCrashChild,
  TEST_PG_URL,
  underSchemaLock,
  useTempDir,
} from "../testing/index.ts";
import { type CrashScenario, depsFor, latestRestore, openFor, ownerOf, restoreBackupFile } from "./crash-child.ts";

/**
 * The standing crash suite (docs/RELIABILITY.md): a child process doing real work (an import, merges, the
 * migrations from a released schema) is killed with SIGKILL at a random moment, again and again, on SQLite and on
 * PostgreSQL. After every kill the database passes its integrity check and no batch is half-applied (each
 * scenario's invariant); after the last, a run left alone completes the work exactly once.
 * `KITH_CRASH_KILLS` sets the kills per scenario and engine (CI: 5; the issue's full size is 200).
 */
const KILLS = Number(process.env.KITH_CRASH_KILLS ?? 5);
const ROWS = 1500;
const PAIRS = 120;
const child = path.join(path.dirname(new URL(import.meta.url).pathname), "crash-child.ts");
const FIRST_RELEASE = RELEASES[0] as string;

/**
 * Runs the child; kills it `afterMs` after it says it is working (or lets it finish when null), or, with `killWhen`,
 * that long after the work reached the stage it waits for.
 */
function runChild(
  scenario: CrashScenario,
  location: string,
  offsetMs: number,
  afterMs: number | null,
  killWhen?: () => Promise<boolean>,
): Promise<"killed" | "done"> {
  const name = `${scenario} child`;
  return runCrashChild({
    child,
    args: [scenario, location],
    clockOffsetMs: offsetMs,
    killAfterMs: afterMs,
    name,
    ...(killWhen ? { killWhen } : {}),
  });
}

/** The steps of a restore that write rows (each kill of the restore scenario aims at one of them, then waits a little). */
const WRITING_STEPS = RESTORE_STEPS.slice(RESTORE_STEPS.indexOf("companies"), RESTORE_STEPS.indexOf("finish"));

/**
 * The i-th kill of a restore waits until its job is at a step of the i-th part of the writing steps (a random one of
 * that part), then a random moment (inside a batch, or between two): so the kills spread over every step however
 * slow the machine (a restore resumes where the last kill left it). With a kill timed from the child's start
 * only, a loaded machine killed every run before its first contacts batch, and no later step was ever cut.
 */
function restoreKillAt(open: OpenDatabase, i: number): () => Promise<boolean> {
  const part = WRITING_STEPS.length / KILLS;
  const target =
    WRITING_STEPS[Math.min(WRITING_STEPS.length - 1, Math.floor((i + Math.random()) * part))] ?? "companies";
  return async () => {
    const job = await latestRestore(open, (await ownerOf(depsFor(open, 0, "watch"))).accountId);
    if (!job || job.status === "committed") return true;
    const at = RESTORE_STEPS.indexOf(job.step as (typeof RESTORE_STEPS)[number]);
    return at >= RESTORE_STEPS.indexOf(target) || job.step === "undo";
  };
}

/**
 * The restore scenario's backup: a few thousand rows of every list a restore writes in its own step (companies,
 * contacts, an interaction each, relationships, asks with their names, follow-ups of asks and of opportunities,
 * articles, campaigns and their recipients, the interview question bank, opportunities with their contacts, stage
 * history, interviews and prep, expenses, the mailbox ledger with its readers, calendars and their ledger), each
 * list of more than one batch where it can be, so kills land between
 * and inside those steps.
 */
const RESTORED = {
  companies: 5,
  contacts: 1500,
  relationships: 300,
  asks: 250,
  followUps: 150,
  articles: 220,
  campaigns: 3,
  campaignRecipients: 450,
  interviewQuestions: 210,
  opportunities: 250,
  jobExpenses: 300,
  mailboxMessages: 450,
  calendars: 3,
  calendarEvents: 450,
};
/** The rows each ask and each opportunity brings into its other tables (written in the same batch as it). */
const PER_ASK = { ask_name: 2 };
const PER_MESSAGE = { mailbox_message_reader: 2 };
const PER_OPPORTUNITY = { opportunity_contact: 2, opportunity_stage_change: 2, interview: 1, interview_prep: 1 };

function generatedBackup(): string {
  const at = "2026-01-05T10:00:00.000Z";
  const hoursBefore = (i: number) => new Date(Date.parse(at) - i * 3_600_000).toISOString();
  const contacts = Array.from({ length: RESTORED.contacts }, (_, i) => ({
    ...{ ref: `contact-${i}`, firstName: `Zoë ${i}`, lastName: "Ñúñez", emails: [{ address: `z${i}@example.com` }] },
    ...{ phones: [], links: [], companyRef: `company-${i % RESTORED.companies}`, title: "", tags: ["crash"] },
    ...{ interests: [], howWeMet: "", notes: "", birthday: null, circle: "network", timeZone: null, muted: false },
    ...{ cadenceOverride: null, snoozedUntilOn: null, movedOnAt: null, moveOnNote: null, circleBeforeMoveOn: null },
    ...{ archivedAt: null, createdAt: at, updatedAt: at },
  }));
  return JSON.stringify({
    format: "kith-backup",
    version: 2,
    account: { name: "Restored", timeZone: "Europe/Paris", country: "FR", settings: {} },
    notify: null,
    webhooks: [],
    companies: Array.from({ length: RESTORED.companies }, (_, i) => ({
      ...{ ref: `company-${i}`, name: `Company ${i}`, domain: null, target: false, notes: "" },
      ...{ createdAt: at, updatedAt: at },
    })),
    contacts,
    interactions: contacts.map((c, i) => ({
      ...{ ref: `interaction-${i}`, contactRefs: [c.ref], kind: "email", direction: "outbound" },
      ...{ occurredAt: hoursBefore(i), summary: `hello ${i}` },
      ...{ meaningful: true, awaitsReply: false, source: "manual", createdAt: at, updatedAt: at },
    })),
    relationships: Array.from({ length: RESTORED.relationships }, (_, i) => ({
      ...{ ref: `relationship-${i}`, fromContactRef: `contact-${i}`, toContactRef: `contact-${i + 1}` },
      ...{ kind: i % 2 ? "colleague" : "knows", how: `met at café ${i} ☕`, strength: 1 + (i % 5), sinceOn: null },
      ...{ createdAt: at, updatedAt: at },
    })),
    asks: Array.from({ length: RESTORED.asks }, (_, i) => ({
      ...{ ref: `ask-${i}`, contactRef: `contact-${i}`, aboutKind: "company", aboutText: "" },
      ...{ aboutCompanyRef: `company-${i % RESTORED.companies}`, note: "", status: "named" },
      ...{ askedAt: hoursBefore(i), statusChangedAt: hoursBefore(i), createdAt: at, updatedAt: at },
      names: [1, 2].map((k) => ({
        contactRef: `contact-${1000 + ((i * 2 + k) % 500)}`,
        relationshipRef: null,
        receivedAt: at,
      })),
    })),
    followUps: contacts.slice(0, RESTORED.followUps).map((c, i) => ({
      ...{ ref: `follow-up-${i}`, contactRef: c.ref, interactionRef: `interaction-${i}`, opportunityId: null },
      ...{ dueOn: "2026-02-01", title: `Call ${i}`, notes: "", status: "open", snoozedUntilOn: null },
      ...{ completedAt: null, createdAt: at, updatedAt: at },
      // A third plain, a third an ask's nudge, a third an opportunity's.
      ...(i % 3 === 1 ? { askId: null, askRef: `ask-${i}`, askStep: "nudge" } : { askId: null }),
      ...(i % 3 === 2 ? { opportunityRef: `opportunity-${i}` } : {}),
    })),
    duplicateDismissals: [{ contactRefs: ["contact-1", "contact-2"] }],
    articles: Array.from({ length: RESTORED.articles }, (_, i) => ({
      ...{ ref: `article-${i}`, url: `https://example.com/post/${i}`, note: "", tags: ["crash"], status: "fetched" },
      ...{ failure: null, title: `Über ${i}`, description: null, text: "Hiring in Lyon", topics: ["hiring"] },
      ...{ savedAt: at, fetchedAt: at },
    })),
    campaigns: Array.from({ length: RESTORED.campaigns }, (_, i) => ({
      ...{ ref: `campaign-${i}`, name: `New year ${i} 🎉`, mode: "email", template: "default:holiday" },
      occasion: { kind: "new-year", name: "New year", holidayId: null },
      segment: { companyRef: `company-${i}`, includeArchived: false, includeMovedOn: false },
      ...{ myUpdate: "", status: "draft", createdAt: at, updatedAt: at },
    })),
    campaignRecipients: Array.from({ length: RESTORED.campaignRecipients }, (_, i) => ({
      ...{ campaignRef: `campaign-${i % RESTORED.campaigns}`, contactRef: `contact-${i}` },
      ...{ position: Math.floor(i / RESTORED.campaigns), displayName: `Zoë ${i} Ñúñez`, email: `z${i}@example.com` },
      ...{ personalLine: "", subject: "Happy new year", body: `Hi Zoë ${i},\n\nHappy new year!`, bodyEdited: false },
      ...{ status: "pending", reason: "", sendKey: null, interactionRef: null, sentAt: null },
    })),
    interviewQuestions: Array.from({ length: RESTORED.interviewQuestions }, (_, i) => ({
      ...{ ref: `question-${i}`, question: `Why us? (${i})`, answer: "Because", tags: ["behavioural"] },
      ...{ createdAt: at, updatedAt: at },
    })),
    opportunities: Array.from({ length: RESTORED.opportunities }, (_, i) => ({
      ...{ ref: `opportunity-${i}`, companyRef: `company-${i % RESTORED.companies}`, title: `Engineer ${i}` },
      ...{ link: null, source: null, salaryMin: null, salaryMax: null, salaryCurrency: null, location: "Lyon" },
      ...{ remote: false, notes: "", stage: "applied", stageOn: "2026-01-04", createdAt: at, updatedAt: at },
      contacts: [
        { contactRef: `contact-${i}`, role: "recruiter", addedAt: at },
        { contactRef: `contact-${i + 1}`, role: "interviewer", addedAt: at },
      ],
      stageHistory: [
        { stage: "interested", fromStage: null, changedOn: "2026-01-02", changedAt: at },
        { stage: "applied", fromStage: "interested", changedOn: "2026-01-04", changedAt: at },
      ],
      interviews: [
        {
          ...{ startsAt: "2026-01-20T09:00:00.000Z", timeZone: "Europe/Paris", kind: "video" },
          ...{ contactRefs: [`contact-${i + 1}`], notes: "", heldAt: null },
        },
      ],
      prep: {
        researchNotes: "Série B",
        questions: [{ question: "Why us?", answer: "", questionRef: `question-${i % RESTORED.interviewQuestions}` }],
        peopleToMeet: [{ name: `Zoë ${i + 1}`, contactRef: `contact-${i + 1}`, note: "" }],
        updatedAt: at,
      },
    })),
    jobExpenses: Array.from({ length: RESTORED.jobExpenses }, (_, i) => ({
      ...{ ref: `expense-${i}`, spentOn: "2026-01-03", amountMinor: 100 + i, currency: "EUR", category: "travel" },
      ...{ note: "", opportunityRef: i % 2 ? `opportunity-${i % RESTORED.opportunities}` : null, createdAt: at },
    })),
    mailboxMessages: Array.from({ length: RESTORED.mailboxMessages }, (_, i) => ({
      ...{ messageId: `m${String(i).padStart(4, "0")}@mail.example`, interactionRef: `interaction-${i}` },
      ...{ occurredAt: hoursBefore(i), createdAt: at, readers: ["crash@example.test", "zoë@example.com"] },
    })),
    calendars: Array.from({ length: RESTORED.calendars }, (_, i) => ({
      ...{ ref: `calendar-${i}`, kind: i === 0 ? "file" : "subscription", name: `Calendar ${i}` },
      ...{ maskedUrl: i === 0 ? null : `https://cal${i}.example/…/basic.ics`, createdAt: at },
    })),
    calendarEvents: Array.from({ length: RESTORED.calendarEvents }, (_, i) => ({
      ...{ calendarRef: `calendar-${i % RESTORED.calendars}`, uid: `event-${i}@cal.example`, recurrenceId: "" },
      interactionRef: i % 5 ? `interaction-${i + 500}` : null,
    })),
  });
}

const oneChunk = (text: string) =>
  (async function* () {
    yield text;
  })();

const csv = () =>
  ["First Name,Last Name,Email", ...Array.from({ length: ROWS }, (_, i) => `Ana ${i},Ñúñez,ana.${i}@example.com`)].join(
    "\n",
  );

async function seedAccount(open: OpenDatabase, deps: Deps) {
  await insertTestUser(open, { id: "crash-user", email: "crash@example.test", name: "Crash" });
  await deps.store.transaction((tx) => createAccountForUser(deps, tx, { id: "crash-user", name: "Crash" }, {}));
  return ownerOf(deps);
}

async function seed(scenario: CrashScenario, open: OpenDatabase, locked: <T>(fn: () => Promise<T>) => Promise<T>) {
  if (scenario === "migrate") return;
  await locked(() => migrate(open));
  const deps = depsFor(open, 0, "seed");
  const owner = await seedAccount(open, deps);
  if (scenario === "import") {
    await startImport(deps, owner, { content: csv(), fileName: "people.csv", format: "csv" });
    return;
  }
  if (scenario === "restore") {
    const text = generatedBackup();
    writeFileSync(restoreBackupFile(), text);
    await startRestore(deps, owner, oneChunk(text));
    return;
  }
  let n = 0;
  const fixed = {
    newId: () => {
      n += 1;
      return `id-${n}`;
    },
  };
  for (let i = 0; i < PAIRS; i += 1) {
    const id = String(i).padStart(4, "0");
    const keep = await createContact({ ...deps, ids: { newId: () => `keep-${id}` } }, owner, {
      firstName: `Zoë ${id}`,
    });
    const gone = await createContact({ ...deps, ids: { newId: () => `gone-${id}` } }, owner, {
      firstName: `Zoe ${id}`,
    });
    for (const who of [keep.id, gone.id]) {
      await logInteraction({ ...deps, ids: fixed }, owner, {
        contactIds: [who],
        kind: "call",
        direction: "mutual",
        occurredAt: new Date(Date.parse("2026-06-01T10:00:00Z") + i * 3_600_000).toISOString(),
      });
    }
  }
}

const count = async (open: OpenDatabase, table: keyof Database) =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(open.db)).rows[0]?.n);

async function derived(open: OpenDatabase) {
  const rows = await open.db
    .selectFrom("contact")
    .select(["id", "touch_count", "last_touch_at", "next_due_on", "due_item"])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, touch_count: Number(r.touch_count) }));
}

/** What must hold after any kill: the scenario's work is whole up to some point, never half of a batch. */
async function checkInvariant(scenario: CrashScenario, open: OpenDatabase, final: boolean) {
  if (scenario === "migrate") {
    const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(open.db);
    // All of a run's migrations, or none of them: never some applied and the rest waiting on a half-made table.
    const released = MIGRATION_NAMES.indexOf(FIRST_RELEASE) + 1;
    expect([released, MIGRATION_NAMES.length]).toContain(names.rows.length);
    if (final) {
      await (open.dialect === "postgres" ? underSchemaLock(() => migrate(open)) : migrate(open)); // nothing left: no error
      expect(await count(open, "contact")).toBeGreaterThan(0);
    }
    return;
  }
  const deps = depsFor(open, 0, "check");
  const owner = await ownerOf(deps);
  if (scenario === "import") {
    const [job] = await deps.store.importJobs.listJobs(owner.accountId, 1);
    const contacts = await count(open, "contact");
    // The job's ledger and the rows it wrote move together: a chunk is committed whole or not at all.
    expect(contacts).toBe(job?.created ?? -1);
    if (final) {
      expect(job?.status).toBe("committed");
      expect(contacts).toBe(ROWS);
      const emails = await open.db.selectFrom("contact").select("emails").execute();
      expect(new Set(emails.map((e) => e.emails)).size).toBe(ROWS);
    }
    return;
  }
  if (scenario === "restore") return checkRestore(open, deps, owner, final);
  // merge: each pair is two contacts or one (the kept one), with all of its history.
  const ids = new Set((await open.db.selectFrom("contact").select("id").execute()).map((r) => r.id));
  for (let i = 0; i < PAIRS; i += 1) expect(ids.has(`keep-${String(i).padStart(4, "0")}`)).toBe(true);
  expect(await count(open, "interaction")).toBe(PAIRS * 2);
  expect(await count(open, "interaction_contact")).toBe(PAIRS * 2);
  const stored = await derived(open);
  await rebuildDueState(deps, owner);
  expect(await derived(open)).toEqual(stored);
  if (final) expect(ids.size).toBe(PAIRS);
}

/**
 * The restore: each list's rows are all written, none, or exactly as many as the job's point says (a batch and the
 * job's move past it commit together). At the end the account equals one restored without a kill.
 */
async function checkRestore(
  open: OpenDatabase,
  deps: Deps,
  owner: Awaited<ReturnType<typeof ownerOf>>,
  final: boolean,
) {
  const job = await latestRestore(open, owner.accountId);
  const step = RESTORE_STEPS.indexOf((job?.step ?? "account") as (typeof RESTORE_STEPS)[number]);
  const written = (list: (typeof RESTORE_STEPS)[number], total: number) => {
    const at = RESTORE_STEPS.indexOf(list);
    return job?.status === "committed" || step > at ? total : step === at ? Number(job?.step_index) : 0;
  };
  // A restore given up and being undone (kills before any batch, again and again) holds whatever it has not yet
  // taken out: only its end is checked.
  if (job?.step !== "undo" && job?.status !== "failed") {
    expect(await count(open, "company")).toBe(written("companies", RESTORED.companies));
    expect(await count(open, "contact")).toBe(written("contacts", RESTORED.contacts));
    expect(await count(open, "interaction")).toBe(written("interactions", RESTORED.contacts));
    expect(await count(open, "follow_up")).toBe(written("followUps", RESTORED.followUps));
    const lists = {
      relationship: written("relationships", RESTORED.relationships),
      ask: written("asks", RESTORED.asks),
      ask_name: written("asks", RESTORED.asks) * PER_ASK.ask_name,
      article: written("articles", RESTORED.articles),
      campaign: written("campaigns", RESTORED.campaigns),
      campaign_recipient: written("campaignRecipients", RESTORED.campaignRecipients),
      interview_question: written("interviewQuestions", RESTORED.interviewQuestions),
      opportunity: written("opportunities", RESTORED.opportunities),
      ...Object.fromEntries(
        Object.entries(PER_OPPORTUNITY).map(([table, n]) => [
          table,
          written("opportunities", RESTORED.opportunities) * n,
        ]),
      ),
      job_expense: written("jobExpenses", RESTORED.jobExpenses),
      mailbox_message: written("mailboxMessages", RESTORED.mailboxMessages),
      mailbox_message_reader: written("mailboxMessages", RESTORED.mailboxMessages) * PER_MESSAGE.mailbox_message_reader,
      calendar_source: written("calendars", RESTORED.calendars),
      calendar_event: written("calendarEvents", RESTORED.calendarEvents),
    };
    const counted: Record<string, number> = {};
    for (const table of Object.keys(lists)) counted[table] = await count(open, table as keyof Database);
    expect(counted).toEqual(lists);
  }
  if (!final) return;
  expect(job?.status).toBe("committed");
  // The same backup restored without a kill, into another account of the same database.
  await insertTestUser(open, { id: "plain-user", email: "plain@example.test", name: "Plain" });
  await deps.store.transaction((tx) => createAccountForUser(deps, tx, { id: "plain-user", name: "Plain" }, {}));
  const [m] = await deps.store.memberships.listForUser("plain-user");
  const plain = { userId: "plain-user", accountId: m?.accountId ?? "", role: "owner" as const };
  await restoreBackup(deps, plain, JSON.parse(generatedBackup()));
  expect(await exportBackup(deps, owner)).toEqual(await exportBackup(deps, plain));
}

async function integrity(open: OpenDatabase, location: string) {
  if (open.dialect !== "sqlite") return;
  const db = new SQLite(path.join(location, "kith.db"), { readonly: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  } finally {
    db.close();
  }
}

describe.each(["sqlite", "postgres"] as const)("work killed at random moments on %s", (dialect) => {
  const tmp = useTempDir("kith-crash-");
  // The restore scenario's backup file, read by the child when it restores the file again.
  beforeEach(() => {
    process.env.KITH_CRASH_BACKUP_FILE = path.join(tmp.path, "backup.json");
  });

  it.each(["import", "merge", "migrate", "restore"] as const)(
    `%s: ${KILLS} kills, then it completes`,
    // 15 minutes, or 15 s a kill at the full size, or KITH_CRASH_TIMEOUT_MS.
    { timeout: crashTimeout(KILLS, 900_000) },
    async (scenario) => {
      let location: string;
      let dropSchema: (() => Promise<void>) | null = null;
      /** Migrate: the database as the first release left it, again (each run that finishes used it up). */
      let release: () => Promise<void> = async () => {};
      /** Another scenario: its database empty again, before it is seeded again. */
      let empty: () => Promise<void> = async () => {};
      let round = 1;
      if (dialect === "sqlite") {
        location = path.join(tmp.path, "data");
        mkdirSync(location, { recursive: true });
        let copies = 0;
        // A fresh folder for each copy: nothing of the run before (its -wal or -shm) is in the way.
        release = async () => {
          copies += 1;
          location = path.join(tmp.path, `release-${copies}`);
          mkdirSync(location, { recursive: true });
          copyFileSync(sqliteSnapshotOf(FIRST_RELEASE), path.join(location, "kith.db"));
        };
        empty = async () => {
          location = path.join(tmp.path, `round-${round}`);
          mkdirSync(location, { recursive: true });
        };
      } else {
        const schema = `c_${randomBytes(6).toString("hex")}`;
        location = `pg:${schema}`;
        const admin = new pg.Client({ connectionString: TEST_PG_URL });
        await admin.connect();
        const dump = postgresSnapshotSql(FIRST_RELEASE, schema);
        release = () =>
          underSchemaLock(async () => {
            await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
            await admin.query(dump);
          });
        empty = () =>
          underSchemaLock(async () => {
            await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
            await admin.query(`CREATE SCHEMA ${schema}`);
          });
        if (scenario !== "migrate") await underSchemaLock(() => admin.query(`CREATE SCHEMA ${schema}`));
        dropSchema = async () => {
          await underSchemaLock(() => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
          await admin.end();
        };
      }
      const seedHere = async () => {
        const seeding = openFor(location);
        try {
          await seed(scenario, seeding, dialect === "postgres" ? underSchemaLock : (fn) => fn());
        } finally {
          await seeding.close();
        }
      };
      /** The work completed before the kills were all spent: the next round starts on a fresh database. */
      const nextRound = async () => {
        round += 1;
        if (scenario === "migrate") return release();
        await empty();
        await seedHere();
      };
      /** What holds when the work is done: checked after the last run, and after any run that completed a round. */
      const checkDone = async () => {
        const open = openFor(location);
        try {
          await integrity(open, location);
          await checkInvariant(scenario, open, true);
        } finally {
          await open.close();
        }
      };
      if (scenario === "migrate") await release();
      try {
        await seedHere();

        // Each restart's clock is two minutes later: the leases of the killed one have lapsed.
        const offset = (i: number) => i * 120_000;
        /** Where each kill left a restore (its step and the rows of it written), printed for the record. */
        const killedAt: string[] = [];
        let checkMs = 0;
        crashTimings();
        const stopwatch = crashStopwatch();
        // Migrations take tens of milliseconds: kill them sooner.
        const within = scenario === "migrate" ? 60 : scenario === "restore" ? 1500 : 400;
        // Until KILLS kills have landed (or three times as many runs): a run that completes the work ends its round,
        // checked as the last run is, and the next round starts on a fresh database, so a small scenario (120
        // merges are done after a few kills) takes its KILLS kills too.
        const { kills, runs, rounds } = await crashRounds({
          kills: KILLS,
          run: async ({ inRound, kills }, cut) => {
            if (!cut) return runChild(scenario, location, offset(inRound), null);
            const watch = scenario === "restore" ? openFor(location) : null;
            return runChild(
              scenario,
              location,
              offset(inRound),
              Math.floor(Math.random() * within),
              watch ? restoreKillAt(watch, kills) : undefined,
            ).finally(() => watch?.close());
          },
          check: async (outcome) => {
            const open = openFor(location);
            const checking = performance.now();
            try {
              await integrity(open, location);
              await checkInvariant(scenario, open, false);
              if (scenario === "restore" && outcome === "killed") {
                const job = await latestRestore(open, (await ownerOf(depsFor(open, 0, "check"))).accountId);
                killedAt.push(`${job?.step ?? "-"}:${job?.step_index ?? 0}`);
              }
            } finally {
              await open.close();
              checkMs += performance.now() - checking;
            }
          },
          endRound: checkDone,
          nextRound,
        });
        console.info(
          `${scenario} on ${dialect}: ${kills} kills in ${runs} runs, ${rounds} rounds${scenario === "restore" ? `, at ${killedAt.join(", ")}` : ""}`,
        );
        console.info(
          `${scenario} on ${dialect}: ${stopwatch.elapsed()}; children: ${crashTimings()}; checks ${Math.round(checkMs)} ms`,
        );
        // A kill landed in the work (migrate: only when there is a migration after the release to run).
        if (scenario !== "migrate" || MIGRATION_NAMES.at(-1) !== FIRST_RELEASE) expect(kills).toBeGreaterThan(0);
      } finally {
        await dropSchema?.();
      }
    },
  );
});
