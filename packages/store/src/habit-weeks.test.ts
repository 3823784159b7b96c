import {
  addFollowUp,
  completeFollowUp,
  createContact,
  deleteInteraction,
  getToday,
  logInteraction,
  reopenFollowUp,
  updateInteraction,
} from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "./testing/index.ts";

/**
 * The habit's past weeks are stored and reused; every way of changing history before this week must clear them
 * (triggers in the database), and the streak must then be what a fresh count says.
 */
describe.each(DIALECTS)("stored habit weeks on %s", (dialect) => {
  // Wednesday 2026-11-04, 09:00 in New York; weeks start on Monday.
  const w = useTestWorld(dialect, {
    startAt: "2026-11-04T14:00:00.000Z",
    aliceAccount: { timeZone: "America/New_York" },
  });

  const stored = async () =>
    (await w.db.db.selectFrom("account").select("habit_weeks").where("id", "=", w.alice.accountId).executeTakeFirst())
      ?.habit_weeks ?? null;

  it("reuses the past weeks until history before this week changes", async () => {
    const { deps, alice } = w;
    const ann = await createContact(deps, alice, { firstName: "Ann", circle: "inner" });
    const log = (occurredAt: string) =>
      logInteraction(deps, alice, { contactIds: [ann.id], kind: "call", direction: "outbound", occurredAt });
    await log("2026-10-20T15:00:00Z"); // week of Oct 19
    const oct27 = await log("2026-10-27T15:00:00Z"); // week of Oct 26
    await log("2026-11-03T15:00:00Z"); // this week
    const streak = async () => (await getToday(deps, alice)).habit;

    expect(await streak()).toMatchObject({ weekCount: 1, met: true, streakWeeks: 3 });
    const copy = await stored();
    expect(copy).not.toBeNull();

    // Logging this week leaves the past weeks alone (and is counted).
    await log("2026-11-04T13:00:00Z");
    expect(await stored()).toBe(copy);
    expect(await streak()).toMatchObject({ weekCount: 2, streakWeeks: 3 });

    // Deleting a past touch clears them: the streak breaks at the week of Oct 26.
    await deleteInteraction(deps, alice, oct27.id);
    expect(await stored()).toBeNull();
    expect(await streak()).toMatchObject({ streakWeeks: 1 });

    // A back-dated log fills the week again.
    const back = await log("2026-10-28T15:00:00Z");
    expect(await stored()).toBeNull();
    expect(await streak()).toMatchObject({ streakWeeks: 3 });

    // Moving a past touch out of its week (an edit) breaks it again.
    await updateInteraction(deps, alice, back.id, { occurredAt: "2026-10-14T15:00:00Z" });
    expect(await streak()).toMatchObject({ streakWeeks: 1 });

    // Moving it back in from the past counts too.
    await updateInteraction(deps, alice, back.id, { occurredAt: "2026-10-29T15:00:00Z" });
    expect(await streak()).toMatchObject({ streakWeeks: 3 });
  });

  it("counts follow-ups done in a past week, and forgets them when reopened", async () => {
    const { deps, alice, clock } = w;
    const ann = await createContact(deps, alice, { firstName: "Ann", circle: "none" });
    clock.set("2026-10-28T15:00:00.000Z"); // last week
    const task = await addFollowUp(deps, alice, { contactId: ann.id, dueOn: "2026-10-28", title: "Send the deck" });
    await completeFollowUp(deps, alice, task.id, {});
    clock.set("2026-11-04T14:00:00.000Z");
    expect((await getToday(deps, alice)).habit).toMatchObject({ weekCount: 0, met: false, streakWeeks: 1 });
    expect(await stored()).not.toBeNull();
    await reopenFollowUp(deps, alice, task.id);
    expect(await stored()).toBeNull();
    expect((await getToday(deps, alice)).habit).toMatchObject({ streakWeeks: 0 });
  });

  it("counts afresh for another goal, time zone or week", async () => {
    const { deps, alice, clock } = w;
    const ann = await createContact(deps, alice, { firstName: "Ann", circle: "inner" });
    for (const at of ["2026-10-27T15:00:00Z", "2026-10-28T15:00:00Z", "2026-10-20T15:00:00Z"]) {
      await logInteraction(deps, alice, { contactIds: [ann.id], kind: "call", direction: "outbound", occurredAt: at });
    }
    expect((await getToday(deps, alice)).habit).toMatchObject({ met: false, streakWeeks: 2 });
    await w.deps.store.accounts.updateSettings(alice.accountId, JSON.stringify({ engine: { weeklyGoal: 2 } }));
    expect((await getToday(deps, alice)).habit).toMatchObject({ weeklyGoal: 2, streakWeeks: 1 });
    clock.set("2026-11-11T14:00:00.000Z"); // a week later: this week is empty, last week (Nov 2) was missed
    expect((await getToday(deps, alice)).habit).toMatchObject({ weekStartOn: "2026-11-09", streakWeeks: 0 });
  });
});
