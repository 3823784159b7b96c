import { randomBytes } from "node:crypto";
import { newContact } from "@kith/core";
import { type Kysely, Migrator } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../database.ts";
import { toRow } from "../repositories/contact-rows.ts";
import type { Dialect } from "../schema.ts";
import { createStore } from "../store.ts";
import { DIALECTS, TEST_PG_URL } from "../testing/index.ts";
import { migrationProvider } from "./index.ts";

/** The lock the test databases take around migrations: Kysely's migrator reads every schema of the database. */
const SCHEMA_LOCK = 704201;

const migrator = (open: OpenDatabase) =>
  new Migrator({
    db: open.db,
    provider: migrationProvider(open.dialect),
    ...(open.pgSchema ? { migrationTableSchema: open.pgSchema } : {}),
  });

interface PartlyMigrated {
  open: OpenDatabase;
  migrateToLatest(): Promise<{ error?: unknown }>;
  dispose(): Promise<void>;
}

/** A database migrated only up to `name` (test databases are always migrated to the latest). */
async function openAt(dialect: Dialect, name: string): Promise<PartlyMigrated> {
  if (dialect === "sqlite") {
    const open = openDatabase({ dataDir: ":memory:" });
    await migrator(open).migrateTo(name);
    return { open, migrateToLatest: () => migrator(open).migrateToLatest(), dispose: () => open.close() };
  }
  const schema = `m_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    await admin.query(`SELECT pg_advisory_lock(${SCHEMA_LOCK})`);
    try {
      return await fn();
    } finally {
      await admin.query(`SELECT pg_advisory_unlock(${SCHEMA_LOCK})`);
    }
  };
  const open = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 2 });
  await locked(async () => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    await migrator(open).migrateTo(name);
  });
  return {
    open,
    migrateToLatest: () => locked(() => migrator(open).migrateToLatest()),
    dispose: async () => {
      await open.close();
      await locked(() => admin.query(`DROP SCHEMA ${schema} CASCADE`));
      await admin.end();
    },
  };
}

/**
 * Opens a database migrated up to a version (`accountAt("0011-habit-weeks")`) with one account, `acc-1`, in it as
 * that version's tables had it; closed (and dropped) after the test.
 */
function useAccountAt(dialect: Dialect) {
  let dispose = async () => {};
  afterEach(async () => {
    await dispose();
    dispose = async () => {};
  });
  return async (version: string) => {
    const before = await openAt(dialect, version);
    dispose = before.dispose;
    const db = before.open.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db
      .insertInto("account")
      .values({ id: "acc-1", name: "A", time_zone: "UTC", country: null, settings: "{}", created_at: "2026-01-01" })
      .execute();
    return { ...before, db };
  };
}

describe.each(DIALECTS)("migration 0010-import-jobs on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("keeps the imports committed before it, with their report", async () => {
    const before = await accountAt("0007-contact-sorts");
    const { open, db } = before;
    const rows = [{ line: 2, outcome: "created", contactId: "c-1", reason: "new contact" }];
    await db
      .insertInto("import_job")
      .values({
        ...{ id: "job-1", account_id: "acc-1", format: "csv", file_name: "old.csv", status: "committed" },
        ...{ total_rows: 1, created_count: 1, merged_count: 0, skipped_count: 0, failed_count: 0 },
        ...{ row_outcomes: JSON.stringify(rows), created_at: "2026-01-02T00:00:00.000Z" },
        finished_at: "2026-01-02T00:00:01.000Z",
      })
      .execute();
    const migrated = await before.migrateToLatest();
    expect(migrated.error).toBeUndefined();
    const store = createStore(open.db, open.dialect);
    expect(await store.importJobs.findJob("acc-1", "job-1")).toEqual({
      ...{ id: "job-1", format: "csv", fileName: "old.csv", status: "committed", totalRows: 1, processedRows: 1 },
      // Its text's length was not recorded (0012).
      ...{ processedChars: 0, totalChars: 0 },
      ...{ created: 1, merged: 0, skipped: 0, failed: 0, error: null, rows },
      ...{ createdAt: "2026-01-02T00:00:00.000Z", finishedAt: "2026-01-02T00:00:01.000Z" },
    });
    expect((await store.importJobs.listJobs("acc-1", 10)).map((j) => j.id)).toEqual(["job-1"]);
    expect(await store.importJobs.claimableJobs("2030-01-01T00:00:00.000Z", 10)).toEqual([]);
  });
});

describe.each(DIALECTS)("migration 0012-import-read-points on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("keeps a job queued before it: its counted total, no read point (it is read from the start), no text length", async () => {
    const before = await accountAt("0011-habit-weeks");
    const { open, db } = before;
    await db
      .insertInto("import_job")
      .values({
        ...{ id: "job-1", account_id: "acc-1", format: "csv", file_name: "a.csv", status: "running" },
        ...{ total_rows: 3, processed_rows: 2, created_count: 2, merged_count: 0, skipped_count: 0, failed_count: 0 },
        ...{ row_outcomes: "[]", mapping: '{"Name":"fullName"}', lease_owner: "gone", lease_until_at: "2026-01-02" },
        ...{ attempts: 1, created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z" },
      })
      .execute();
    const content = "Name\nAda\nBo\nCy\n";
    await db.insertInto("import_job_file").values({ job_id: "job-1", account_id: "acc-1", content }).execute();
    expect((await before.migrateToLatest()).error).toBeUndefined();
    const store = createStore(open.db, open.dialect);
    expect(await store.importJobs.findJob("acc-1", "job-1")).toMatchObject({
      ...{ status: "running", totalRows: 3, processedRows: 2, processedChars: 0, totalChars: 0 },
    });
    const nowAt = "2030-01-01T00:00:00.000Z";
    expect(await store.importJobs.claimableJobs(nowAt, 10)).toEqual([{ accountId: "acc-1", id: "job-1" }]);
    expect(await store.importJobs.claimJob("acc-1", "job-1", "w", nowAt, "2030-01-01T00:01:00.000Z")).toMatchObject({
      ...{ content, readFrom: null, processedRows: 2, mapping: { Name: "fullName" } },
    });
  });
});

describe.each(DIALECTS)("migration 0015-exchanges on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("counts each contact's exchanges from what it stored, keeps its attempts, and marks its due item stale", async () => {
    const before = await accountAt("0012-import-read-points");
    const { open, db } = before;
    const {
      exchange_count: _e,
      unanswered_outbound_ats: _o,
      moved_on_automatically: _m,
      move_on_undone_at: _u,
      cadence_from_on: _c,
      ...row
    } = toRow("acc-1", newContact("c-1", { firstName: "Rosa" }, "2026-01-01T00:00:00.000Z"), null);
    // Five touches, two of them messages still waiting for a reply: three exchanges.
    const attempts = ["2026-01-03T00:00:00.000Z", "2026-01-05T00:00:00.000Z"];
    await db
      .insertInto("contact")
      .values({ ...row, touch_count: 5, unanswered_attempt_ats: JSON.stringify(attempts), recompute_on: "2026-02-01" })
      .execute();
    await db
      .insertInto("interaction")
      .values({
        ...{ id: "i-1", account_id: "acc-1", kind: "email", direction: "outbound", occurred_at: attempts[1] },
        ...{ summary: "", meaningful: 1, source: "manual", created_at: attempts[1], updated_at: attempts[1] },
      })
      .execute();
    expect((await before.migrateToLatest()).error).toBeUndefined();
    const store = createStore(open.db, open.dialect);
    const [input] = await store.dueState.engineInputs("acc-1", ["c-1"]);
    expect(input?.history).toMatchObject({
      touches: 5,
      exchanges: 3,
      unansweredAttemptAts: attempts,
      unansweredOutboundAts: attempts,
    });
    expect(await store.dueState.staleIds("acc-1", "2026-01-10", 10)).toEqual(["c-1"]);
    expect(await store.interactions.findById("acc-1", "i-1")).toMatchObject({ awaitsReply: true });
    expect(input?.contact).toMatchObject({ movedOnAutomatically: false, moveOnUndoneAt: null, cadenceFromOn: null });
  });
});
