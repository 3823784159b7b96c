import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Actor, type Deps, exportBackup, getToday, listContacts, rebuildDueState } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, type OpenDatabase, openDatabase } from "../database.ts";
import { createStore } from "../store.ts";
import { ownTables, TEST_PG_URL, underSchemaLock } from "../testing/index.ts";
import { SNAPSHOT_USERS } from "./snapshots/populate.ts";
import { postgresSnapshotSql, RELEASES, sqliteSnapshotOf } from "./snapshots/snapshot-files.ts";

/**
 * Every released schema's committed snapshot (`snapshots/`, written once by `make-snapshot.ts` through the real
 * services) migrates to today's schema on both engines: no row is lost, every contact is still there and readable
 * through the services, the today list answers, and the stored due state equals a rebuild from history.
 */
const releases = RELEASES;

/** The tables of the database and their row counts (Kysely's own migration tables left out). */
async function rowCounts(open: OpenDatabase): Promise<Record<string, number>> {
  const tables = await ownTables(open);
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    // The SQLite search index and FTS5's shadow tables: the index's own business (0039 rebuilt it under a new name).
    if (/^contact_fts$|^contact_(search_)?fts_(data|idx|content|docsize|config)$/.test(table)) continue;
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(open.db);
    counts[table] = Number(row.rows[0]?.n);
  }
  return counts;
}

async function derivedState(open: OpenDatabase) {
  const rows = await open.db
    .selectFrom("contact")
    .select(["id", "touch_count", "last_touch_at", "last_reply_at", "unanswered_attempt_ats"])
    .select(["next_due_on", "due_item", "due_priority"])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, touch_count: Number(r.touch_count), due_priority: r.due_priority ?? null }));
}

async function checkMigrated(open: OpenDatabase, locked: <T>(fn: () => Promise<T>) => Promise<T>) {
  const before = await rowCounts(open);
  const names = await open.db.selectFrom("contact").select(["account_id", "first_name", "last_name"]).execute();
  await locked(() => migrate(open));
  const after = await rowCounts(open);
  for (const [table, count] of Object.entries(before)) expect(after[table], `rows of ${table}`).toBe(count);

  const deps: Deps = {
    store: createStore(open.db, open.dialect),
    clock: new FakeClock("2026-12-07T09:00:00.000Z"),
    ids: new SequentialIds(),
    secrets: new PlainSecrets(),
  };
  const memberships = await open.db.selectFrom("membership").select(["account_id", "user_id"]).execute();
  expect(memberships).toHaveLength(SNAPSHOT_USERS.length);
  for (const m of memberships) {
    const actor: Actor = { userId: m.user_id, accountId: m.account_id, role: "owner" };
    const theirs = names.filter((n) => n.account_id === m.account_id);
    const listed = await listContacts(deps, actor, { archived: "include" }, { limit: 200 });
    expect(listed.items.length).toBe(theirs.length);
    const backup = await exportBackup(deps, actor);
    expect(backup.contacts.map((c) => `${c.firstName}|${c.lastName}`).sort()).toEqual(
      theirs.map((n) => `${n.first_name}|${n.last_name}`).sort(),
    );
    const today = await getToday(deps, actor);
    expect(today.items.length).toBeGreaterThanOrEqual(0);
  }
  // What the migrated rows say is what their history says.
  const stored = await derivedState(open);
  for (const m of memberships)
    await rebuildDueState(deps, { userId: m.user_id, accountId: m.account_id, role: "owner" });
  expect(await derivedState(open)).toEqual(stored);
}

describe("released schemas migrate to today's", () => {
  it("has a snapshot of at least one released schema", () => {
    expect(releases.length).toBeGreaterThan(0);
  });

  it.each(releases)("%s on SQLite", { timeout: 60_000 }, async (release) => {
    const work = mkdtempSync(path.join(tmpdir(), "kith-release-"));
    try {
      copyFileSync(sqliteSnapshotOf(release), path.join(work, "kith.db"));
      const open = openDatabase({ dataDir: work });
      try {
        await checkMigrated(open, (fn) => fn());
      } finally {
        await open.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it.each(releases)("%s on PostgreSQL", { timeout: 60_000 }, async (release) => {
    const schema = `r_${randomBytes(6).toString("hex")}`;
    const dump = postgresSnapshotSql(release, schema);
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      // Test schemas are made, migrated and dropped under one lock (see test-databases.ts).
      await underSchemaLock(() => admin.query(dump));
      const open = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 2 });
      try {
        await checkMigrated(open, underSchemaLock);
      } finally {
        await open.close();
      }
    } finally {
      await underSchemaLock(() => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
      await admin.end();
    }
  });
});
