import { describe, expect, it } from "vitest";
import {
  type CheckInFollowUp,
  checkInsMoved,
  followUpsForHeldInterview,
  followUpsForStage,
  type RuleContact,
  type RuleFollowUp,
  type StageRuleInput,
} from "./opportunity-rules.ts";
import { OPPORTUNITY_STAGES } from "./schemas.ts";

const NY = "America/New_York";
const recruiter: RuleContact = { contactId: "rosa", displayName: "Rosa", role: "recruiter", lastTouchAt: null };
const manager: RuleContact = { contactId: "hal", displayName: "Hal", role: "hiring-manager", lastTouchAt: null };
const interviewer: RuleContact = { contactId: "ivan", displayName: "Ivan", role: "interviewer", lastTouchAt: null };
const referrer: RuleContact = { contactId: "rhea", displayName: "Rhea", role: "referrer", lastTouchAt: null };
const everyone = [recruiter, manager, interviewer, referrer];

const move = (over: Partial<StageRuleInput>): StageRuleInput => ({
  // 02:00 UTC on the 10th is still the 9th in New York.
  nowAt: "2026-11-10T02:00:00.000Z",
  timeZone: NY,
  title: "Staff Engineer",
  companyName: "Acme",
  fromStage: "interested",
  toStage: "applied",
  contacts: everyone,
  followUps: [],
  ...over,
});

describe("the stage rules", () => {
  it("applied: a status check to the recruiter a week later (local days), and the application as an outreach", () => {
    const out = followUpsForStage(move({}));
    expect(out.create).toEqual([
      {
        contactId: "rosa",
        dueOn: "2026-11-16",
        title: "Status check on the application: Staff Engineer at Acme",
        draftSlot: "status-check",
      },
    ]);
    expect(out.outreachTo).toEqual(["rosa"]);
    expect(out.close).toEqual([]);
  });

  it("applied without a recruiter: the hiring manager; with neither, nothing to follow up with", () => {
    expect(followUpsForStage(move({ contacts: [manager, interviewer] })).create.map((f) => f.contactId)).toEqual([
      "hal",
    ]);
    expect(followUpsForStage(move({ contacts: [interviewer] }))).toEqual({ create: [], close: [], outreachTo: [] });
  });

  it("interviewing: a check-in 7 days after the last touch, never before today", () => {
    const touched = { ...recruiter, lastTouchAt: "2026-11-06T15:00:00.000Z" };
    const out = followUpsForStage(move({ fromStage: "applied", toStage: "interviewing", contacts: [touched] }));
    expect(out.create).toMatchObject([{ contactId: "rosa", dueOn: "2026-11-13", draftSlot: "status-check" }]);
    const long = { ...recruiter, lastTouchAt: "2026-09-01T15:00:00.000Z" };
    const late = followUpsForStage(move({ fromStage: "applied", toStage: "interviewing", contacts: [long] }));
    expect(late.create[0]?.dueOn).toBe("2026-11-09");
    const never = followUpsForStage(move({ fromStage: "applied", toStage: "interviewing", contacts: [recruiter] }));
    expect(never.create[0]?.dueOn).toBe("2026-11-16");
  });

  it("offer: thanks each referrer today; a later stage closes the earlier stage's open status checks only", () => {
    const followUps: RuleFollowUp[] = [
      { id: "check", status: "open", draftSlot: "status-check" },
      { id: "snoozed-check", status: "snoozed", draftSlot: "status-check" },
      { id: "done-check", status: "done", draftSlot: "status-check" },
      { id: "thanks", status: "open", draftSlot: "thank-you-interview" },
      { id: "by-hand", status: "open", draftSlot: null },
    ];
    const out = followUpsForStage(move({ fromStage: "interviewing", toStage: "offer", followUps }));
    expect(out.create).toEqual([
      {
        contactId: "rhea",
        dueOn: "2026-11-09",
        title: "Thank Rhea for the referral: an offer for Staff Engineer at Acme",
        draftSlot: "thank-you-referral",
      },
    ]);
    expect(out.close).toEqual(["check", "snoozed-check"]);
  });

  it.each(["rejected", "withdrawn"] as const)(
    "%s: every open follow-up of it closed, keep-in-touch notes for the recruiter and interviewers",
    (toStage) => {
      const followUps: RuleFollowUp[] = [
        { id: "thanks", status: "open", draftSlot: "thank-you-interview" },
        { id: "by-hand", status: "snoozed", draftSlot: null },
        { id: "old", status: "skipped", draftSlot: null },
      ];
      const out = followUpsForStage(move({ fromStage: "interviewing", toStage, followUps }));
      expect(out.close).toEqual(["thanks", "by-hand"]);
      expect(out.create.map((f) => [f.contactId, f.dueOn, f.draftSlot])).toEqual([
        ["rosa", "2026-11-23", "keep-in-touch"],
        ["ivan", "2026-11-23", "keep-in-touch"],
      ]);
      expect(out.outreachTo).toEqual([]);
    },
  );

  it("moving to the stage it has does nothing; screening and accepted create nothing", () => {
    for (const stage of OPPORTUNITY_STAGES) {
      expect(followUpsForStage(move({ fromStage: stage, toStage: stage }))).toEqual({
        create: [],
        close: [],
        outreachTo: [],
      });
    }
    expect(followUpsForStage(move({ fromStage: "applied", toStage: "screening" })).create).toEqual([]);
    expect(followUpsForStage(move({ fromStage: "offer", toStage: "accepted" })).create).toEqual([]);
  });
});

describe("an interview held", () => {
  const held = (over: Partial<Parameters<typeof followUpsForHeldInterview>[0]>) =>
    followUpsForHeldInterview({
      nowAt: "2026-11-06T04:45:00.000Z",
      timeZone: NY,
      title: "Staff Engineer",
      companyName: "Acme",
      startsAt: "2026-11-06T04:30:00.000Z",
      interviewContactIds: ["ivan", "nina", "ivan"],
      contacts: everyone,
      displayNames: new Map([["nina", "Nina"]]),
      ...over,
    });

  it("at 23:30 New York time: a thank-you to each of its people due that local day, not the UTC one", () => {
    expect(held({})).toEqual([
      {
        contactId: "ivan",
        dueOn: "2026-11-05",
        title: "Thank Ivan for the interview: Staff Engineer at Acme",
        draftSlot: "thank-you-interview",
      },
      {
        contactId: "nina",
        dueOn: "2026-11-05",
        title: "Thank Nina for the interview: Staff Engineer at Acme",
        draftSlot: "thank-you-interview",
      },
    ]);
  });

  it("the same instant in Tokyo is the next day there", () => {
    expect(held({ timeZone: "Asia/Tokyo" })[0]?.dueOn).toBe("2026-11-06");
  });

  it("marked held days later: due today; with no people named, the opportunity's interviewers", () => {
    const late = held({ nowAt: "2026-11-09T15:00:00.000Z", interviewContactIds: [] });
    expect(late).toMatchObject([{ contactId: "ivan", dueOn: "2026-11-09" }]);
  });
});

describe("the interviewing check-in after a later touch", () => {
  const checkIn: CheckInFollowUp = {
    id: "check",
    status: "open",
    draftSlot: "status-check",
    dueOn: "2026-11-16",
    snoozedUntilOn: null,
  };
  const moved = (over: Partial<Parameters<typeof checkInsMoved>[0]>) =>
    checkInsMoved({
      nowAt: "2026-11-12T15:00:00.000Z",
      timeZone: NY,
      stage: "interviewing",
      contacts: everyone,
      followUps: [checkIn],
      ...over,
    });

  it("a touch with an interviewer moves the recruiter's check-in to 7 local days after it", () => {
    // 03:30 UTC on the 12th is 22:30 on the 11th in New York: the check-in is due on the 18th, not the 19th.
    const touched = { ...interviewer, lastTouchAt: "2026-11-12T03:30:00.000Z" };
    expect(moved({ contacts: [recruiter, touched] })).toEqual([{ id: "check", dueOn: "2026-11-18" }]);
    expect(moved({ contacts: [recruiter, touched], timeZone: "Asia/Tokyo" })).toEqual([
      { id: "check", dueOn: "2026-11-19" },
    ]);
  });

  it("the latest touch with anyone on it counts; one dated later than now counts as today", () => {
    const early = { ...recruiter, lastTouchAt: "2026-11-03T15:00:00.000Z" };
    const late = { ...referrer, lastTouchAt: "2026-11-10T15:00:00.000Z" };
    expect(moved({ contacts: [early, late] })).toEqual([{ id: "check", dueOn: "2026-11-17" }]);
    const future = { ...manager, lastTouchAt: "2026-12-25T15:00:00.000Z" };
    expect(moved({ contacts: [future] })).toEqual([{ id: "check", dueOn: "2026-11-19" }]);
  });

  it("never earlier: a check-in due later already, or a touch before it was set, leaves it", () => {
    const old = { ...recruiter, lastTouchAt: "2026-11-09T15:00:00.000Z" };
    expect(moved({ contacts: [old] })).toEqual([]);
    expect(moved({ contacts: [recruiter] })).toEqual([]);
  });

  it("a snoozed check-in is open again on the new day unless its snooze runs later; others are left", () => {
    const touched = { ...recruiter, lastTouchAt: "2026-11-12T15:00:00.000Z" };
    const followUps: CheckInFollowUp[] = [
      { ...checkIn, id: "short-snooze", status: "snoozed", snoozedUntilOn: "2026-11-14" },
      { ...checkIn, id: "long-snooze", status: "snoozed", snoozedUntilOn: "2026-11-30" },
      { ...checkIn, id: "done", status: "done" },
      { ...checkIn, id: "thanks", draftSlot: "thank-you-interview" },
      { ...checkIn, id: "by-hand", draftSlot: null },
    ];
    expect(moved({ contacts: [touched], followUps })).toEqual([{ id: "short-snooze", dueOn: "2026-11-19" }]);
  });

  it.each(OPPORTUNITY_STAGES.filter((s) => s !== "interviewing"))("%s: nothing moves", (stage) => {
    const touched = { ...recruiter, lastTouchAt: "2026-11-12T15:00:00.000Z" };
    expect(moved({ stage, contacts: [touched] })).toEqual([]);
  });
});
