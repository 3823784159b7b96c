import { insertTestUser, type TestWorld, useTestWorld } from "@kith/store/testing";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import {
  addFollowUp,
  completeFollowUp,
  createAccountForUser,
  createCompany,
  createContact,
  exportBackup,
  logInteraction,
  restoreBackup,
  setContactArchived,
  skipFollowUp,
  snoozeFollowUp,
  updateAccount,
} from "../index.ts";

/**
 * The standing round trip (docs/RELIABILITY.md): generated accounts — Unicode, emoji, right-to-left text, line
 * breaks, leading `= + - @`, 64 KB notes, instants at daylight-saving edges, archived contacts, follow-ups in every
 * state, captured mail and calendar events (the mailbox ledger with its readers, a file calendar and subscriptions
 * with their logged occurrences, some whose interaction was deleted since) — are backed up from SQLite, restored into PostgreSQL, backed up there, restored into SQLite again and
 * backed up a third time: the three backups are the same, byte for byte. `KITH_ROUNDTRIP_ACCOUNTS` sets how many
 * accounts (CI: 1,000, the size); `KITH_FUZZ_SEED` the seed.
 */
const ACCOUNTS = Number(process.env.KITH_ROUNDTRIP_ACCOUNTS ?? 1000);
const SEED = process.env.KITH_FUZZ_SEED === "random" ? Date.now() : Number(process.env.KITH_FUZZ_SEED ?? 20261206);

const MESSY = [
  "Zoë 王小明 🎉👩🏽‍💻",
  "مرحبا بالعالم",
  "שלום עולם",
  "line one\nline two\r\nline three",
  '=HYPERLINK("http://evil.example")',
  "+1 555 0100",
  "-2+3",
  "@SUM(A1:A2)",
  'quotes " and , commas; semi',
  "Ñúñez-O'Brien",
  "\u202Eevil.exe",
];
/** Text that survives trimming and fits `max`: a messy fixture or generated graphemes. */
const text = (max: number) =>
  fc
    .oneof(fc.constantFrom(...MESSY), fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }))
    .map((s) => s.trim().slice(0, max).trim())
    .filter((s) => s.length > 0 && !s.includes("\u0000"));
const EMAILS = [
  "ana@example.com",
  "zoë.50@example.com",
  "kim@exämple.com",
  "o'brien+tag@example.org",
  "x@xn--bcher-kva.ch",
];
/** Instants around the 2026 daylight-saving changes of Europe and America, and across years. */
const INSTANTS = [
  "2026-03-29T00:59:59.000Z",
  "2026-03-29T01:00:00.000Z",
  "2026-10-25T00:30:00.000Z",
  "2026-03-08T06:59:00.000Z",
  "2026-11-01T05:30:00.000Z",
  "2021-02-28T23:59:59.999Z",
  "2024-02-29T12:00:00.000Z",
];

const accountSpec = fc.record({
  name: text(100),
  timeZone: fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "UTC"),
  companies: fc.array(fc.record({ name: text(150), notes: fc.oneof(text(500), fc.constant("")) }), { maxLength: 2 }),
  contacts: fc.array(
    fc.record({
      firstName: text(100),
      lastName: fc.oneof(text(100), fc.constant("")),
      emails: fc.uniqueArray(fc.constantFrom(...EMAILS), { maxLength: 2 }),
      notes: fc.oneof(
        { weight: 8, arbitrary: fc.oneof(text(2000), fc.constant("")) },
        {
          weight: 1,
          arbitrary: fc.constant(`# Long\n\n${"Notes with ✨ and “quotes”, line after line.\n".repeat(1500)}`),
        },
      ),
      tags: fc.uniqueArray(fc.constantFrom("family", "=work", "🎉", "mentor", "وظيفة"), { maxLength: 2 }),
      birthday: fc.option(fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }), {
        nil: null,
      }),
      company: fc.option(fc.nat(1), { nil: null }),
      archived: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  interactions: fc.array(
    fc.record({
      who: fc.nat(3),
      kind: fc.constantFrom("email", "call", "meeting", "message", "letter", "social", "other"),
      direction: fc.constantFrom("outbound", "inbound", "mutual"),
      at: fc.oneof(fc.constantFrom(...INSTANTS), fc.integer({ min: 1_500_000_000, max: 1_790_000_000 })),
      summary: fc.oneof(text(500), fc.constant("")),
    }),
    { maxLength: 5 },
  ),
  followUps: fc.array(
    fc.record({
      who: fc.nat(3),
      dueOn: fc.constantFrom("2026-03-29", "2026-11-01", "2027-01-15", "2025-12-31"),
      title: text(300),
      status: fc.constantFrom("open", "done", "snoozed", "skipped"),
    }),
    { maxLength: 2 },
  ),
  /** Captured mail: the Message-ID ledger, each message logged as an interaction (or none, or one deleted since). */
  mail: fc.uniqueArray(
    fc.record({
      messageId: text(100),
      logged: fc.constantFrom("interaction", "none", "deleted"),
      which: fc.nat(4),
      at: fc.constantFrom(...INSTANTS),
      /** Held by a second member's mailbox too; or by a reader who is no user (left out of a backup). */
      alsoRead: fc.constantFrom("member", "no-user", "none"),
    }),
    { maxLength: 3, selector: (m) => m.messageId },
  ),
  calendars: fc.uniqueArray(
    fc.record({
      kind: fc.constantFrom("file", "subscription"),
      name: text(200),
      events: fc.uniqueArray(
        fc.record({
          uid: text(100),
          recurrenceId: fc.constantFrom("", ...INSTANTS),
          logged: fc.constantFrom("interaction", "deleted"),
          which: fc.nat(4),
        }),
        { maxLength: 3, selector: (e) => `${e.uid}\u0001${e.recurrenceId}` },
      ),
    }),
    { maxLength: 2, selector: (c) => (c.kind === "file" ? "file" : c.name) },
  ),
});
type AccountSpec = typeof accountSpec extends fc.Arbitrary<infer T> ? T : never;

let users = 0;
async function newAccount(w: Pick<TestWorld, "db" | "deps">): Promise<Actor> {
  users += 1;
  const id = `rt-user-${users}`;
  await insertTestUser(w.db, { id, email: `${id}@example.test`, name: `RT ${users}` });
  const account = await w.deps.store.transaction((tx) =>
    createAccountForUser(w.deps, tx, { id, name: `RT ${users}` }, { timeZone: "UTC" }),
  );
  return { userId: id, accountId: account.id, role: "owner" };
}

async function fill(w: Pick<TestWorld, "db" | "deps">, owner: Actor, spec: AccountSpec) {
  const { deps } = w;
  await updateAccount(deps, owner, { name: spec.name, timeZone: spec.timeZone });
  const companies = [];
  for (const c of spec.companies) companies.push(await createCompany(deps, owner, c));
  const contacts = [];
  for (const c of spec.contacts) {
    const company = c.company === null ? null : (companies[c.company % Math.max(companies.length, 1)] ?? null);
    const made = await createContact(deps, owner, {
      firstName: c.firstName,
      lastName: c.lastName,
      emails: c.emails.map((address) => ({ address })),
      notes: c.notes,
      tags: c.tags,
      birthday: c.birthday,
      companyId: company?.id ?? null,
    });
    contacts.push(made);
  }
  const interactions: string[] = [];
  for (const i of spec.interactions) {
    const made = await logInteraction(deps, owner, {
      contactIds: [contacts[i.who % contacts.length]?.id],
      kind: i.kind,
      direction: i.direction,
      occurredAt: typeof i.at === "number" ? new Date(i.at * 1000).toISOString() : i.at,
      summary: i.summary,
    });
    interactions.push(made.id);
  }
  for (const f of spec.followUps) {
    const made = await addFollowUp(deps, owner, {
      contactId: contacts[f.who % contacts.length]?.id,
      dueOn: f.dueOn,
      title: f.title,
    });
    if (f.status === "done") await completeFollowUp(deps, owner, made.id, {});
    if (f.status === "snoozed") await snoozeFollowUp(deps, owner, made.id, { untilOn: "2027-02-01" });
    if (f.status === "skipped") await skipFollowUp(deps, owner, made.id);
  }
  await capture(w, owner, spec, interactions);
  // Archived last: an archived contact takes no new history.
  for (const [k, c] of spec.contacts.entries()) {
    if (c.archived) await setContactArchived(deps, owner, contacts[k]?.id ?? "", true);
  }
}

/** The capture ledgers as a mailbox sync and calendar imports write them (through the store: no mail server here). */
async function capture(w: Pick<TestWorld, "db" | "deps">, owner: Actor, spec: AccountSpec, interactions: string[]) {
  const { store } = w.deps;
  const interactionOf = (logged: string, which: number) =>
    logged === "interaction" && interactions.length > 0
      ? (interactions[which % interactions.length] as string)
      : `deleted-${which}`;
  for (const m of spec.mail) {
    const row = { messageId: m.messageId, occurredAt: m.at, body: "kept on the server only", createdAt: m.at };
    await store.mailbox.recordMessage(owner.accountId, { ...row, userId: owner.userId });
    if (m.alsoRead === "member") {
      users += 1;
      const id = `rt-reader-${users}`;
      await insertTestUser(w.db, { id, email: `Reader.${users}@Example.test`, name: `Reader ${users}` });
      await store.mailbox.recordMessage(owner.accountId, { ...row, userId: id });
    }
    if (m.alsoRead === "no-user") await store.mailbox.recordMessage(owner.accountId, { ...row, userId: "gone-user" });
    if (m.logged !== "none") {
      await store.mailbox.linkMessage(owner.accountId, m.messageId, interactionOf(m.logged, m.which));
    }
  }
  for (const [n, c] of spec.calendars.entries()) {
    const id = `${owner.accountId}-calendar-${n}`;
    await store.calendars.insert(owner.accountId, {
      ...{ id, kind: c.kind, name: c.name, sealedUrl: c.kind === "file" ? null : "sealed-secret-address" },
      maskedUrl: c.kind === "file" ? null : "https://calendar.example/…/basic.ics",
      ...{ state: "ok", error: null, lastRunAt: null, lastSuccessAt: null, nextRunAt: null, failures: 0 },
      ...{ eventCount: 0, meetingCount: 0, upcomingCount: 0, createdAt: INSTANTS[n] as string },
      createdBy: owner.userId,
    });
    for (const e of c.events) {
      const entry = { uid: e.uid, recurrenceId: e.recurrenceId, interactionId: interactionOf(e.logged, e.which) };
      await store.calendars.record(owner.accountId, id, entry);
    }
  }
}

describe("generated accounts: backup → restore across engines → backup", () => {
  const lite = useTestWorld("sqlite");
  const pg = useTestWorld("postgres");

  it(`${ACCOUNTS} accounts come back byte for byte, SQLite → PostgreSQL → SQLite`, { timeout: 900_000 }, async () => {
    const specs = fc.sample(accountSpec, { numRuns: ACCOUNTS, seed: SEED });
    for (const [n, spec] of specs.entries()) {
      const source = await newAccount(lite);
      await fill(lite, source, spec);
      const first = JSON.stringify(await exportBackup(lite.deps, source));
      const made = JSON.parse(first);
      expect(made.contacts, `account ${n}'s contacts`).toHaveLength(spec.contacts.length);
      expect(made.interactions.length + made.followUps.length).toBe(spec.interactions.length + spec.followUps.length);
      expect(made.mailboxMessages).toHaveLength(spec.mail.length);
      expect(made.calendars).toHaveLength(spec.calendars.length);
      expect(first).not.toContain("sealed-secret-address");
      expect(first).not.toContain("kept on the server only");

      const onPg = await newAccount(pg);
      await restoreBackup(pg.deps, onPg, JSON.parse(first));
      const second = JSON.stringify(await exportBackup(pg.deps, onPg));
      expect(second, `account ${n} after PostgreSQL`).toBe(first);

      const back = await newAccount(lite);
      await restoreBackup(lite.deps, back, JSON.parse(second));
      expect(JSON.stringify(await exportBackup(lite.deps, back)), `account ${n} back on SQLite`).toBe(first);
    }
  });
});
