import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  addFollowUp,
  addInterview,
  completeFollowUp,
  createContact,
  createOpportunity,
  getProgress,
  logInteraction,
  moveStage,
} from "../index.ts";

describe.each(DIALECTS)("progress on %s", (dialect) => {
  // Wednesday 2026-11-04, 09:00 in New York; weeks start on Monday.
  const w = useTestWorld(dialect, {
    startAt: "2026-11-04T14:00:00.000Z",
    aliceAccount: { timeZone: "America/New_York" },
  });
  const coachOf = (scope: { tags: string[]; jobSearch: boolean }): Actor => ({
    userId: w.bob.userId,
    accountId: w.alice.accountId,
    role: "coach",
    scope,
  });

  /**
   * Zoë (tagged "job search") got an email answered six hours later and one message this week; Hidden (family) is a
   * connection built in October, reached every week since, and got two messages this week nobody answered. A
   * coach of "job search" must see Zoë's figures only: each of Hidden's would change a number.
   */
  async function seed() {
    const { deps, alice } = w;
    const log = (contactId: string, occurredAt: string, kind: string, direction: string) =>
      logInteraction(deps, alice, { contactIds: [contactId], kind, direction, occurredAt });
    const zoe = await createContact(deps, alice, { firstName: "Zoë", circle: "inner", tags: ["Job Search"] });
    const hidden = await createContact(deps, alice, { firstName: "Hidden", circle: "inner", tags: ["family"] });
    await log(zoe.id, "2026-09-01T10:00:00Z", "email", "outbound");
    await log(zoe.id, "2026-09-01T16:00:00Z", "email", "inbound");
    await log(zoe.id, "2026-11-03T15:00:00Z", "call", "mutual");
    for (const day of ["01", "04", "08", "12", "16", "20", "27"])
      await log(hidden.id, `2026-10-${day}T15:00:00Z`, "call", "mutual");
    await log(hidden.id, "2026-11-03T16:00:00Z", "message", "outbound");
    await log(hidden.id, "2026-11-03T17:00:00Z", "message", "outbound");
    const job = await createOpportunity(deps, alice, { title: "Staff engineer", companyName: "Acme" });
    await moveStage(deps, alice, job.id, { stage: "applied", on: "2026-11-02" });
    await addInterview(deps, alice, job.id, { startsAt: "2026-11-10T15:00:00Z", kind: "video" });
    return { zoe, hidden, job };
  }

  it("the owner's progress covers the whole account", async () => {
    const { job } = await seed();
    const p = await getProgress(w.deps, w.alice);
    expect(p.coverage).toEqual({ everything: true, tags: [] });
    expect(p.network?.habit).toMatchObject({ weekStartOn: "2026-11-02", weekCount: 3, met: true, streakWeeks: 6 });
    expect(p.network?.replies.overall).toMatchObject({ sent: 3, answered: 1 });
    expect(p.network?.connectionsPerMonth.at(-2)).toEqual({ month: "2026-10", connected: 1 });
    expect(p.jobSearch?.stages.find((s) => s.stage === "applied")?.count).toBe(1);
    expect(p.jobSearch?.recentChanges[0]).toMatchObject({
      opportunityId: job.id,
      title: "Staff engineer",
      companyName: "Acme",
      fromStage: "interested",
      stage: "applied",
      changedOn: "2026-11-02",
    });
    expect(p.jobSearch?.interviews).toEqual([
      {
        opportunityId: job.id,
        title: "Staff engineer",
        companyName: "Acme",
        startsAt: "2026-11-10T15:00:00.000Z",
        kind: "video",
        held: false,
      },
    ]);
  });

  it("a tag-scoped coach's figures count the shared contacts only", async () => {
    await seed();
    const p = await getProgress(w.deps, coachOf({ tags: ["job search"], jobSearch: true }));
    expect(p.coverage).toEqual({ everything: false, tags: ["job search"] });
    // Only Zoë's call this week; Hidden's October weeks would make a streak of 6.
    expect(p.network?.habit).toMatchObject({ weekCount: 1, met: true, streakWeeks: 1 });
    expect(p.network?.replies.overall).toEqual({ sent: 1, answered: 1, rate: 1, medianHoursToReply: 6 });
    expect(p.network?.replies.byChannel.map((c) => c.kind)).toEqual(["email"]);
    expect(p.network?.connectionsPerMonth.every((m) => m.connected === 0)).toBe(true);
    expect(p.jobSearch?.stages.find((s) => s.stage === "applied")?.count).toBe(1);
    expect(JSON.stringify(p)).not.toContain("Hidden");
  });

  it("a meeting with a shared and an unshared person counts once for the coach; the unshared one's follow-up not", async () => {
    const { deps, alice } = w;
    const zoe = await createContact(deps, alice, { firstName: "Zoë", tags: ["job search"] });
    const hidden = await createContact(deps, alice, { firstName: "Hidden", tags: ["family"] });
    await logInteraction(deps, alice, {
      contactIds: [zoe.id, hidden.id],
      kind: "meeting",
      direction: "mutual",
      occurredAt: "2026-11-03T15:00:00Z",
    });
    const task = await addFollowUp(deps, alice, { contactId: hidden.id, dueOn: "2026-11-04", title: "Call back" });
    await completeFollowUp(deps, alice, task.id, {});
    const coach = coachOf({ tags: ["job search"], jobSearch: false });
    expect((await getProgress(deps, alice)).network?.habit.weekCount).toBe(2);
    expect((await getProgress(deps, coach)).network?.habit.weekCount).toBe(1);
  });

  it("what is not shared is null, and a coach of another tag counts nothing of Zoë's", async () => {
    await seed();
    const nothing = await getProgress(w.deps, coachOf({ tags: [], jobSearch: false }));
    expect(nothing).toMatchObject({ network: null, jobSearch: null, coverage: { everything: false, tags: [] } });
    const other = await getProgress(w.deps, coachOf({ tags: ["mentors"], jobSearch: false }));
    expect(other.jobSearch).toBeNull();
    expect(other.network?.habit).toMatchObject({ weekCount: 0, streakWeeks: 0 });
    expect(other.network?.replies.overall.sent).toBe(0);
  });

  it("another account's progress holds none of Alice's", async () => {
    await seed();
    const p = await getProgress(w.deps, w.bob);
    expect(p.network?.habit.weekCount).toBe(0);
    expect(p.network?.replies.overall.sent).toBe(0);
    expect(p.jobSearch?.stages.every((s) => s.count === 0)).toBe(true);
    expect(p.jobSearch?.recentChanges).toEqual([]);
  });
});
