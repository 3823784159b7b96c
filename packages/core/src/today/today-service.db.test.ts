import { DIALECTS, type TestWorld, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  addFollowUp,
  type Contact,
  commitImport,
  composeDigest,
  createContact,
  type Deps,
  doneToday,
  getContact,
  getToday,
  listWholeContacts,
  logInteraction,
  moveOn,
  rebuildDueState,
  skipToday,
  snoozeToday,
  type TodayView,
  undoMoveOn,
  undoToday,
  updateContact,
  updateSettings,
} from "../index.ts";
import { type SampleName, readSample as sample } from "../testing/samples.ts";

/** 09:00 in New York on a November day (EST after Nov 1): when the user opens Kith. */
const morningOf = (day: number) => `2026-11-${String(day).padStart(2, "0")}T14:00:00.000Z`;

const reasons = (view: TodayView) => Object.fromEntries(view.items.map((i) => [i.displayName, i.reasonKind]));

/** The stored derived columns of every contact: what a rebuild from history must reproduce exactly. */
async function derivedState(w: Pick<TestWorld, "db" | "alice">) {
  const rows = await w.db.db
    .selectFrom("contact")
    .select([
      "id",
      "last_touch_at",
      "touch_count",
      "exchange_count",
      "last_reply_at",
      "unanswered_attempt_ats",
      "unanswered_outbound_ats",
      "next_due_on",
      "recompute_on",
      "due_item",
      "due_priority",
    ])
    .where("account_id", "=", w.alice.accountId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, touch_count: Number(r.touch_count), exchange_count: Number(r.exchange_count) }));
}

/**
 * The people come from real export shapes (core/src/testing/samples: LinkedIn, Google, an iPhone vCard), imported as a
 * user would; then the user sorts a few of them into circles and the script's history is logged.
 */
async function seed(deps: Deps, actor: Actor) {
  for (const file of [
    "linkedin-Connections.csv",
    "google-contacts.csv",
    "contacts-v3.vcf",
  ] as const satisfies SampleName[]) {
    const job = await commitImport(deps, actor, { content: sample(file), fileName: file });
    expect(job.failed, file).toBe(0);
  }
  const find = async (q: string) => {
    const { items } = await listWholeContacts(deps, actor, { q }, {});
    expect(items, q).toHaveLength(1);
    return items[0] as Contact;
  };
  const rosa = await updateContact(deps, actor, (await find("rosa calder")).id, {
    circle: "close",
    emails: [{ address: "rosa@example.com" }],
  });
  const tomas = await updateContact(deps, actor, (await find("tomas selby")).id, { circle: "network" });
  const cathy = await updateContact(deps, actor, (await find("cathy jaworski")).id, {
    circle: "inner",
    birthday: { month: 11, day: 20 },
  });
  const jose = await updateContact(deps, actor, (await find("jose nunez")).id, { circle: "close" });
  const mei = await updateContact(deps, actor, (await find("mei chen")).id, { circle: "acquaintance" });
  const nana = await updateContact(deps, actor, (await find("grandma alvaro")).id, { circle: "inner" });
  expect(nana.birthday).toMatchObject({ month: 8, day: 2 });
  const log = (contactId: string, occurredAt: string, direction: string, kind = "call") =>
    logInteraction(deps, actor, { contactIds: [contactId], kind, direction, occurredAt });
  await log(tomas.id, "2026-07-01T16:00:00Z", "mutual", "meeting");
  await log(cathy.id, "2026-10-20T16:00:00Z", "mutual");
  for (const day of ["09-06", "09-13", "09-20", "09-27", "10-04", "10-11", "10-18", "10-25"]) {
    await log(nana.id, `2026-${day}T18:00:00Z`, "mutual");
  }
  return { rosa, tomas, cathy, jose, mei, nana, log };
}

describe.each(DIALECTS)("the today list on %s", (dialect) => {
  const w = useTestWorld(dialect, {
    startAt: morningOf(1),
    aliceAccount: { timeZone: "America/New_York", country: "US" },
  });

  it("walks a scripted month: the right people, for the right reasons, each day", async () => {
    const { deps, alice } = w;
    const p = await seed(deps, alice);
    const seen: Record<number, Record<string, string>> = {};
    for (let day = 1; day <= 30; day += 1) {
      w.clock.set(morningOf(day));
      let view = await getToday(deps, alice);
      expect(view.todayOn).toBe(`2026-11-${String(day).padStart(2, "0")}`);
      seen[day] = reasons(view);
      const item = (name: string) => view.items.find((i) => i.displayName === name);

      if (day === 1) {
        // José connected on LinkedIn on Sep 28 and is in the close circle (every 30 days): due since Oct 28,
        // counted from the connection, not from the import.
        expect(seen[1]).toEqual({
          "Tomas Selby": "cadence-overdue",
          "Cathy Jaworski": "cadence-overdue",
          "José Núñez": "cadence-due",
        });
        expect(item("José Núñez")?.sentence).toMatch(/^You connected with José Núñez 34 days ago/);
        expect(item("Tomas Selby")?.sentence).toMatch(/Tomas/);
      }
      if (day === 2) {
        await p.log(p.rosa.id, morningOf(2), "outbound", "email");
        await doneToday(deps, alice, p.cathy.id, { kind: "call" });
        await addFollowUp(deps, alice, {
          contactId: p.jose.id,
          dueOn: "2026-11-10",
          title: "Ask about the platform team",
        });
      }
      if (day === 3) await doneToday(deps, alice, p.tomas.id, { kind: "call", summary: "Caught up" });
      if (day === 4) await p.log(p.mei.id, morningOf(4), "outbound", "message");
      if (day === 5) {
        expect(item("Rosa Calder")).toMatchObject({ reasonKind: "outreach-unanswered", suggestMoveOn: false });
        expect(item("Rosa Calder")?.sentence).toMatch(/nudge 1 of 3/);
        await p.log(p.rosa.id, morningOf(5), "outbound", "email");
      }
      if (day === 7) expect(item("Mei Chen")?.reasonKind).toBe("outreach-unanswered");
      if (day === 8) {
        // Grandma (connected, inner: every 14 days) is due today, here or spread to tomorrow by the cap.
        const grandma = [...view.items, ...view.later].find((i) => i.displayName === "Grandma Alvaro");
        expect(grandma?.reasonKind).toBe("cadence-due");
        // Mei answers: her nudges stop.
        await p.log(p.mei.id, "2026-11-08T15:00:00Z", "inbound", "message");
        view = await getToday(deps, alice);
        expect(reasons(view)["Mei Chen"]).toBeUndefined();
      }
      if (day === 9) {
        expect(item("Rosa Calder")?.sentence).toMatch(/nudge 2 of 3/);
        await p.log(p.rosa.id, morningOf(9), "outbound", "email");
      }
      if (day === 10) {
        expect(item("José Núñez")).toMatchObject({ reasonKind: "follow-up-due" });
        expect(item("José Núñez")?.followUpId).not.toBeNull();
        // The email asks something: it waits for a reply, so it opens an outreach (nudges until José answers).
        await doneToday(deps, alice, p.jose.id, { kind: "email", awaitsReply: true });
      }
      if (day === 11) await doneToday(deps, alice, p.nana.id, { kind: "call" });
      if (day >= 10 && day < 16) expect(seen[day]?.["Rosa Calder"]).toBeUndefined();
      if (day === 16) {
        // Three messages, no reply, and the last nudge's day has come: time to move on.
        expect(item("Rosa Calder")).toMatchObject({ reasonKind: "outreach-unanswered", suggestMoveOn: true });
        const moved = await moveOn(deps, alice, p.rosa.id);
        expect(moved).toMatchObject({ circle: "occasions-only", circleBeforeMoveOn: "close" });
        expect(moved.moveOnNote).toMatch(/no reply to 3 messages since 2026-11-02/);
        expect(reasons(await getToday(deps, alice))["Rosa Calder"]).toBeUndefined();
        // Undo is exact, and doing it again is one act.
        expect((await undoMoveOn(deps, alice, p.rosa.id)).circle).toBe("close");
        expect(reasons(await getToday(deps, alice))["Rosa Calder"]).toBe("outreach-unanswered");
        await moveOn(deps, alice, p.rosa.id);
      }
      if (day === 17) {
        expect(item("Cathy Jaworski")).toMatchObject({ reasonKind: "occasion" });
        expect(item("Cathy Jaworski")?.sentence).toMatch(/birthday/i);
      }
      if (day === 18) await doneToday(deps, alice, p.cathy.id, { kind: "message", summary: "Birthday plans" });
      if (day === 23) {
        // Thanksgiving (Nov 26) reaches the inner and close circles three days ahead.
        expect(item("Grandma Alvaro")?.reasonKind).toBe("occasion");
        expect(item("Grandma Alvaro")?.sentence).toMatch(/Thanksgiving/);
        // José waits for a reply (nudge 2 of 3), which speaks louder; the holiday rides along.
        expect(item("José Núñez")).toMatchObject({ reasonKind: "outreach-unanswered", alsoDue: ["occasion"] });
        for (const i of view.items.filter((x) => x.reasonKind === "occasion"))
          await doneToday(deps, alice, i.contactId, {});
      }
      // Whatever was logged, the stored state is what a rebuild from the whole history gives.
      const incremental = await derivedState(w);
      await rebuildDueState(deps, alice);
      expect(await derivedState(w), `day ${day}`).toEqual(incremental);
    }
    const last = await getToday(deps, alice);
    expect(reasons(last)["Rosa Calder"]).toBeUndefined();
    expect((await getContact(deps, alice, p.rosa.id)).circle).toBe("occasions-only");
    // Each week of November had at least one reach-out: the streak counts them.
    expect(last.habit).toMatchObject({ weeklyGoal: 1, met: false, streakWeeks: 4 });
  });

  it("lets no item stand on Today unchanged when the user never acts for two years: moving on happens", async () => {
    const { deps, alice } = w;
    const person = (firstName: string, circle: string, extra = {}) =>
      createContact(deps, alice, { firstName, circle, ...extra });
    const rosa = await person("Rosa", "close");
    for (const day of [2, 5, 9]) {
      await logInteraction(deps, alice, {
        contactIds: [rosa.id],
        kind: "email",
        direction: "outbound",
        occurredAt: morningOf(day),
      });
    }
    await person("Sam", "inner");
    const bea = await person("Bea", "network", { birthday: { month: 12, day: 10 } });
    await logInteraction(deps, alice, {
      contactIds: [bea.id],
      kind: "call",
      direction: "mutual",
      occurredAt: "2026-10-01T16:00:00Z",
    });
    const tom = await person("Tom", "network");
    await addFollowUp(deps, alice, { contactId: tom.id, dueOn: "2026-11-05", title: "Send the deck" });

    const runs = new Map<string, { shown: string; days: number; longest: number }>();
    const start = Date.parse(morningOf(1));
    for (let day = 0; day < 730; day += 1) {
      w.clock.set(new Date(start + day * 86_400_000).toISOString());
      const view = await getToday(deps, alice);
      for (const i of [...view.items, ...view.later]) {
        const shown = `${i.reasonKind}: ${i.sentence}`;
        const run = runs.get(i.displayName);
        const days = run && run.shown === shown ? run.days + 1 : 1;
        runs.set(i.displayName, { shown, days, longest: Math.max(days, run?.longest ?? 0) });
      }
      for (const name of runs.keys()) {
        if (![...view.items, ...view.later].some((i) => i.displayName === name)) runs.delete(name);
      }
      if (view.todayOn === "2026-11-22") expect(reasons(view).Rosa).toBe("outreach-unanswered");
      if (view.todayOn === "2026-11-23") {
        // The move-on suggestion (Nov 16) stood ignored for a week: Kith moved Rosa on by itself, and says so.
        expect(reasons(view).Rosa).toBeUndefined();
        expect(view.movedOn).toEqual([
          expect.objectContaining({
            contactId: rosa.id,
            displayName: "Rosa",
            note: expect.stringMatching(/Kith moved/),
          }),
        ]);
        const digest = composeDigest(view, () => ({ done: "d", snoozeWeek: "s" }), {
          todayUrl: "https://kith.test/",
          unsubscribeUrl: "u",
        });
        expect(digest.text).toMatch(
          /Moved on by Kith[^\n]*\n- Rosa: Kith moved them to occasions-only on 2026-11-23 after 3/,
        );
        expect(digest.html).toContain("Rosa: Kith moved them to occasions-only");
        const moved = await getContact(deps, alice, rosa.id);
        expect(moved).toMatchObject({
          circle: "occasions-only",
          circleBeforeMoveOn: "close",
          movedOnAutomatically: true,
        });
        // The rebuild (as a second instance would) moves no one twice and gives the same state.
        const incremental = await derivedState(w);
        await rebuildDueState(deps, alice);
        expect(await derivedState(w)).toEqual(incremental);
      }
      if (view.todayOn === "2026-12-01") expect(view.movedOn).toEqual([]);
    }
    // Whatever stays (a dated follow-up, a cadence) says something new at least every week: nothing is frozen.
    const frozen = [...runs.entries()].filter(([, r]) => r.longest > 7).map(([name, r]) => `${name}: ${r.shown}`);
    expect(frozen).toEqual([]);
    expect((await getContact(deps, alice, rosa.id)).circle).toBe("occasions-only");
  }, 180_000); // 730 days, each read as the user would open Kith

  it("an undone automatic move-on is not made again for the same outreach", async () => {
    const { deps, alice } = w;
    const rosa = await createContact(deps, alice, { firstName: "Rosa", circle: "close" });
    for (const day of [2, 5, 9]) {
      await logInteraction(deps, alice, {
        contactIds: [rosa.id],
        kind: "email",
        direction: "outbound",
        occurredAt: morningOf(day),
      });
    }
    w.clock.set(morningOf(23));
    expect((await getToday(deps, alice)).movedOn).toHaveLength(1);
    expect((await undoMoveOn(deps, alice, rosa.id)).circle).toBe("close");
    w.clock.set(morningOf(30));
    const view = await getToday(deps, alice);
    expect(view.movedOn).toEqual([]);
    expect(reasons(view).Rosa).toBe("outreach-unanswered");
    expect((await getContact(deps, alice, rosa.id)).circle).toBe("close");
  });

  it("caps the day and spreads the rest over the coming days, never dropping any", async () => {
    const { deps, alice } = w;
    await updateSettings(deps, alice, { dailyCap: 3 });
    for (let i = 0; i < 8; i += 1) {
      const c = await createContact(deps, alice, { firstName: `Person${i}`, circle: "inner" });
      await logInteraction(deps, alice, {
        contactIds: [c.id],
        kind: "call",
        direction: "mutual",
        occurredAt: `2026-09-${String(10 + i).padStart(2, "0")}T12:00:00Z`,
      });
    }
    const view = await getToday(deps, alice);
    expect(view.items).toHaveLength(3);
    expect(view.later).toHaveLength(5);
    expect(view.later.map((l) => l.plannedOn)).toEqual([
      "2026-11-02",
      "2026-11-02",
      "2026-11-02",
      "2026-11-03",
      "2026-11-03",
    ]);
    // The oldest backlog goes first.
    expect(view.items[0]?.displayName).toBe("Person0");
    expect(view).toMatchObject({ laterCount: 5, laterCountCapped: false });
    // Past the counting cap, the count says "at least".
    expect(await deps.store.dueState.topDue(alice.accountId, 2, 4)).toMatchObject({ total: 4, capped: true });
    expect(await deps.store.dueState.topDue(alice.accountId, 2, 8)).toMatchObject({ total: 8, capped: false });
  });

  it("snoozes and skips an item, and undo brings it back exactly", async () => {
    const { deps, alice } = w;
    const p = await seed(deps, alice);
    const snoozed = await snoozeToday(deps, alice, p.tomas.id, { days: 7 });
    expect(snoozed.untilOn).toBe("2026-11-08");
    expect(reasons(await getToday(deps, alice))["Tomas Selby"]).toBeUndefined();
    w.clock.set(morningOf(8));
    expect(reasons(await getToday(deps, alice))["Tomas Selby"]).toBe("cadence-overdue");
    await undoToday(deps, alice, snoozed.undo);
    expect((await getContact(deps, alice, p.tomas.id)).snoozedUntilOn).toBeNull();

    const skipped = await skipToday(deps, alice, p.cathy.id);
    // A cadence skip waits one full interval of the (building) inner circle.
    expect(skipped.untilOn).toBe("2026-11-15");
    const done = await doneToday(deps, alice, p.tomas.id, { kind: "call" });
    expect((await getContact(deps, alice, p.tomas.id)).touchCount).toBe(2);
    await undoToday(deps, alice, done.undo);
    expect((await getContact(deps, alice, p.tomas.id)).touchCount).toBe(1);
  });

  it("mutes per contact, per tag and per account; follow-ups still come", async () => {
    const { deps, alice } = w;
    const p = await seed(deps, alice);
    await updateSettings(deps, alice, { mutedTags: ["Paused"] });
    await createContact(deps, alice, { firstName: "Tagged", circle: "inner", tags: ["paused"] });
    const { updateContact } = await import("../index.ts");
    await updateContact(deps, alice, p.tomas.id, { muted: true });
    expect(Object.keys(reasons(await getToday(deps, alice))).sort()).toEqual(["Cathy Jaworski", "José Núñez"]);
    await updateSettings(deps, alice, { muted: true });
    await addFollowUp(deps, alice, { contactId: p.mei.id, dueOn: "2026-11-01", title: "Send intro" });
    expect(reasons(await getToday(deps, alice))).toEqual({ "Mei Chen": "follow-up-due" });
  });

  it("names the field of a bad setting and keeps the old settings", async () => {
    const { deps, alice } = w;
    await expect(updateSettings(deps, alice, { connectionTarget: 12 })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "connectionTarget" }],
    });
    await expect(updateSettings(deps, alice, { nudgeScheduleDays: [7, 3] })).rejects.toMatchObject({
      issues: [{ path: "nudgeScheduleDays" }],
    });
    const view = await getToday(deps, alice);
    expect(view.habit.weeklyGoal).toBe(1);
  });
});
