import { encodeCursor, newContact } from "@kith/core";
import type SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, type LogEvent, PostgresDialect, SqliteDialect } from "kysely";
import type pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "./schema.ts";
import { createStore } from "./store.ts";
import { DIALECTS, type TestWorld, useTestWorld } from "./testing/index.ts";

/**
 * Not timed: the plans of the hot queries name their indexes, so they stay fast at any size. The queries are the
 * repositories' own, captured as they run.
 */
/**
 * PostgreSQL plans by statistics: on an empty table any plan is cheap. Give it a few thousand contacts of which few
 * match, and the numbers it would see in real use.
 */
async function fillAndAnalyze(w: Pick<TestWorld, "db" | "alice">) {
  const pool = w.db.raw as pg.Pool;
  await pool.query(
    `INSERT INTO contact (id, account_id, first_name, last_name, display_name, sort_name, emails, phones, links, title,
       tags, interests, how_we_met, notes, circle, touch_count, created_at, updated_at, search_text)
     SELECT 'bulk-' || n, $1, 'Person', 'Number' || n, 'Person Number' || n, 'person number' || n, '[]', '[]', '[]', '',
       '[]', '[]', '', '', 'network', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'person number' || n
     FROM generate_series(1, 5000) AS n`,
    [w.alice.accountId],
  );
  await pool.query("ANALYZE contact");
}

describe.each(DIALECTS)("query plans on %s", (dialect) => {
  const w = useTestWorld(dialect);
  let captured: CompiledQuery[];
  let store: ReturnType<typeof createStore>;
  beforeEach(async () => {
    captured = [];
    const log = (event: LogEvent) => void captured.push(event.query);
    const db =
      dialect === "sqlite"
        ? new Kysely<Database>({ dialect: new SqliteDialect({ database: w.db.raw as SQLite.Database }), log })
        : new Kysely<Database>({ dialect: new PostgresDialect({ pool: w.db.raw as pg.Pool }), log });
    store = createStore(db, dialect);
  });

  async function planOf(query: CompiledQuery): Promise<string> {
    if (dialect === "sqlite") {
      const rows = (w.db.raw as SQLite.Database).prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters);
      return JSON.stringify(rows);
    }
    const client = await (w.db.raw as pg.Pool).connect();
    try {
      // Test tables are small; without this the planner rightly prefers reading them whole.
      await client.query("SET enable_seqscan = off");
      const result = await client.query(`EXPLAIN ${query.sql}`, query.parameters as unknown[]);
      return JSON.stringify(result.rows);
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
  }

  const last = (match: RegExp) => {
    const found = captured.filter((q) => match.test(q.sql)).at(-1);
    if (!found) throw new Error(`no captured query matches ${match}`);
    return found;
  };

  it("reads the today list in rank order from contact_due_rank", async () => {
    await store.dueState.topDue(w.alice.accountId, 25, 1000);
    expect(await planOf(last(/order by "due_priority" desc/i))).toContain("contact_due_rank");
  });

  it("answers a contact search from the full-text index", async () => {
    if (dialect === "postgres") await fillAndAnalyze(w);
    const rosa = newContact("c-rosa", { firstName: "Rosa", lastName: "Calder" }, "2026-01-01T00:00:00.000Z");
    await store.contacts.insert(w.alice.accountId, rosa);
    await store.contacts.list(
      w.alice.accountId,
      { q: "ros cal", archived: "exclude", sort: "name", connectionTarget: 7 },
      { limit: 50 },
    );
    const plan = await planOf(last(/contact_search_fts|array_to_tsvector/));
    if (dialect === "sqlite") {
      expect(plan).toContain("contact_search_fts");
      return;
    }
    // PostgreSQL: the index is asked for the account's own entries (0042: each word behind the account's key).
    const lines = (JSON.parse(plan) as { "QUERY PLAN": string }[]).map((row) => row["QUERY PLAN"]);
    const scan = lines.findIndex((line) => /Index Scan on contact_search\b/.test(line));
    expect(scan, plan).toBeGreaterThanOrEqual(0);
    expect(lines[scan + 1]).toMatch(/Index Cond: .*[0-9a-f]{10}\/ros'*:\*/);
  });

  it("walks the account in name order through contact_account_sort when a search's page is read that way", async () => {
    if (dialect === "postgres") return; // PostgreSQL filters with its GIN index (above)
    await store.contacts.insert(
      w.alice.accountId,
      newContact("c-rosa", { firstName: "Rosa" }, "2026-01-01T00:00:00.000Z"),
    );
    await store.contacts.list(
      w.alice.accountId,
      { q: "r", archived: "exclude", sort: "name", connectionTarget: 7 },
      { limit: 50, cursor: encodeCursor({ key: "a", id: "a" }) },
    );
    expect(await planOf(last(/glob/i))).toContain("contact_account_sort");
  });

  it("serves one contact's timeline from interaction_contact_timeline", async () => {
    await store.interactions.historyOf(w.alice.accountId, "some-contact");
    expect(await planOf(last(/from "interaction_contact"/))).toContain("interaction_contact_timeline");
  });

  it("finds due delivery retries from the partial index delivery_retry_due", async () => {
    const kinds = { exact: ["digest-email"], prefixes: ["digest-webhook:"] };
    await store.deliveries.retriesDue("2026-11-03T13:00:00.000Z", kinds, null, 100);
    expect(await planOf(last(/from "delivery"/))).toContain("delivery_retry_due");
  });

  it("replaces a contact's tags through contact_tag_contact, not by walking the account's tags", async () => {
    const rosa = newContact("c-rosa", { firstName: "Rosa", tags: ["climbing"] }, "2026-01-01T00:00:00.000Z");
    await store.contacts.insert(w.alice.accountId, rosa);
    await store.contacts.update(w.alice.accountId, { ...rosa, tags: ["climbing", "work"] });
    const plan = await planOf(last(/delete from "contact_tag"/));
    if (dialect === "sqlite") expect(plan).toMatch(/contact_tag_contact \(account_id=\? AND contact_id=\?\)/);
    else expect(plan).toMatch(/contact_tag_contact|contact_tag_pk/);
  });

  it("reads the today list's draft facts by primary key, not by walking the account's contacts", async () => {
    if (dialect === "postgres") await fillAndAnalyze(w);
    await store.draftFacts.factsOf(w.alice.accountId, ["bulk-1", "bulk-2", "bulk-3"]);
    const plan = await planOf(last(/"co"\."name" as "company_name"/));
    if (dialect === "sqlite") expect(plan).toMatch(/SEARCH c USING INDEX sqlite_autoindex_contact_1 \(id=\?\)/);
    else expect(plan).toMatch(/contact_pkey/);
  });
});
