import { newContact } from "@kith/core";
import { describe, expect, it } from "vitest";
import { toRow } from "../repositories/contact-rows.ts";
import { createStore } from "../store.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";

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
      // Columns of later migrations (0014) than the version this test starts at.
      dates: _d,
      photo_updated_at: _p,
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
