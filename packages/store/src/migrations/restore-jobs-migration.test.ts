import { describe, expect, it } from "vitest";
import { createStore } from "../store.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";

describe.each(DIALECTS)("migration 0041-restore-check-issues on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("keeps the restores before it: a failed one reads with no issues, a checked queued one is claimed as it was", async () => {
    const before = await accountAt("0037-interaction-template");
    const { open, db } = before;
    const counts = { webhooks: 0, companies: 1, contacts: 2, interactions: 0, relationships: 0, asks: 0 };
    const frame = {
      ...{ version: 1, account: { name: "B", timeZone: "UTC", country: null, settings: {} }, notify: null },
      ...{ circles: [], counts: { ...counts, followUps: 0, duplicateDismissals: 0, articles: 0, campaigns: 0 } },
    };
    const job = (id: string, status: string, error: string | null) => ({
      ...{ id, account_id: "acc-1", status, frame: JSON.stringify(frame), before: null, step: "account" },
      ...{ step_index: 0, error, created_by: "u-1", lease_owner: null, lease_until_at: null, attempts: 0 },
      ...{ created_at: "2026-01-02T00:00:00.000Z", updated_at: "2026-01-02T00:00:00.000Z", finished_at: null },
    });
    await db
      .insertInto("restore_job")
      .values([job("failed-1", "failed", "it failed"), job("queued-1", "queued", null)])
      .execute();
    expect((await before.migrateToLatest()).error).toBeUndefined();
    const store = createStore(open.db, open.dialect);
    expect(await store.restoreJobs.findJob("acc-1", "failed-1")).toMatchObject({
      ...{ status: "failed", error: "it failed", issues: [] },
    });
    // Checked by its request before 0041: its frame is kept, so its job does not check it again.
    const claimed = await store.restoreJobs.claimJob("acc-1", "queued-1", "w", "2026-01-03T00:00:00.000Z", "2030");
    expect(claimed?.frame).toEqual(frame);
  }, 60_000);
});
