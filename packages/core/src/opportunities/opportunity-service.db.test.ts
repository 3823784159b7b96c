import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createCompany } from "../companies/company-service.ts";
import { createContact } from "../contacts/contact-service.ts";
import { addFollowUp, completeFollowUp, listFollowUps, snoozeFollowUp } from "../follow-ups/follow-up-service.ts";
import { logInteraction, updateInteraction } from "../interactions/interaction-service.ts";
import { addRelationship } from "../network/relationship-service.ts";
import { DomainError } from "../shared/errors.ts";
import { codeOf } from "../testing/fakes.ts";
import { getToday } from "../today/today-service.ts";
import { createJobExpense, jobExpensesCsv, listJobExpenses } from "./expense-service.ts";
import { addInterview, holdInterview } from "./interview-service.ts";
import { moveStage } from "./move-stage.ts";
import { listTargetCompanies, opportunityNetwork } from "./network-service.ts";
import {
  addOpportunityContact,
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  updateOpportunity,
} from "./opportunity-service.ts";
import { createInterviewQuestion, getInterviewPrep, putInterviewPrep } from "./prep-service.ts";

async function fieldOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return error.issues?.[0]?.path;
    throw error;
  }
  return undefined;
}

describe.each(DIALECTS)("the job search on %s", (dialect) => {
  // Alice lives in New York; the clock starts 2026-11-02T09:00Z (04:00 there).
  const w = useTestWorld(dialect);
  const viewer = (): Actor => ({ ...w.alice, role: "viewer" });

  async function acmeJob() {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", lastName: "Recruiter" });
    const ivan = await createContact(w.deps, w.alice, { firstName: "Ivan", lastName: "Interviewer" });
    const ref = await createContact(w.deps, w.alice, { firstName: "Rhea", lastName: "Referrer" });
    const job = await createOpportunity(w.deps, w.alice, {
      title: "Staff Engineer",
      companyName: "Acme",
      salaryMin: 100_000,
      salaryMax: 120_000,
      salaryCurrency: "eur",
    });
    await addOpportunityContact(w.deps, w.alice, job.id, { contactId: rosa.id, role: "recruiter" });
    await addOpportunityContact(w.deps, w.alice, job.id, { contactId: ivan.id, role: "interviewer" });
    await addOpportunityContact(w.deps, w.alice, job.id, { contactId: ref.id, role: "referrer" });
    return { job, rosa, ivan, ref };
  }

  it("adds an opportunity at a company found or created by name, dated in its stage history", async () => {
    const { job } = await acmeJob();
    expect(job).toMatchObject({
      companyName: "Acme",
      stage: "interested",
      stageOn: "2026-11-02",
      salaryCurrency: "EUR",
    });
    expect(job.stageHistory).toMatchObject([{ stage: "interested", fromStage: null, changedOn: "2026-11-02" }]);
    const again = await createOpportunity(w.deps, w.alice, { title: "Principal", companyName: "ACME" });
    expect(again.companyId).toBe(job.companyId);
    expect((await listOpportunities(w.deps, viewer(), {})).items.map((o) => o.title).sort()).toEqual([
      "Principal",
      "Staff Engineer",
    ]);
    expect(await listOpportunities(w.deps, w.bob, {})).toEqual({ items: [], nextCursor: null, total: 0 });
    expect(
      await fieldOf(createOpportunity(w.deps, w.alice, { title: "X", companyName: "A", salaryMin: 5, salaryMax: 1 })),
    ).toBe("salaryMax");
    expect(await codeOf(createOpportunity(w.deps, viewer(), { title: "X", companyName: "A" }))).toBe("forbidden");
    // Salaries are whole units of their currency, won and yen included.
    const seoul = await createOpportunity(w.deps, w.alice, {
      title: "백엔드 개발자",
      companyName: "Naver",
      salaryMin: 80_000_000,
      salaryMax: 120_000_000,
      salaryCurrency: "krw",
    });
    expect(seoul).toMatchObject({ salaryMin: 80_000_000, salaryMax: 120_000_000, salaryCurrency: "KRW" });
    const hanoi = await createOpportunity(w.deps, w.alice, {
      title: "Kỹ sư phần mềm",
      companyName: "FPT",
      salaryMin: 2_400_000_000,
      salaryMax: 3_600_000_000,
      salaryCurrency: "VND",
    });
    expect(await getOpportunity(w.deps, w.alice, hanoi.id)).toMatchObject({
      salaryMin: 2_400_000_000,
      salaryMax: 3_600_000_000,
    });
    expect(await fieldOf(createOpportunity(w.deps, w.alice, { title: "X", companyName: "A", salaryMin: 1.5 }))).toBe(
      "salaryMin",
    );
    const edited = await updateOpportunity(w.deps, w.alice, job.id, { remote: true, location: "Berlin" });
    expect(edited).toMatchObject({ remote: true, location: "Berlin", title: "Staff Engineer" });
  });

  it("shows who you know at the job's company and, through the network, whom you could be introduced to", async () => {
    const acme = await createCompany(w.deps, w.alice, { name: "Acme Robotics" });
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana", lastName: "Ruiz" });
    const leo = await createContact(w.deps, w.alice, { firstName: "Leo", lastName: "Park", companyId: acme.id });
    await logInteraction(w.deps, w.alice, { contactIds: [ana.id], kind: "call", direction: "mutual" });
    await addRelationship(w.deps, w.alice, { fromContactId: ana.id, toContactId: leo.id, kind: "colleague" });
    const job = await createOpportunity(w.deps, w.alice, { title: "Robot whisperer", companyId: acme.id });
    const network = await opportunityNetwork(w.deps, w.alice, job.id);
    expect(network.firstDegree.map((p) => p.displayName)).toEqual(["Leo Park"]);
    expect(network.secondDegree).toEqual([{ contactId: leo.id, displayName: "Leo Park", via: ["Ana Ruiz"] }]);
    expect(network.suggestReferral).toBe(true);
  });

  it("keeps another account's opportunity out of reach: not found, never its data", async () => {
    const { job, rosa } = await acmeJob();
    expect(await codeOf(getOpportunity(w.deps, w.bob, job.id))).toBe("not_found");
    expect(await codeOf(moveStage(w.deps, w.bob, job.id, { stage: "applied" }))).toBe("not_found");
    expect(await codeOf(deleteOpportunity(w.deps, w.bob, job.id))).toBe("not_found");
    expect(await codeOf(opportunityNetwork(w.deps, w.bob, job.id))).toBe("not_found");
    expect(await codeOf(getInterviewPrep(w.deps, w.bob, job.id))).toBe("not_found");
    const bobJob = await createOpportunity(w.deps, w.bob, { title: "Mine", companyName: "Bobco" });
    expect(await codeOf(addOpportunityContact(w.deps, w.bob, bobJob.id, { contactId: rosa.id, role: "other" }))).toBe(
      "not_found",
    );
  });

  it("checks a follow-up's opportunity: a real one of the same account, else a 400 naming opportunityId", async () => {
    const { job, rosa } = await acmeJob();
    const bobJob = await createOpportunity(w.deps, w.bob, { title: "Mine", companyName: "Bobco" });
    const base = { contactId: rosa.id, dueOn: "2026-11-10", title: "Ask about the team" };
    expect(await fieldOf(addFollowUp(w.deps, w.alice, { ...base, opportunityId: "anything-at-all" }))).toBe(
      "opportunityId",
    );
    expect(await fieldOf(addFollowUp(w.deps, w.alice, { ...base, opportunityId: bobJob.id }))).toBe("opportunityId");
    const linked = await addFollowUp(w.deps, w.alice, { ...base, opportunityId: job.id });
    expect(linked.opportunityId).toBe(job.id);
  });

  it("applying logs an outreach to the recruiter and a status check a week later, on Today with its draft", async () => {
    const { job, rosa } = await acmeJob();
    const moved = await moveStage(w.deps, w.alice, job.id, { stage: "applied" });
    expect(moved.created).toMatchObject([{ contactId: rosa.id, dueOn: "2026-11-09", opportunityId: job.id }]);
    expect(moved.opportunity.stageHistory.map((s) => s.stage)).toEqual(["interested", "applied"]);
    expect(moved.opportunity.stage).toBe("applied");

    w.clock.set("2026-11-09T15:00:00.000Z");
    const today = await getToday(w.deps, w.alice);
    const item = today.items.find((i) => i.contactId === rosa.id);
    expect(item).toMatchObject({ reasonKind: "opportunity-stage", followUpId: moved.created[0]?.id });
    expect(item?.draft.templateId).toBe("default:status-check");
    expect(item?.opportunity).toEqual({ id: job.id, title: "Staff Engineer", companyName: "Acme" });
    // Bob's list names none of Alice's jobs; an item that is no opportunity's names none.
    expect((await getToday(w.deps, w.bob)).items.every((i) => i.opportunity === null)).toBe(true);

    // Moving on to screening closes the application's status check: that stage has passed.
    const screening = await moveStage(w.deps, w.alice, job.id, { stage: "screening" });
    expect(screening.closed.map((f) => f.id)).toEqual([moved.created[0]?.id]);
  });

  it("two moves to the same stage at once make one history row and one set of follow-ups", async () => {
    const { job, rosa } = await acmeJob();
    // No people on it: only the opportunity's own row lock keeps the two apart.
    const bare = await createOpportunity(w.deps, w.alice, { title: "Bare", companyName: "Acme" });
    const results = await Promise.all([
      moveStage(w.deps, w.alice, job.id, { stage: "applied" }),
      moveStage(w.deps, w.alice, job.id, { stage: "applied" }),
      moveStage(w.deps, w.alice, bare.id, { stage: "screening" }),
      moveStage(w.deps, w.alice, bare.id, { stage: "screening" }),
    ]);
    expect(results.flatMap((r) => r.created).map((f) => f.contactId)).toEqual([rosa.id]);
    const after = await getOpportunity(w.deps, w.alice, job.id);
    expect(after.stageHistory.map((s) => s.stage)).toEqual(["interested", "applied"]);
    expect(after.followUps).toHaveLength(1);
    const bareAfter = await getOpportunity(w.deps, w.alice, bare.id);
    expect(bareAfter.stageHistory.map((s) => s.stage)).toEqual(["interested", "screening"]);
  });

  it("an interview held at 23:30 New York time asks for a thank-you to each interviewer that same local day", async () => {
    const { job, ivan } = await acmeJob();
    await moveStage(w.deps, w.alice, job.id, { stage: "interviewing" });
    // 23:30 on 2026-11-05 in New York is 04:30 UTC on the 6th.
    const interview = await addInterview(w.deps, w.alice, job.id, {
      startsAt: "2026-11-06T04:30:00.000Z",
      kind: "video",
      contactIds: [ivan.id],
    });
    expect(interview.timeZone).toBe("America/New_York");
    w.clock.set("2026-11-06T04:45:00.000Z");
    const held = await holdInterview(w.deps, w.alice, job.id, interview.id);
    expect(held.created).toMatchObject([{ contactId: ivan.id, dueOn: "2026-11-05", status: "open" }]);
    expect(held.interview.heldAt).toBe("2026-11-06T04:45:00.000Z");
    expect(await codeOf(holdInterview(w.deps, w.alice, job.id, interview.id))).toBe("conflict");

    const item = (await getToday(w.deps, w.alice)).items.find((i) => i.contactId === ivan.id);
    expect(item).toMatchObject({ reasonKind: "opportunity-stage" });
    expect(item?.draft.templateId).toBe("default:thank-you-interview");
  });

  it("while interviewing, a later touch with anyone on the opportunity moves its check-in to 7 days after it", async () => {
    const { job, rosa, ivan, ref } = await acmeJob();
    const stranger = await createContact(w.deps, w.alice, { firstName: "Sam", companyId: job.companyId ?? undefined });
    const moved = await moveStage(w.deps, w.alice, job.id, { stage: "interviewing" });
    const checkIn = moved.created[0];
    expect(moved.created).toMatchObject([{ contactId: rosa.id, dueOn: "2026-11-09" }]);
    const dueOf = async () =>
      (await getOpportunity(w.deps, w.alice, job.id)).followUps.find((f) => f.id === checkIn?.id);

    // A call with the interviewer at 23:30 New York time on the 5th (04:30 UTC on the 6th): due on the 12th.
    w.clock.set("2026-11-06T05:00:00.000Z");
    await logInteraction(w.deps, w.alice, {
      contactIds: [ivan.id],
      kind: "call",
      direction: "mutual",
      occurredAt: "2026-11-06T04:30:00.000Z",
    });
    expect(await dueOf()).toMatchObject({ status: "open", dueOn: "2026-11-12" });
    const today = async () => (await getToday(w.deps, w.alice)).items.find((i) => i.followUpId === checkIn?.id);
    w.clock.set("2026-11-09T15:00:00.000Z");
    expect(await today()).toBeUndefined();

    // Someone else at the company, or a touch that is not one (a like), does not move it.
    await logInteraction(w.deps, w.alice, { contactIds: [stranger.id], kind: "call", direction: "mutual" });
    await logInteraction(w.deps, w.alice, {
      contactIds: [ref.id],
      kind: "social",
      direction: "inbound",
      meaningful: false,
    });
    expect((await dueOf())?.dueOn).toBe("2026-11-12");

    // Snoozed to the 11th, then the thank-you to the referrer is done and logged on the 10th: open again on the 17th.
    await snoozeFollowUp(w.deps, w.alice, checkIn?.id ?? "", { untilOn: "2026-11-11" });
    w.clock.set("2026-11-10T15:00:00.000Z");
    const thanks = await addFollowUp(w.deps, w.alice, { contactId: ref.id, dueOn: "2026-11-10", title: "Thank Rhea" });
    await completeFollowUp(w.deps, w.alice, thanks.id, { log: { kind: "email" } });
    expect(await dueOf()).toMatchObject({ status: "open", dueOn: "2026-11-17", snoozedUntilOn: null });

    // An edit that dates a touch later moves it on; nothing brings it forward.
    const call = await logInteraction(w.deps, w.alice, {
      contactIds: [rosa.id],
      kind: "call",
      direction: "mutual",
      occurredAt: "2026-11-08T15:00:00.000Z",
    });
    expect((await dueOf())?.dueOn).toBe("2026-11-17");
    await updateInteraction(w.deps, w.alice, call.id, { occurredAt: "2026-11-10T20:00:00.000Z" });
    expect((await dueOf())?.dueOn).toBe("2026-11-17");
    w.clock.set("2026-11-12T15:00:00.000Z");
    await updateInteraction(w.deps, w.alice, call.id, { occurredAt: "2026-11-12T14:00:00.000Z" });
    expect((await dueOf())?.dueOn).toBe("2026-11-19");

    // Bob's touches never reach Alice's check-in; after the offer, touches move nothing.
    await moveStage(w.deps, w.alice, job.id, { stage: "offer" });
    expect((await dueOf())?.status).toBe("skipped");
    w.clock.set("2026-11-13T15:00:00.000Z");
    await logInteraction(w.deps, w.alice, { contactIds: [rosa.id], kind: "call", direction: "mutual" });
    expect(await dueOf()).toMatchObject({ status: "skipped", dueOn: "2026-11-19" });
  });

  it("a rejection closes the opportunity's open follow-ups and suggests keeping in touch; an offer thanks the referrer", async () => {
    const { job, rosa, ivan, ref } = await acmeJob();
    const applied = await moveStage(w.deps, w.alice, job.id, { stage: "applied" });
    const offer = await moveStage(w.deps, w.alice, job.id, { stage: "offer" });
    expect(offer.created).toMatchObject([{ contactId: ref.id, dueOn: "2026-11-02" }]);
    const rejected = await moveStage(w.deps, w.alice, job.id, { stage: "rejected", on: "2026-11-03" });
    expect(rejected.closed.map((f) => f.id).sort()).toEqual(
      [offer.created[0]?.id].sort(), // the status check was closed by the offer already
    );
    expect(applied.created).toHaveLength(1);
    expect(rejected.created.map((f) => f.contactId).sort()).toEqual([rosa.id, ivan.id].sort());
    expect(rejected.created.every((f) => f.dueOn === "2026-11-16")).toBe(true);
    expect(rejected.opportunity).toMatchObject({ stage: "rejected", stageOn: "2026-11-03" });
    const open = await listFollowUps(w.deps, w.alice, { status: "open" }, {});
    expect(open.items.map((f) => f.contactId).sort()).toEqual([rosa.id, ivan.id].sort());
  });

  it("shows who you know at the company, and the target companies with people, open opportunities and last touch", async () => {
    const { job } = await acmeJob();
    const ken = await createContact(w.deps, w.alice, { firstName: "Ken", companyId: job.companyId ?? undefined });
    const network = await opportunityNetwork(w.deps, viewer(), job.id);
    expect(network).toMatchObject({ companyName: "Acme", suggestReferral: true, secondDegree: [] });
    expect(network.firstDegree.map((p) => p.contactId)).toEqual([ken.id]);
    const targets = await listTargetCompanies(w.deps, viewer());
    expect(targets).toMatchObject([
      { name: "Acme", peopleCount: 1, openOpportunities: [{ id: job.id, stage: "interested" }], lastTouchAt: null },
    ]);
  });

  it("keeps interview prep and a question bank, checking the links", async () => {
    const { job, rosa } = await acmeJob();
    const q = await createInterviewQuestion(w.deps, w.alice, { question: "Why Acme?", tags: ["culture"] });
    expect(await getInterviewPrep(w.deps, viewer(), job.id)).toMatchObject({ updatedAt: null, questions: [] });
    const prep = await putInterviewPrep(w.deps, w.alice, job.id, {
      researchNotes: "Series B",
      questions: [{ question: q.question, answer: "Mission", questionId: q.id }],
      peopleToMeet: [{ name: "Rosa", contactId: rosa.id }],
    });
    expect(await getInterviewPrep(w.deps, viewer(), job.id)).toEqual(prep);
    const bobQ = await createInterviewQuestion(w.deps, w.bob, { question: "Bob's?" });
    expect(
      await fieldOf(putInterviewPrep(w.deps, w.alice, job.id, { questions: [{ question: "x", questionId: bobQ.id }] })),
    ).toBe("questions.0.questionId");
  });

  it("logs expenses in minor units with yearly totals per currency and a CSV", async () => {
    const { job } = await acmeJob();
    await createJobExpense(w.deps, w.alice, {
      spentOn: "2026-03-01",
      amountMinor: 1250,
      currency: "eur",
      category: "travel",
      note: "=train",
      opportunityId: job.id,
    });
    await createJobExpense(w.deps, w.alice, {
      spentOn: "2026-04-01",
      amountMinor: 5,
      currency: "EUR",
      category: "printing",
    });
    await createJobExpense(w.deps, w.alice, {
      spentOn: "2025-12-31",
      amountMinor: 900,
      currency: "USD",
      category: "other",
    });
    // Yen have no minor unit, dinars three: the CSV writes each in its own digits.
    await createJobExpense(w.deps, w.alice, {
      spentOn: "2026-05-01",
      amountMinor: 1250,
      currency: "JPY",
      category: "交通",
    });
    await createJobExpense(w.deps, w.alice, {
      spentOn: "2026-05-02",
      amountMinor: 1250,
      currency: "KWD",
      category: "visa",
    });
    await createJobExpense(w.deps, w.alice, {
      spentOn: "2026-05-03",
      amountMinor: 7,
      currency: "KWD",
      category: "visa",
    });
    const list = await listJobExpenses(w.deps, viewer(), { year: 2026 });
    expect(list.totals).toEqual([
      { currency: "EUR", amountMinor: 1255, count: 2 },
      { currency: "JPY", amountMinor: 1250, count: 1 },
      { currency: "KWD", amountMinor: 1257, count: 2 },
    ]);
    expect((await listJobExpenses(w.deps, w.alice, {})).year).toBe(2026);
    const csv = await jobExpensesCsv(w.deps, viewer(), { year: 2026 });
    expect(csv).toBe(
      "Date,Amount,Currency,Category,Note,Opportunity\r\n" +
        "2026-03-01,12.50,EUR,travel,'=train,Staff Engineer\r\n" +
        "2026-04-01,0.05,EUR,printing,,\r\n" +
        "2026-05-01,1250,JPY,交通,,\r\n" +
        "2026-05-02,1.250,KWD,visa,,\r\n" +
        "2026-05-03,0.007,KWD,visa,,\r\n",
    );
    expect(await listJobExpenses(w.deps, w.bob, { year: 2026 })).toMatchObject({ items: [] });
    expect(
      await fieldOf(
        createJobExpense(w.deps, w.bob, {
          spentOn: "2026-03-01",
          amountMinor: 1,
          currency: "EUR",
          category: "x",
          opportunityId: job.id,
        }),
      ),
    ).toBe("opportunityId");
  });
});
