import { describe, expect, it } from "vitest";
import { settingsView } from "../settings/account-settings.ts";
import { type ContactSnapshot, computeDueState } from "./due.ts";
import type { InteractionFact } from "./history.ts";
import { REASON_KINDS } from "./reasons.ts";
import { parseEngineSettings } from "./settings.ts";
import { buildTodayList } from "./today-list.ts";

/** What the settings page reads (GET /api/settings) for these engine settings. */
const settingsViewOf = (engine: ReturnType<typeof parseEngineSettings>) =>
  settingsView({ engine, muted: false, mutedTags: [], tagCadences: {}, myUpdate: "" });

// Holidays only for "inner", so the "close" contacts below show their other reasons.
const settings = parseEngineSettings({ timeZone: "America/New_York", country: "US", holidayCircles: ["inner"] });
const noon = (on: string) => `${on}T17:00:00.000Z`;
const touch = (on: string, direction: InteractionFact["direction"] = "mutual"): InteractionFact => ({
  occurredAt: noon(on),
  direction,
  meaningful: true,
});
const manyTouches = (n: number, lastOn: string) =>
  Array.from({ length: n }, (_, i) => touch(i === n - 1 ? lastOn : `2025-0${1 + (i % 9)}-10`));

function contact(overrides: Partial<ContactSnapshot> = {}): ContactSnapshot {
  return { contactId: "c-sam", displayName: "Sam", circle: "close", createdOn: "2025-01-01", ...overrides };
}

describe("computeDueState", () => {
  it("exports exactly the eight reason kinds", () => {
    expect([...REASON_KINDS].sort()).toEqual([
      "article-match",
      "ask-pending",
      "cadence-due",
      "cadence-overdue",
      "follow-up-due",
      "occasion",
      "opportunity-stage",
      "outreach-unanswered",
    ]);
  });

  it("gives a connected contact's next cadence date before it is due", () => {
    const item = computeDueState(contact({ interactions: manyTouches(8, "2026-11-01") }), settings, "2026-11-10");
    expect(item).toMatchObject({
      reasonKind: "cadence-due",
      nextDueOn: "2026-12-01",
      alsoDue: [],
      recomputeOn: "2026-12-01",
    });
    expect(item?.connection.stage).toBe("connected");
  });

  it("turns cadence-due into cadence-overdue after the maximum", () => {
    const snapshot = contact({ interactions: manyTouches(8, "2026-10-01") });
    expect(computeDueState(snapshot, settings, "2026-11-10")).toMatchObject({
      reasonKind: "cadence-due",
      nextDueOn: "2026-10-31",
      recomputeOn: "2026-11-16",
    });
    expect(computeDueState(snapshot, settings, "2026-11-16")).toMatchObject({
      reasonKind: "cadence-overdue",
      nextDueOn: "2026-10-31",
    });
  });

  it("uses the building cadence for contacts with a few touches", () => {
    const item = computeDueState(contact({ interactions: [touch("2026-11-01")] }), settings, "2026-11-02");
    expect(item).toMatchObject({ reasonKind: "cadence-due", nextDueOn: "2026-11-16" });
    expect(item?.connection).toMatchObject({ stage: "building", exchanges: 1, remaining: 6 });
  });

  it("counts a never-touched contact connected years ago from the connection, and says so", () => {
    // Imported today; connected on LinkedIn in 2021 (a mutual record that is not a touch).
    const connected = { occurredAt: noon("2021-03-15"), direction: "mutual" as const, meaningful: false };
    const item = computeDueState(
      contact({ createdOn: "2026-11-24", interactions: [connected] }),
      settings,
      "2026-11-24",
    );
    expect(item).toMatchObject({
      reasonKind: "cadence-overdue",
      nextDueOn: "2021-04-14",
      detail: { anchor: "connected", anchorOn: "2021-03-15" },
    });
    const [entry] = buildTodayList(item ? [item] : [], { todayOn: "2026-11-24" }).today;
    expect(entry?.sentence).toBe(
      "You connected with Sam 2080 days ago and haven't been in touch since (you aim for every 30)",
    );
    expect(entry?.sentence).not.toMatch(/added/);
  });

  it("makes a contact's next due the earliest of its follow-ups and its cadence", () => {
    // Connected (8 exchanges), last touched Nov 1: the close circle's cadence is due Dec 1.
    const history = { interactions: manyTouches(8, "2026-11-01") };
    const followUp = (dueOn: string) => [{ id: "f1", dueOn, status: "open" as const }];
    const sooner = computeDueState(contact({ ...history, followUps: followUp("2026-11-20") }), settings, "2026-11-10");
    expect(sooner).toMatchObject({ reasonKind: "follow-up-due", nextDueOn: "2026-11-20" });
    const later = computeDueState(contact({ ...history, followUps: followUp("2026-12-15") }), settings, "2026-11-10");
    expect(later).toMatchObject({ reasonKind: "cadence-due", nextDueOn: "2026-12-01", recomputeOn: "2026-12-01" });
  });

  it("says both intervals while a connection is being built, as the settings show them", () => {
    const item = computeDueState(contact({ interactions: [touch("2026-11-01")] }), settings, "2026-11-17");
    expect(item?.detail).toMatchObject({ kind: "cadence", idealDays: 15, connectedIdealDays: 30 });
    const [entry] = buildTodayList(item ? [item] : [], { todayOn: "2026-11-17" }).today;
    expect(entry?.sentence).toBe(
      "It's been 16 days since you last talked to Sam (you aim for every 15 while building the connection, 30 after)",
    );
    const settingsView = settingsViewOf(settings);
    expect(settingsView.buildingCadences.close).toEqual({ idealDays: 15, maxDays: 23 });
  });

  it("counts a never-touched contact from its creation date", () => {
    const item = computeDueState(contact({ createdOn: "2026-11-20" }), settings, "2026-11-24");
    expect(item).toMatchObject({ reasonKind: "cadence-due", nextDueOn: "2026-12-20", detail: { anchor: "created" } });
  });

  it("puts an explicit follow-up before the cadence and lists the other due reasons", () => {
    const item = computeDueState(
      contact({
        interactions: manyTouches(8, "2026-09-01"),
        followUps: [
          { id: "f2", dueOn: "2026-11-20", status: "open", title: "Send the deck" },
          { id: "f1", dueOn: "2026-11-22", status: "open" },
          { id: "f0", dueOn: "2026-11-01", status: "done" },
        ],
      }),
      settings,
      "2026-11-24",
    );
    expect(item).toMatchObject({
      reasonKind: "follow-up-due",
      nextDueOn: "2026-11-20",
      detail: { kind: "follow-up", followUpId: "f2", title: "Send the deck" },
      alsoDue: ["cadence-overdue"],
    });
  });

  it("brings a snoozed follow-up back when the snooze ends", () => {
    const followUps = [{ id: "f1", dueOn: "2026-11-20", status: "snoozed" as const, snoozedUntilOn: "2026-11-27" }];
    const item = computeDueState(contact({ circle: "none", followUps }), settings, "2026-11-24");
    expect(item).toMatchObject({ reasonKind: "follow-up-due", nextDueOn: "2026-11-27", detail: { snoozed: true } });
    const broken = [{ id: "f1", dueOn: "2026-11-20", status: "snoozed" as const }];
    expect(() => computeDueState(contact({ followUps: broken }), settings, "2026-11-24")).toThrow(/snoozedUntilOn/);
  });

  it("maps follow-up origins to their reason kinds", () => {
    const followUps = [
      { id: "f1", dueOn: "2026-11-24", status: "open" as const, origin: "opportunity-stage" as const },
    ];
    expect(computeDueState(contact({ followUps }), settings, "2026-11-24")?.reasonKind).toBe("opportunity-stage");
    const ask = [{ id: "f1", dueOn: "2026-11-24", status: "open" as const, origin: "ask-pending" as const }];
    expect(computeDueState(contact({ followUps: ask }), settings, "2026-11-24")?.reasonKind).toBe("ask-pending");
  });

  it("reports unanswered outreach with its nudge and the move-on suggestion", () => {
    const sent = [touch("2026-11-16", "outbound")];
    expect(computeDueState(contact({ interactions: sent }), settings, "2026-11-24")).toMatchObject({
      reasonKind: "outreach-unanswered",
      nextDueOn: "2026-11-19",
      detail: { kind: "outreach", nudgeNumber: 2, nudgeCount: 3, suggestMoveOn: false },
      recomputeOn: "2026-11-30",
    });
    const three = [...sent, touch("2026-11-19", "outbound"), touch("2026-11-23", "outbound")];
    expect(computeDueState(contact({ interactions: three }), settings, "2026-11-30")).toMatchObject({
      reasonKind: "outreach-unanswered",
      detail: { suggestMoveOn: true, unansweredAttempts: 3 },
    });
  });

  it("shows birthdays (and holidays for holiday circles) from their lead days", () => {
    const occasions = [{ kind: "birthday" as const, month: 11, day: 26 }];
    const item = computeDueState(
      contact({ interactions: manyTouches(8, "2026-11-20"), occasions }),
      settings,
      "2026-11-24",
    );
    expect(item).toMatchObject({
      reasonKind: "occasion",
      nextDueOn: "2026-11-23",
      detail: { occasionKind: "birthday" },
    });
    const inner = computeDueState(
      contact({ circle: "inner", interactions: manyTouches(8, "2026-11-20") }),
      settings,
      "2026-11-24",
    );
    expect(inner).toMatchObject({
      reasonKind: "occasion",
      detail: { occasionKind: "holiday", occasionOn: "2026-11-26" },
    });
    expect(inner?.recomputeOn).toBe("2026-11-27");
  });

  it("gives occasions-only contacts their occasions and nothing else", () => {
    const occasions = [{ kind: "birthday" as const, month: 3, day: 2 }];
    const snapshot = contact({ circle: "occasions-only", interactions: [touch("2026-01-01", "outbound")], occasions });
    expect(computeDueState(snapshot, settings, "2026-11-24")).toMatchObject({
      reasonKind: "occasion",
      nextDueOn: "2027-02-27",
    });
    expect(computeDueState({ ...snapshot, occasions: [] }, settings, "2026-11-24")).toBeNull();
  });

  it("returns null when muted or in circle none, but keeps explicit follow-ups", () => {
    const old = manyTouches(8, "2026-01-01");
    expect(computeDueState(contact({ interactions: old, muted: true }), settings, "2026-11-24")).toBeNull();
    expect(computeDueState(contact({ interactions: old, accountMuted: true }), settings, "2026-11-24")).toBeNull();
    const tags = [{ name: "family", muted: true }];
    expect(computeDueState(contact({ interactions: old, tags }), settings, "2026-11-24")).toBeNull();
    expect(computeDueState(contact({ interactions: old, circle: "none" }), settings, "2026-11-24")).toBeNull();
    const followUps = [{ id: "f1", dueOn: "2026-11-30", status: "open" as const }];
    expect(computeDueState(contact({ muted: true, followUps }), settings, "2026-11-24")?.reasonKind).toBe(
      "follow-up-due",
    );
  });

  it("applies tag and contact cadence overrides", () => {
    const interactions = manyTouches(8, "2026-11-01");
    const tags = [{ name: "recruiter", cadence: { idealDays: 10, maxDays: 14 } }];
    expect(computeDueState(contact({ interactions, tags }), settings, "2026-11-02")?.nextDueOn).toBe("2026-11-11");
    const withContact = contact({ interactions, tags, cadenceOverride: { idealDays: 60 } });
    expect(computeDueState(withContact, settings, "2026-11-02")?.nextDueOn).toBe("2026-12-31");
  });

  it("suggests matched articles last", () => {
    const articleSuggestions = [{ articleId: "a1", title: "Remote teams", suggestedOn: "2026-11-24" }];
    const snapshot = contact({ interactions: manyTouches(8, "2026-11-20"), articleSuggestions });
    expect(computeDueState(snapshot, settings, "2026-11-24")).toMatchObject({
      reasonKind: "article-match",
      detail: { articleId: "a1" },
    });
  });

  it("drops an article suggestion after its last day and says when that changes the item", () => {
    const articleSuggestions = [
      { articleId: "a1", title: "Remote teams", suggestedOn: "2026-11-10", untilOn: "2026-11-20" },
      { articleId: "a2", title: "Sourdough", suggestedOn: "2026-11-12", untilOn: "2026-11-30" },
    ];
    const snapshot = contact({ interactions: manyTouches(8, "2026-11-09"), articleSuggestions });
    const before = computeDueState(snapshot, settings, "2026-11-20");
    expect(before).toMatchObject({
      reasonKind: "article-match",
      detail: { articleId: "a1" },
      recomputeOn: "2026-11-21",
    });
    expect(computeDueState(snapshot, settings, "2026-11-21")).toMatchObject({ detail: { articleId: "a2" } });
    expect(computeDueState(snapshot, settings, "2026-12-01")?.reasonKind).not.toBe("article-match");
  });

  it("rejects bad dates and unknown circles naming the field", () => {
    expect(() => computeDueState(contact(), settings, "24/11/2026")).toThrow(/todayOn/);
    expect(() => computeDueState(contact({ createdOn: "2026-02-30" }), settings, "2026-11-24")).toThrow(/createdOn/);
    expect(() => computeDueState(contact({ circle: "vip" }), settings, "2026-11-24")).toThrow(/circle/);
  });
});

describe("computeDueState with a snoozed contact", () => {
  it("holds automatic reasons until the snooze ends, then brings them back", () => {
    const settings = parseEngineSettings({});
    const contact: ContactSnapshot = {
      contactId: "c1",
      displayName: "Sam",
      circle: "close",
      createdOn: "2026-01-01",
      interactions: [{ occurredAt: "2026-09-01T12:00:00Z", direction: "mutual" as const, meaningful: true }],
    };
    const due = computeDueState(contact, settings, "2026-11-02");
    expect(due?.reasonKind).toBe("cadence-overdue");
    const held = computeDueState({ ...contact, snoozedUntilOn: "2026-11-09" }, settings, "2026-11-02");
    expect(held?.nextDueOn).toBe("2026-11-09");
    expect(held?.recomputeOn).toBe("2026-11-09");
    const back = computeDueState({ ...contact, snoozedUntilOn: "2026-11-09" }, settings, "2026-11-09");
    // On the snooze's last day the reason is back as it stands, due since its own date again.
    expect(back).toMatchObject({ reasonKind: "cadence-overdue", nextDueOn: due?.nextDueOn });
  });
});
