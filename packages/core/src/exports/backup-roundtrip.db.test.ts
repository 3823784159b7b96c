import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  addAsk,
  addContactNote,
  addFollowUp,
  createCampaign,
  createCompany,
  createContact,
  createTemplate,
  deleteTemplate,
  dismissDuplicate,
  exportBackup,
  getCampaign,
  listCampaigns,
  listContacts,
  listInteractions,
  logInteraction,
  markRecipientSent,
  moveOn,
  recordSent,
  removeRecipient,
  restoreBackup,
  setContactArchived,
  skipFollowUp,
  snoozeFollowUp,
  snoozeToday,
  updateAccount,
  updateCampaignRecipient,
  updateNotifySettings,
  updateSettings,
} from "../index.ts";
import { createJobExpense } from "../opportunities/expense-service.ts";
import { addInterview, holdInterview } from "../opportunities/interview-service.ts";
import { moveStage } from "../opportunities/move-stage.ts";
import { addOpportunityContact, createOpportunity } from "../opportunities/opportunity-service.ts";
import { createInterviewQuestion, putInterviewPrep } from "../opportunities/prep-service.ts";
import { sampleBackup } from "../testing/sample-backup.ts";
import type { ClaimedRestoreJob } from "./restore-job-port.ts";
import { undoRestore } from "./restore-undo.ts";
import { RESTORED_SENDING_REASON } from "./run-restore-job.ts";

/** Text that has broken exports before: scripts, emoji, right-to-left, line breaks, formula starts. */
const MESSY = [
  "Zoë 王小明 🎉👩🏽‍💻",
  "مرحبا بالعالم",
  "line one\nline two\r\nline three",
  '=HYPERLINK("http://evil.example")',
  "+1 555 0100",
  "-2+3",
  "@SUM(A1:A2)",
  "\ttabbed",
  'quotes " and , commas',
];

describe.each(DIALECTS)("a backup round trip with messy data on %s", (dialect) => {
  const w = useTestWorld(dialect);

  async function fillMessy() {
    await updateAccount(w.deps, w.alice, { name: "Ålice's 📇 — مرحبا", timeZone: "Europe/Berlin", country: "DE" });
    await updateSettings(w.deps, w.alice, {
      circles: {
        inner: { mode: "cadence", idealDays: 10, maxDays: 15 },
        "old-school": { mode: "cadence", idealDays: 400, maxDays: 500 },
        network: { mode: "cadence", idealDays: 90, maxDays: 120 },
        "occasions-only": { mode: "occasions-only" },
        none: { mode: "none" },
      },
      dailyCap: 3,
      weeklyGoal: 4,
      holidayCircles: ["inner"],
      mutedTags: ["Ignore-Me"],
      tagCadences: { mentor: { idealDays: 60, maxDays: 80 } },
    });
    await updateNotifySettings(w.deps, w.alice, { digest: "weekly", hour: 6 });
    await w.deps.store.webhooks.insert(w.alice.accountId, {
      ...{ id: w.deps.ids.newId(), accountId: w.alice.accountId, url: "https://ntfy.sh/kith-topic_1" },
      ...{ format: "ntfy", secret: "whsec_owner-only", createdAt: "2026-10-01T08:00:00.000Z" },
    });
    const acme = await createCompany(w.deps, w.alice, { name: "=Acme ✨", domain: "acme.example", notes: MESSY[2] });
    const people = [];
    for (const [i, text] of MESSY.entries()) {
      people.push(
        await createContact(w.deps, w.alice, {
          ...{ firstName: text.split("\n")[0]!.trim() || `P${i}`, lastName: i % 2 ? "مرحبا" : "" },
          ...{ title: text.split("\n")[0]!.trim(), notes: `${text}\n${"n".repeat(i)}`, tags: ["mentor", `t${i}`] },
          ...{ emails: [{ address: `p${i}@example.com`, label: "wörk" }], phones: [{ number: "+1 555 0100" }] },
          ...{ links: [{ url: `https://example.com/${i}?q=a,b` }], companyId: i % 3 ? acme.id : null },
          ...{ circle: i === 0 ? "old-school" : "inner", interests: [text.slice(0, 30).trim() || "x"] },
          ...{ birthday: i % 2 ? { month: 2, day: 29 } : { month: 3, day: 29, year: 1980 } },
          ...{ timeZone: i % 2 ? "America/New_York" : null, howWeMet: text, muted: i === 4 },
          ...(i === 5 ? { cadenceOverride: { idealDays: 3650, maxDays: 3650 } } : {}),
        }),
      );
    }
    const [zoe, rtl, lines, , , , , tabbed] = people;
    // 64 KB of notes, through the note service.
    await addContactNote(w.deps, w.alice, zoe!.id, { text: "🎉".repeat(16_500), source: "web" });
    // Times at Berlin's and New York's daylight-saving edges.
    for (const occurredAt of [
      "2026-03-29T00:59:59.999Z",
      "2026-03-29T01:00:00Z",
      "2026-10-25T00:30:00Z",
      "2026-10-25T01:30:00Z",
      "2026-11-01T05:30:00Z",
      "2026-11-01T06:30:00Z",
    ]) {
      await logInteraction(w.deps, w.alice, {
        ...{ contactIds: [zoe!.id, rtl!.id], kind: "meeting", direction: "mutual", occurredAt },
        summary: `${MESSY[3]}\n${occurredAt}`,
      });
    }
    // Recent enough that Kith has not moved her on by itself yet (a suggestion ignored for a week).
    for (const day of ["2026-10-27", "2026-10-29", "2026-10-31", "2026-11-01"]) {
      await logInteraction(w.deps, w.alice, {
        ...{ contactIds: [lines!.id], kind: "email", direction: "outbound", occurredAt: `${day}T10:00:00Z` },
      });
    }
    await moveOn(w.deps, w.alice, lines!.id);
    await setContactArchived(w.deps, w.alice, tabbed!.id, true);
    await snoozeToday(w.deps, w.alice, rtl!.id, { days: 5 });
    const ask = await addAsk(w.deps, w.alice, { contactId: zoe!.id, about: { kind: "other", text: MESSY[0] } });
    // The job search: an opportunity with people in roles, a held interview (its thank-you follow-up carries
    // its template slot), prep with a question from the bank, an expense.
    const job = await createOpportunity(w.deps, w.alice, {
      ...{ title: MESSY[3] ?? "", companyId: acme.id, link: "https://acme.example/jobs/1", notes: MESSY[2] },
      ...{ salaryMin: 90_000, salaryMax: 110_000, salaryCurrency: "EUR", remote: true },
    });
    await addOpportunityContact(w.deps, w.alice, job.id, { contactId: rtl!.id, role: "recruiter" });
    await addOpportunityContact(w.deps, w.alice, job.id, { contactId: zoe!.id, role: "interviewer" });
    await moveStage(w.deps, w.alice, job.id, { stage: "interviewing", on: "2026-10-30" });
    const interview = await addInterview(w.deps, w.alice, job.id, {
      ...{ startsAt: "2026-11-01T22:30:00Z", kind: "video", contactIds: [zoe!.id], notes: MESSY[0] },
    });
    await holdInterview(w.deps, w.alice, job.id, interview.id);
    const question = await createInterviewQuestion(w.deps, w.alice, { question: MESSY[6] ?? "", tags: ["why"] });
    await putInterviewPrep(w.deps, w.alice, job.id, {
      researchNotes: MESSY[1],
      questions: [{ question: question.question, answer: MESSY[4], questionId: question.id }],
      peopleToMeet: [{ name: "Zoë", contactId: zoe!.id }, { name: "Someone new" }],
    });
    await createJobExpense(w.deps, w.alice, {
      ...{ spentOn: "2026-10-31", amountMinor: 1999, currency: "EUR", category: MESSY[5] ?? "", opportunityId: job.id },
    });
    const f1 = await addFollowUp(w.deps, w.alice, {
      ...{ contactId: zoe!.id, dueOn: "2026-11-20", title: "@Ask about the launch", notes: MESSY[1] },
      ...{ opportunityId: job.id, askId: ask.id },
    });
    await snoozeFollowUp(w.deps, w.alice, f1.id, { untilOn: "2026-12-01" });
    const f2 = await addFollowUp(w.deps, w.alice, { contactId: rtl!.id, dueOn: "2026-11-03", title: "Skip me" });
    await skipFollowUp(w.deps, w.alice, f2.id);
    // "Not the same person", named in the order the ids do not sort in.
    const [first, second] = [zoe!.id, rtl!.id].sort();
    await dismissDuplicate(w.deps, w.alice, { contactIds: [second, first] });
    // Two campaigns: one to a company with an own template, one to a circle with a default's, each at every stage.
    const own = await createTemplate(w.deps, w.alice, {
      ...{ name: "Grüße 🎉", slots: ["campaign"], subject: "Happy {{ occasion.name }}" },
      body: "Hi {{ contact.firstName }},\n{{ personalLine }}",
    });
    const toAcme = await createCampaign(w.deps, w.alice, {
      ...{ occasion: { kind: "custom", name: "Fête ✨" }, segment: { companyId: acme.id }, mode: "self" },
      templateId: own.id,
    });
    const [sent, removed, edited] = toAcme.recipients;
    await markRecipientSent(w.deps, w.alice, toAcme.id, sent!.contactId);
    await removeRecipient(w.deps, w.alice, toAcme.id, removed!.contactId);
    await updateCampaignRecipient(w.deps, w.alice, toAcme.id, edited!.contactId, { personalLine: MESSY[0] });
    await createCampaign(w.deps, w.alice, {
      ...{ occasion: { kind: "thanksgiving" }, segment: { circle: "inner", q: "mentor" }, mode: "email" },
      ...{ templateId: "default:holiday", myUpdate: MESSY[2] },
    });
    // Messages sent from drafts keep their template: a default, and an own one deleted since (under its last name).
    await recordSent(w.deps, w.alice, {
      contactId: rtl!.id,
      channel: "email",
      body: "Hi",
      templateId: "default:check-in",
    });
    const gone = await createTemplate(w.deps, w.alice, { name: "Adiós 👋", body: "Bye {{ contact.firstName }}" });
    await recordSent(w.deps, w.alice, { contactId: rtl!.id, channel: "message", body: "Bye", templateId: gone.id });
    await deleteTemplate(w.deps, w.alice, gone.id);
  }

  it("backup → restore into an empty account → backup is byte-identical, and so are the contacts", async () => {
    await fillMessy();
    const first = JSON.stringify(await exportBackup(w.deps, w.alice), null, 2);
    const backup = JSON.parse(first);
    expect(backup).toMatchObject({
      version: 2,
      account: { timeZone: "Europe/Berlin", country: "DE", settings: { mutedTags: ["ignore-me"] } },
      notify: { digest: "weekly", hour: 6 },
      webhooks: [{ ref: "webhook-1", url: "https://ntfy.sh/kith-topic_1", format: "ntfy", secret: "whsec_owner-only" }],
    });
    expect(backup.account.settings.engine).toMatchObject({ dailyCap: 3, weeklyGoal: 4 });
    expect(backup.contacts).toHaveLength(MESSY.length);
    const templated = backup.interactions.filter((i: { template?: string }) => i.template);
    expect(templated.map((i: { template: string; templateName: string }) => [i.template, i.templateName])).toEqual(
      expect.arrayContaining([
        ["default:check-in", "Check-in"],
        [expect.stringMatching(/^template-\d+$/), "Grüße 🎉"],
        [expect.stringMatching(/^tpl_/), "Adiós 👋"],
      ]),
    );
    expect(backup.duplicateDismissals).toEqual([{ contactRefs: [expect.any(String), expect.any(String)] }]);
    expect(backup.followUps).toContainEqual(
      expect.objectContaining({ opportunityRef: "opportunity-1", askId: null, askRef: "ask-1", status: "snoozed" }),
    );
    expect(backup.followUps).toContainEqual(
      expect.objectContaining({ opportunityRef: "opportunity-1", draftSlot: "thank-you-interview" }),
    );
    expect(backup.opportunities).toMatchObject([
      {
        ref: "opportunity-1",
        stage: "interviewing",
        contacts: [{ role: expect.any(String) }, { role: expect.any(String) }],
        stageHistory: [{ stage: "interested" }, { stage: "interviewing", changedOn: "2026-10-30" }],
        interviews: [{ heldAt: expect.any(String), contactRefs: [expect.any(String)] }],
        prep: { questions: [{ questionRef: "question-1" }], peopleToMeet: [{ name: "Zoë" }, { contactRef: null }] },
      },
    ]);
    expect(backup.jobExpenses).toMatchObject([{ amountMinor: 1999, opportunityRef: "opportunity-1" }]);
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    expect(backup.contacts.some((c: { notes: string }) => bytes(c.notes) > 64 * 1024)).toBe(true);

    expect(backup.campaigns).toHaveLength(2);
    expect(backup.campaigns.map((c: { template: string }) => c.template).sort()).toEqual([
      "default:holiday",
      "template-1",
    ]);
    expect(backup.campaignRecipients.map((r: { status: string }) => r.status)).toEqual(
      expect.arrayContaining(["marked-sent", "skipped", "pending"]),
    );
    expect(backup.campaignRecipients).toContainEqual(
      expect.objectContaining({ status: "marked-sent", interactionRef: expect.stringMatching(/^interaction-/) }),
    );

    const restored = await restoreBackup(w.deps, w.bob, backup);
    // The ask logged its outbound message (an interaction) and a nudge (a follow-up); the campaign message marked
    // sent is a touch (an interaction); the held interview made a thank-you follow-up and the move to
    // interviewing a check-in; two messages were sent from drafts.
    expect(restored).toMatchObject({
      companies: 1,
      contacts: MESSY.length,
      interactions: 14,
      followUps: 5,
      webhooks: 1,
    });
    expect(JSON.stringify(await exportBackup(w.deps, w.bob), null, 2)).toBe(first);
    // The campaign's touch names Bob's restored copy of the template, found by its id.
    const bobsTemplates = await w.deps.store.messageTemplates.list(w.bob.accountId, 10);
    const greeting = bobsTemplates.find((t) => t.name === "Grüße 🎉");
    const bobsHistory = await listInteractions(w.deps, w.bob, {}, { limit: 50 });
    expect(bobsHistory.items.filter((i) => i.templateId === greeting?.id)).toHaveLength(1);
    expect(await w.deps.store.duplicates.dismissedPairs(w.bob.accountId)).toHaveLength(1);
    // A restored campaign works: its own template is found again when a personal line re-renders a body.
    const [bobsCampaign] = (await listCampaigns(w.deps, w.bob)).filter((c) => c.segment.companyId);
    const pending = (await getCampaign(w.deps, w.bob, bobsCampaign!.id)).recipients.find((r) => r.status === "pending");
    const line = await updateCampaignRecipient(w.deps, w.bob, bobsCampaign!.id, pending!.contactId, {
      personalLine: "Still thinking of the ✨ talk.",
    });
    expect(line.body).toContain("Still thinking of the ✨ talk.");

    // The derived state (touches, due dates, snoozes) is recomputed to the same values.
    const strip = ({ id: _i, companyId: _c, ...c }: { id: string; companyId: string | null }) => c;
    const all = { archived: "include" };
    const alices = (await listContacts(w.deps, w.alice, all, {})).items.map(strip);
    const bobs = (await listContacts(w.deps, w.bob, all, {})).items.map(strip);
    expect(bobs).toEqual(alices);
  });

  it("a campaign being sent when the backup was made comes back as a draft, its message in flight unknown", async () => {
    await restoreBackup(w.deps, w.bob, sampleBackup());
    const [campaign] = await listCampaigns(w.deps, w.bob);
    expect(campaign).toMatchObject({ status: "draft", senderUserId: null, templateId: "default:holiday" });
    const [zoe] = (await listContacts(w.deps, w.bob, {}, {})).items.filter((c) => c.firstName === "Zoë");
    expect(campaign!.segment).toMatchObject({ circle: "close", companyId: zoe!.companyId });
    const [recipient] = (await getCampaign(w.deps, w.bob, campaign!.id)).recipients;
    expect(recipient).toMatchObject({
      contactId: zoe!.id,
      status: "unknown",
      sendKey: "k-1",
      reason: RESTORED_SENDING_REASON,
    });
    expect(recipient!.interactionId).toBe((await listInteractions(w.deps, w.bob, {}, {})).items[0]!.id);
  });

  it("a failed restore's undo takes its campaigns out with the rest", async () => {
    await restoreBackup(w.deps, w.bob, sampleBackup());
    expect(await listCampaigns(w.deps, w.bob)).toHaveLength(1);
    const job = await w.db.db
      .selectFrom("restore_job")
      .select(["id"])
      .where("account_id", "=", w.bob.accountId)
      .executeTakeFirstOrThrow();
    // A committed job's upload is gone; put it back as a failed run would still hold it.
    await w.deps.store.restoreJobs.appendFile(w.bob.accountId, job.id, 0, JSON.stringify(sampleBackup()));
    await undoRestore(w.deps, { accountId: w.bob.accountId, id: job.id, before: null } as ClaimedRestoreJob);
    expect(await listCampaigns(w.deps, w.bob)).toEqual([]);
    expect(await w.db.db.selectFrom("campaign_recipient").select("contact_id").execute()).toEqual([]);
    expect((await listContacts(w.deps, w.bob, { archived: "include" }, {})).items).toEqual([]);
  });

  it("a viewer's backup leaves the webhooks out", async () => {
    await fillMessy();
    const backup = await exportBackup(w.deps, { ...w.alice, role: "viewer" });
    expect(backup.webhooks).toEqual([]);
    expect(backup.contacts).toHaveLength(MESSY.length);
  });
});
