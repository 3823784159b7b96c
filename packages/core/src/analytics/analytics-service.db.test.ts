import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  addAsk,
  addAskName,
  createCampaign,
  createContact,
  createTemplate,
  deleteTemplate,
  doneToday,
  getAnalytics,
  getInteraction,
  getToday,
  logInteraction,
  markRecipientSent,
  moveAsk,
  recordSent,
  setContactArchived,
  updateSettings,
} from "../index.ts";

describe.each(DIALECTS)("analytics on %s", (dialect) => {
  // Wednesday 2026-11-04, 09:00 in New York.
  const w = useTestWorld(dialect, {
    startAt: "2026-11-04T14:00:00.000Z",
    aliceAccount: { timeZone: "America/New_York" },
  });

  it("reads reply rates, the forgotten inbox, connections per month and circle health from one account", async () => {
    const { deps, alice, bob } = w;
    const log = (contactId: string, occurredAt: string, kind: string, direction: string) =>
      logInteraction(deps, alice, { contactIds: [contactId], kind, direction, occurredAt });
    const zoe = await createContact(deps, alice, { firstName: "Zoë", lastName: "Ångström", circle: "close" });
    const ren = await createContact(deps, alice, { firstName: "Ren", circle: "inner" });
    const old = await createContact(deps, alice, { firstName: "Old", circle: "inner" });

    // Zoë: an email answered 6 hours later, a message never answered; she wrote last in October → owed a reply.
    await log(zoe.id, "2026-09-01T10:00:00Z", "email", "outbound");
    await log(zoe.id, "2026-09-01T16:00:00Z", "email", "inbound");
    await log(zoe.id, "2026-09-10T10:00:00Z", "message", "outbound");
    await log(zoe.id, "2026-10-20T10:00:00Z", "message", "inbound");
    // Ren: seven calls in October make a connection (target 7), the last on 31 Oct 23:30 New York = 1 Nov UTC.
    for (const day of [1, 4, 8, 12, 16, 20])
      await log(ren.id, `2026-10-${String(day).padStart(2, "0")}T15:00:00Z`, "call", "mutual");
    await log(ren.id, "2026-11-01T03:30:00Z", "call", "mutual");
    // An archived person who wrote last is not listed; neither is Bob's data.
    await log(old.id, "2026-10-01T10:00:00Z", "email", "inbound");
    await setContactArchived(deps, alice, old.id, true);
    const bobs = await createContact(deps, bob, { firstName: "Bobs" });
    await logInteraction(deps, bob, { contactIds: [bobs.id], kind: "email", direction: "inbound" });

    const a = await getAnalytics(deps, alice);
    expect(a.todayOn).toBe("2026-11-04");
    expect(a.sinceOn).toBe("2025-11-04");
    expect(a.replies.overall).toEqual({ sent: 2, answered: 2, rate: 1, medianHoursToReply: 483 });
    expect(a.replies.byChannel).toEqual([
      { kind: "email", sent: 1, answered: 1, rate: 1, medianHoursToReply: 6 },
      { kind: "message", sent: 1, answered: 1, rate: 1, medianHoursToReply: 960 },
    ]);
    expect(a.replies.sampled).toBe(false);
    expect(a.owedReplies).toEqual([
      { contactId: zoe.id, displayName: "Zoë Ångström", wroteAt: "2026-10-20T10:00:00.000Z", waitingDays: 15 },
    ]);
    expect(a.connectionsPerMonth).toHaveLength(12);
    expect(a.connectionsPerMonth.at(-2)).toEqual({ month: "2026-10", connected: 1 });
    expect(a.connectionsPerMonth.at(-1)).toEqual({ month: "2026-11", connected: 0 });
    const health = Object.fromEntries(a.health.map((h) => [h.circle, h]));
    expect(health.inner).toEqual({ circle: "inner", contacts: 1, withinCadence: 1, share: 1 });
    expect(health.close?.contacts).toBe(1);
    expect(a.health.map((h) => h.circle)).toEqual(["inner", "close", "network", "acquaintance"]);
  });

  it("follows the account's connection target", async () => {
    const { deps, alice } = w;
    await updateSettings(deps, alice, { connectionTarget: 8 });
    const ren = await createContact(deps, alice, { firstName: "Ren", circle: "inner" });
    for (const day of [1, 4, 8, 12, 16, 20, 24]) {
      await logInteraction(deps, alice, {
        contactIds: [ren.id],
        kind: "call",
        direction: "mutual",
        occurredAt: `2026-10-${String(day).padStart(2, "0")}T15:00:00Z`,
      });
    }
    const a = await getAnalytics(deps, alice);
    expect(a.connectionsPerMonth.reduce((n, m) => n + m.connected, 0)).toBe(0);
  });

  it("counts replies per template across the send paths, a deleted template under its last name", async () => {
    const { deps, alice, bob, clock } = w;
    const at = (iso: string) => clock.set(iso);
    const zoe = await createContact(deps, alice, {
      firstName: "Zoë",
      circle: "close",
      emails: [{ address: "zoë@exämple.com" }],
    });
    const ren = await createContact(deps, alice, { firstName: "Ren", circle: "inner" });
    const coffee = await createTemplate(deps, alice, { name: "Coffee? ☕", body: "Hi {{ contact.firstName }}" });

    // "Did you send it?" → yes, from the contact page's draft: an own template, answered 3 hours later.
    at("2026-10-01T10:00:00.000Z");
    const sent = await recordSent(deps, alice, {
      contactId: zoe.id,
      channel: "email",
      subject: "Coffee?",
      body: "Hi Zoë",
      templateId: coffee.id,
    });
    expect(await getInteraction(deps, alice, sent.interactionId)).toMatchObject({
      templateId: coffee.id,
      templateName: "Coffee? ☕",
    });
    await logInteraction(deps, alice, {
      contactIds: [zoe.id],
      kind: "email",
      direction: "inbound",
      occurredAt: "2026-10-01T13:00:00Z",
    });
    // The same template again, to Ren: no answer. Then the template is deleted; its messages still count.
    await recordSent(deps, alice, {
      contactId: ren.id,
      channel: "message",
      subject: "",
      body: "Hi",
      templateId: coffee.id,
    });
    await deleteTemplate(deps, alice, coffee.id);
    // A template deleted between the draft and the send: logged all the same, without a name.
    await recordSent(deps, alice, { contactId: ren.id, channel: "message", body: "Hi", templateId: "tpl_gone" });
    // Typed from scratch: in the channel figures, not in a template's.
    await recordSent(deps, alice, { contactId: ren.id, channel: "message", body: "Hi again" });

    // Today's "did you send it?" for a due item: the check-in's draft, logged as the item's done.
    at("2026-11-04T14:00:00.000Z");
    const due = (await getToday(deps, alice)).items.find((i) => i.contactId === zoe.id);
    expect(due?.draft.templateId).toBeTruthy();
    await doneToday(deps, alice, zoe.id, {
      kind: "email",
      summary: due?.draft.subject,
      awaitsReply: true,
      templateId: due?.draft.templateId ?? undefined,
    });

    // A campaign greeting marked sent by hand: the account's pick for campaigns (the holiday greeting).
    const campaign = await createCampaign(deps, alice, {
      occasion: { kind: "new-year" },
      // Ren, moved on by now (three messages unanswered), is still someone to greet.
      segment: { q: "Ren", includeMovedOn: true },
      mode: "self",
    });
    await markRecipientSent(deps, alice, campaign.id, ren.id);
    // Bob's template use is his own.
    const bobs = await createContact(deps, bob, { firstName: "Bobs" });
    await recordSent(deps, bob, { contactId: bobs.id, channel: "email", body: "x", templateId: "default:check-in" });

    const a = await getAnalytics(deps, alice);
    const rows = Object.fromEntries(a.replies.byTemplate.map((t) => [t.name ?? t.templateId, t]));
    expect(rows["Coffee? ☕"]).toMatchObject({ templateId: coffee.id, deleted: true, sent: 2, answered: 1, rate: 0.5 });
    expect(rows["Coffee? ☕"]?.medianHoursToReply).toBe(3);
    expect(rows.tpl_gone).toMatchObject({ name: null, deleted: true, sent: 1, answered: 0 });
    expect(rows[due?.draft.templateName ?? ""]).toMatchObject({ templateId: due?.draft.templateId, sent: 1 });
    const greeting = a.replies.byTemplate.find((t) => t.templateId === "default:holiday");
    expect(greeting).toMatchObject({ deleted: false, sent: 1 });
    expect(a.replies.byTemplate.reduce((n, t) => n + t.sent, 0)).toBe(5);
    expect(a.replies.overall.sent).toBe(6);
  });

  it("follows the asks to introductions, and the overdue trend over 12 weeks", async () => {
    const { deps, alice, clock } = w;
    const noa = await createContact(deps, alice, { firstName: "Noa", lastName: "לוי", circle: "close" });
    const raj = await createContact(deps, alice, { firstName: "Raj", circle: "inner" });
    clock.set("2026-09-15T14:00:00.000Z");
    const first = await addAsk(deps, alice, { contactId: noa.id, about: { kind: "role", text: "Design lead" } });
    await addAskName(deps, alice, first.id, { firstName: "Leo", lastName: "Park" });
    await moveAsk(deps, alice, first.id, { status: "introduced" });
    const second = await addAsk(deps, alice, { contactId: raj.id, about: { kind: "other", text: "A climbing gym" } });
    await moveAsk(deps, alice, second.id, { status: "declined" });
    clock.set("2026-11-04T14:00:00.000Z");

    const a = await getAnalytics(deps, alice);
    expect(a.asks.counts).toEqual({ asked: 2, named: 1, introduced: 1, met: 0, thanked: 0, declined: 1 });
    expect(a.asks.introductionRate).toBe(0.5);
    expect(a.asks.byMonth.find((m) => m.month === "2026-09")).toEqual({ month: "2026-09", asked: 2, introduced: 1 });
    expect(a.asks.topIntroducers).toEqual([
      { contactId: noa.id, displayName: "Noa לוי", asks: 1, introductions: 1, names: 1 },
    ]);

    // The trend: 12 week ends, the last one today's stored health; Leo (close, added by the ask) and Noa were
    // touched in September (the ask's message), Raj too; by November Raj (inner: at most 21 days, halved while
    // building) is overdue.
    expect(a.trend.weeks.map((wk) => wk.weekEndOn)).toHaveLength(12);
    expect(a.trend.weeks.at(-1)?.weekEndOn).toBe("2026-11-04");
    expect(a.trend.weeks.at(-1)?.circles).toEqual(a.health);
    expect(a.trend.weeks[0]?.weekEndOn).toBe("2026-08-19");
    // Before anyone was added, nobody is counted.
    expect(a.trend.weeks[0]?.contacts).toBe(0);
    const last = a.trend.weeks.at(-1);
    expect(last?.overdue).toBeGreaterThan(0);
    // A past week right after the ask: everybody within their cadence.
    const after = a.trend.weeks.find((wk) => wk.weekEndOn === "2026-09-16");
    expect(after).toMatchObject({ overdue: 0, share: 1 });
    expect(a.trend.sampled).toBe(false);
  });
});
