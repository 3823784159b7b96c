import { describe, expect, it } from "vitest";
import { createStore } from "../store.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";

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
      // Its rows name no contact and carry no warnings (0013).
      ...{ created: 1, merged: 0, skipped: 0, failed: 0, error: null },
      rows: rows.map((r) => ({ ...r, contactName: null, warnings: [] })),
      // It linked nobody: relationships from a file's names came later (0031).
      relationships: { created: 0, existing: 0, unresolved: 0 },
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
      // Nor any row's choice from a preview (0013): every row does what the import decides.
      overrides: [],
    });
  });
});
