import { describe, expect, it } from "vitest";
import { opportunityOf } from "../testing/opportunity.ts";
import { describeEffects, groupByStage, moveTargets, NO_STATUS_CHECK, nextStep, STAGES } from "./stages.ts";

const opp = opportunityOf;

describe("the pipeline's stages", () => {
  it("has a column for every stage, in the pipeline's order, even when empty", () => {
    const columns = groupByStage([opp({ id: "a", stage: "offer" })]);
    expect(columns.map((c) => c.stage)).toEqual(STAGES);
    expect(columns.find((c) => c.stage === "offer")?.items.map((o) => o.id)).toEqual(["a"]);
    expect(columns.find((c) => c.stage === "applied")?.items).toEqual([]);
  });
  it("puts the soonest interview first, then the longest waiting, then by title", () => {
    const columns = groupByStage([
      opp({ id: "b-new", stage: "interviewing", stageOn: "2026-12-05" }),
      opp({ id: "late", stage: "interviewing", nextInterviewAt: "2026-12-10T09:00:00.000Z" }),
      opp({ id: "a-new", stage: "interviewing", stageOn: "2026-12-05" }),
      opp({ id: "soon", stage: "interviewing", nextInterviewAt: "2026-12-08T09:00:00.000Z" }),
      opp({ id: "old", stage: "interviewing", stageOn: "2026-11-01" }),
    ]);
    const interviewing = columns.find((c) => c.stage === "interviewing")?.items.map((o) => o.id);
    expect(interviewing).toEqual(["soon", "late", "old", "a-new", "b-new"]);
  });
  it("offers every other stage as a move", () => {
    expect(moveTargets("applied")).toEqual([
      "interested",
      "screening",
      "interviewing",
      "offer",
      "accepted",
      "rejected",
      "withdrawn",
    ]);
  });
});

describe("a card's next step", () => {
  const now = new Date(2026, 11, 7, 10);
  it("is the next interview, on the account's clock", () => {
    const o = opp({ id: "a", stage: "interviewing", nextInterviewAt: "2026-12-09T22:30:00.000Z" });
    // 23:30 in Paris, still the 9th there (the 10th in Tokyo).
    expect(nextStep(o, [], "Europe/Paris", now)).toMatch(/^Interview .*9.*(23:30|11:30 PM)/);
    expect(nextStep(o, [], "Asia/Tokyo", now)).toMatch(/^Interview .*10.*(07:30|7:30 AM)$/);
  });
  it("asks to mark a past interview held", () => {
    const o = opp({ id: "a", stage: "interviewing", nextInterviewAt: "2026-12-06T09:00:00.000Z" });
    expect(nextStep(o, [], "Europe/Paris", now)).toMatch(/^Interview .*6.*: held\? Mark it$/);
  });
  it("else the earliest open follow-up, snoozed ones at their new day", () => {
    const o = opp({ id: "a", stage: "applied" });
    const followUps = [
      { title: "Done one", dueOn: "2026-12-01", status: "done" as const, snoozedUntilOn: null },
      { title: "Status check", dueOn: "2026-12-14", status: "open" as const, snoozedUntilOn: null },
      { title: "Snoozed", dueOn: "2026-12-02", status: "snoozed" as const, snoozedUntilOn: "2026-12-20" },
    ];
    expect(nextStep(o, followUps, "Europe/Paris", now)).toBe("Status check, due in 7 days");
  });
  it("else how long it has been in its stage", () => {
    expect(nextStep(opp({ id: "a", stage: "applied", stageOn: "2026-12-04" }), [], "UTC", now)).toBe(
      "Applied 3 days ago",
    );
  });
});

describe("what a move did, in words", () => {
  it("names each follow-up created, with its person when the title does not, and counts those closed", () => {
    const now = new Date(2026, 11, 7, 10);
    const names = new Map([
      ["ana", "Ana Lima"],
      ["bo", "Bo Chen"],
    ]);
    const created = [
      { title: "Thank Ana Lima for the interview: Designer at Acme", dueOn: "2026-12-07", contactId: "ana" },
      { title: "Status check on the application: Designer at Acme", dueOn: "2026-12-14", contactId: "bo" },
    ];
    expect(describeEffects({ created, closed: [{}, {}] }, names, now)).toEqual([
      "Thank Ana Lima for the interview: Designer at Acme, due today",
      "Status check on the application: Designer at Acme (Bo Chen), due in 7 days",
      "2 open follow-ups closed",
    ]);
    expect(describeEffects({ created: [], closed: [] }, names, now)).toEqual([]);
    // Applied with nobody to check in with: said, not silent.
    expect(describeEffects({ created: [], closed: [], opportunity: { stage: "applied" } }, names, now)).toEqual([
      NO_STATUS_CHECK,
    ]);
    expect(describeEffects({ created, closed: [], opportunity: { stage: "applied" } }, names, now)).not.toContain(
      NO_STATUS_CHECK,
    );
  });
});
