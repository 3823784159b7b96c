import { commitImport } from "@kith/core";
import { generateLinkedInExport } from "@kith/core/testing/generate-linkedin-export";
import type SQLite from "better-sqlite3";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { refreshPlannerStatistics } from "./planner-statistics.ts";
import { DIALECTS, useTestWorld } from "./testing/index.ts";

/**
 * After a bulk fill the planner has statistics at once (PostgreSQL), not on autovacuum's next round: without them a
 * contact search read every contact of the account instead of the full-text index. SQLite is left as it was.
 */
describe.each(DIALECTS)("planner statistics after a bulk write on %s", (dialect) => {
  const w = useTestWorld(dialect);

  /** The planner's row count of a table in this test's schema: -1 until it has been analyzed. */
  async function plannedRows(table: string): Promise<number> {
    const { rows } = await (w.db.raw as pg.Pool).query<{ n: number }>(
      "SELECT reltuples AS n FROM pg_class WHERE oid = to_regclass($1)",
      [table],
    );
    return Number(rows[0]?.n);
  }

  async function countOf(table: string): Promise<number> {
    const { rows } = await (w.db.raw as pg.Pool).query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n);
  }

  it("a committed import leaves the contacts it wrote counted for the planner", async () => {
    if (dialect === "postgres") expect(await plannedRows("contact")).toBe(-1);
    const job = await commitImport(w.deps, w.alice, {
      content: generateLinkedInExport(300, 5).content,
      fileName: "Connections.csv",
    });
    expect(job.status).toBe("committed");
    if (dialect === "postgres") {
      expect(await countOf("contact")).toBeGreaterThan(250);
      expect(await plannedRows("contact")).toBe(await countOf("contact"));
      expect(await plannedRows("interaction")).toBe(await countOf("interaction"));
    } else {
      // SQLite keeps no statistics unless asked: still none.
      const stats = (w.db.raw as SQLite.Database)
        .prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        .all();
      expect(stats).toEqual([]);
    }
  });

  it("analyzes again a table that has grown past its statistics", async () => {
    await commitImport(w.deps, w.alice, { content: generateLinkedInExport(300, 5).content, fileName: "a.csv" });
    if (dialect === "sqlite") {
      expect(await refreshPlannerStatistics(w.db.db, dialect)).toEqual([]);
      return;
    }
    const first = await countOf("contact");
    expect(await plannedRows("contact")).toBe(first);
    // Twice as many: analyzed again as the import commits. (That a few rows more are left to autovacuum is not
    // asserted: PostgreSQL's write counters reach `pg_stat_get_mod_since_analyze` up to seconds late, so whether
    // an earlier import's rows still count then depends on the timing; a CI run saw it.)
    await commitImport(w.deps, w.bob, { content: generateLinkedInExport(600, 7).content, fileName: "c.csv" });
    expect(await countOf("contact")).toBeGreaterThan(2 * first);
    expect(await plannedRows("contact")).toBe(await countOf("contact"));
  });
});
