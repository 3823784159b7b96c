import { describe, expect, it } from "vitest";
import {
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
