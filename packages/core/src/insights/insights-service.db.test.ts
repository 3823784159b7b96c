import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addFollowUp, createContact, getInsights, logInteraction } from "../index.ts";

describe.each(DIALECTS)("insights on %s", (dialect) => {
  // Wednesday 2026-11-04, 09:00 in New York.
  const w = useTestWorld(dialect, {
    startAt: "2026-11-04T14:00:00.000Z",
    aliceAccount: { timeZone: "America/New_York" },
  });

  it("counts touches per local week and spreads the network by due date", async () => {
    const { deps, alice } = w;
    const ann = await createContact(deps, alice, { firstName: "Ann", circle: "inner" });
    const ben = await createContact(deps, alice, { firstName: "Ben", circle: "none" });
    await createContact(deps, alice, { firstName: "Cy", circle: "acquaintance" });
    const log = (contactId: string, occurredAt: string, kind = "call") =>
      logInteraction(deps, alice, { contactIds: [contactId], kind, direction: "mutual", occurredAt });
    // Sunday 23:30 in New York is still last week there (Monday 04:30 UTC).
    await log(ann.id, "2026-11-02T04:30:00Z");
    await log(ann.id, "2026-11-03T15:00:00Z");
    await log(ben.id, "2026-10-27T15:00:00Z");
    await log(ben.id, "2026-10-28T15:00:00Z", "social"); // not meaningful: not a touch
    await addFollowUp(deps, alice, { contactId: ben.id, dueOn: "2026-11-04", title: "Call back" });

    const insights = await getInsights(deps, alice);
    expect(insights.touchesPerWeek).toHaveLength(12);
    expect(insights.touchesPerWeek.at(-1)).toEqual({ weekStartOn: "2026-11-02", touches: 1 });
    expect(insights.touchesPerWeek.at(-2)).toEqual({ weekStartOn: "2026-10-26", touches: 2 });
    expect(insights.touchesPerWeek.slice(0, 10).every((w) => w.touches === 0)).toBe(true);
    const spread = Object.fromEntries(insights.dueSpread.map((b) => [b.bucket, b.contacts]));
    // Ann: inner, building after 2 touches → due in 7 days; Ben: the follow-up today; Cy: never touched → later.
    expect(spread).toEqual({ overdue: 0, today: 1, "this-week": 0, "this-month": 1, later: 1, "not-due": 0 });
  });
});
