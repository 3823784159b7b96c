import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../time/dates.ts";
import type { DueDetail, DueItem, ReasonKind } from "./reasons.ts";
import { whenPhrase } from "./sentences.ts";
import { buildTodayList, priorityOf } from "./today-list.ts";

const TODAY = "2026-11-24"; // a Tuesday
const connection = { exchanges: 8, target: 7, stage: "connected" as const, remaining: 0 };

function item(
  contactId: string,
  displayName: string,
  reasonKind: ReasonKind,
  nextDueOn: string,
  detail: DueDetail,
): DueItem {
  return {
    contactId,
    displayName,
    circle: "close",
    reasonKind,
    nextDueOn,
    detail,
    alsoDue: [],
    connection,
    recomputeOn: null,
  };
}

const cadence = (anchorOn: string, idealDays = 30, maxDays = 45): Extract<DueDetail, { kind: "cadence" }> => ({
  kind: "cadence",
  anchorOn,
  anchor: "last-touch",
  idealDays,
  maxDays,
  overdueOn: addDays(anchorOn, maxDays + 1),
  source: "circle",
});

const rosaOutreach = item("c-rosa", "Rosa", "outreach-unanswered", "2026-11-19", {
  kind: "outreach",
  sentOn: "2026-11-16",
  lastAttemptOn: "2026-11-16",
  nudgeNumber: 2,
  nudgeCount: 3,
  unansweredAttempts: 1,
  suggestMoveOn: false,
  moveOnOn: null,
});
const rosaBirthday = item("c-rosa", "Rosa", "occasion", "2026-11-23", {
  kind: "occasion",
  occasionKind: "birthday",
  label: "birthday",
  occasionOn: "2026-11-26",
  years: null,
});
const samCadence = item("c-sam", "Sam", "cadence-overdue", "2026-11-07", cadence("2026-10-08"));
const followUp = item("c-ann", "Ann", "follow-up-due", "2026-11-22", {
  kind: "follow-up",
  followUpId: "f1",
  title: "Send the deck",
  origin: "follow-up",
  snoozed: false,
});

describe("sentences", () => {
  it("reads like a person wrote it", () => {
    const list = buildTodayList([rosaOutreach, rosaBirthday, samCadence, followUp], { todayOn: TODAY });
    const sentences = Object.fromEntries(list.today.map((e) => [e.reasonKind, e.sentence]));
    expect(sentences["outreach-unanswered"]).toBe("You wrote to Rosa 8 days ago and haven't heard back — nudge 2 of 3");
    expect(sentences.occasion).toBe("Rosa's birthday is on Thursday");
    expect(sentences["cadence-overdue"]).toBe("It's been 47 days since you last talked to Sam (you aim for every 30)");
    expect(sentences["follow-up-due"]).toBe("Follow up with Ann: Send the deck (due 2 days ago)");
  });

  it("says when an occasion is, and words holidays, anniversaries and new contacts", () => {
    expect(whenPhrase("2026-11-24", TODAY)).toBe("today");
    expect(whenPhrase("2026-11-25", TODAY)).toBe("tomorrow");
    expect(whenPhrase("2026-11-30", TODAY)).toBe("on Monday");
    expect(whenPhrase("2026-12-01", TODAY)).toBe("on Dec 1");
    const holiday = item("c-jo", "Jo", "occasion", "2026-11-23", {
      kind: "occasion",
      occasionKind: "holiday",
      label: "Thanksgiving Day",
      occasionOn: "2026-11-26",
      years: null,
    });
    const anniversary = item("c-gus", "Gus", "occasion", "2026-11-20", {
      kind: "occasion",
      occasionKind: "anniversary",
      label: "wedding anniversary",
      occasionOn: "2026-11-24",
      years: 10,
    });
    const nameDay = item("c-ana", "Ana", "occasion", "2026-11-21", {
      kind: "occasion",
      occasionKind: "custom",
      label: "name day",
      occasionOn: "2026-11-24",
      years: null,
    });
    const added = item("c-new", "Nia", "cadence-due", "2026-11-20", { ...cadence("2026-10-21"), anchor: "created" });
    const list = buildTodayList([holiday, anniversary, nameDay, added], { todayOn: TODAY });
    expect(list.today.map((e) => [e.sentence, e.templateSlot])).toEqual([
      ["Gus' wedding anniversary is today (10 years)", "anniversary"],
      ["Ana's name day is today", "occasion"],
      ["Thanksgiving Day is on Thursday — a good moment to write to Jo", "holiday"],
      ["You added Nia to Kith 34 days ago and haven't been in touch yet (you aim for every 30)", "check-in"],
    ]);
  });

  it("suggests a template slot per reason", () => {
    const list = buildTodayList([rosaOutreach, rosaBirthday, samCadence, followUp], { todayOn: TODAY });
    expect(Object.fromEntries(list.today.map((e) => [e.reasonKind, e.templateSlot]))).toEqual({
      "outreach-unanswered": "nudge",
      occasion: "birthday",
      "cadence-overdue": "check-in",
      "follow-up-due": "follow-up",
    });
  });
});

describe("ranking", () => {
  it("orders follow-ups, then outreach, then occasions, then cadence", () => {
    const list = buildTodayList([samCadence, rosaBirthday, rosaOutreach, followUp], { todayOn: TODAY });
    expect(list.today.map((e) => e.reasonKind)).toEqual([
      "follow-up-due",
      "outreach-unanswered",
      "occasion",
      "cadence-overdue",
    ]);
    expect(list.today.map((e) => e.daysOverdue)).toEqual([2, 5, 0, 17]);
  });

  it("weights cadence lateness by the circle's interval", () => {
    const inner = item("c-inner", "Ines", "cadence-overdue", "", cadence("2026-10-27", 14, 21));
    const network = item("c-net", "Ned", "cadence-overdue", "", cadence("2026-07-20", 90, 120));
    inner.nextDueOn = "2026-11-10";
    network.nextDueOn = "2026-10-18";
    // Both 7 days past their maximum.
    expect(priorityOf(inner, TODAY)).toBeGreaterThan(priorityOf(network, TODAY));
  });

  it("has no ceiling: an inner-circle contact months overdue ranks above thousands of overdue acquaintances", () => {
    const inner = item(
      "c-inner",
      "Ina",
      "cadence-overdue",
      addDays(TODAY, -106),
      cadence(addDays(TODAY, -120), 14, 21),
    );
    const acquaintances = Array.from({ length: 3000 }, (_, i) => {
      const anchorOn = addDays(TODAY, -(271 + i)); // from just overdue to eight years late
      return item(`c-a${i}`, `A${i}`, "cadence-overdue", addDays(anchorOn, 180), cadence(anchorOn, 180, 270));
    });
    const list = buildTodayList([...acquaintances, inner], { todayOn: TODAY, dailyCap: 5 });
    expect(list.today[0]?.contactId).toBe("c-inner");
    // Among acquaintances, the longer overdue still comes first: lateness keeps counting after years.
    expect(list.today[1]?.contactId).toBe("c-a2999");
  });

  it("never ranks a closer circle or a greater overdue ratio lower, all else equal (property)", () => {
    // A cadence item `gap` days after its last touch, on an interval of ideal/max days.
    const cadenceItem = (id: string, idealDays: number, maxDays: number, gap: number) => {
      const anchorOn = addDays(TODAY, -gap);
      const detail = cadence(anchorOn, idealDays, maxDays);
      const kind = TODAY >= detail.overdueOn ? "cadence-overdue" : "cadence-due";
      return item(id, id, kind, addDays(anchorOn, idealDays), detail);
    };
    const rankOf = (items: DueItem[], id: string) =>
      buildTodayList(items, { todayOn: TODAY, dailyCap: 100 }).today.findIndex((e) => e.contactId === id);
    const state = fc.record({
      idealDays: fc.integer({ min: 7, max: 200 }),
      maxExtra: fc.integer({ min: 0, max: 100 }),
      late: fc.integer({ min: 0, max: 4000 }),
      more: fc.integer({ min: 0, max: 4000 }),
      times: fc.integer({ min: 2, max: 12 }),
    });
    fc.assert(
      fc.property(state, ({ idealDays, maxExtra, late, more, times }) => {
        const maxDays = idealDays + maxExtra;
        const gap = idealDays + late; // due from the ideal on, overdue past the maximum
        // The same circle, later: a greater overdue ratio never ranks lower.
        const base = cadenceItem("c-b", idealDays, maxDays, gap);
        const later = cadenceItem("c-z", idealDays, maxDays, gap + more);
        expect(priorityOf(later, TODAY)).toBeGreaterThanOrEqual(priorityOf(base, TODAY));
        if (more > 0) expect(rankOf([base, later], "c-z")).toBe(0);
        // A circle `times` wider at the same ratios (ideal, max and gap all scaled): the closer one never ranks lower.
        const farther = cadenceItem("c-a", idealDays * times, maxDays * times, gap * times);
        expect(farther.reasonKind).toBe(base.reasonKind);
        expect(priorityOf(base, TODAY)).toBeGreaterThanOrEqual(priorityOf(farther, TODAY));
        if (gap > idealDays) expect(rankOf([farther, base], "c-b")).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("treats a stored cadence-due item as overdue once its date has come", () => {
    const stale = { ...samCadence, reasonKind: "cadence-due" as const };
    expect(buildTodayList([stale], { todayOn: TODAY }).today[0]?.reasonKind).toBe("cadence-overdue");
  });

  it("breaks ties by contact id and ignores items not yet due", () => {
    const a = item("c-b", "Bea", "cadence-overdue", "2026-11-07", cadence("2026-10-08"));
    const b = item("c-a", "Abe", "cadence-overdue", "2026-11-07", cadence("2026-10-08"));
    const future = item("c-c", "Cy", "cadence-due", "2026-11-30", cadence("2026-10-31"));
    expect(buildTodayList([a, b, future], { todayOn: TODAY }).today.map((e) => e.contactId)).toEqual(["c-a", "c-b"]);
  });
});

describe("cap and spread", () => {
  const backlog = Array.from({ length: 12 }, (_, i) =>
    item(`c-${String(i).padStart(2, "0")}`, `P${i}`, "cadence-overdue", "2026-10-01", cadence("2026-09-01")),
  );

  it("keeps dailyCap items for today and spreads the rest, cap per day", () => {
    const list = buildTodayList(backlog, { todayOn: TODAY, dailyCap: 5 });
    expect(list.today).toHaveLength(5);
    expect(list.spread.map((s) => s.plannedOn)).toEqual([
      ...Array(5).fill("2026-11-25"),
      ...Array(2).fill("2026-11-26"),
    ]);
    expect(list.today.map((e) => e.contactId)).toEqual(["c-00", "c-01", "c-02", "c-03", "c-04"]);
  });

  it("never drops an item and is deterministic whatever the input order", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(backlog, { minLength: backlog.length }),
        fc.integer({ min: 1, max: 6 }),
        (shuffled, cap) => {
          const list = buildTodayList(shuffled, { todayOn: TODAY, dailyCap: cap });
          const again = buildTodayList(backlog, { todayOn: TODAY, dailyCap: cap });
          expect(list).toEqual(again);
          expect(list.today.length + list.spread.length).toBe(backlog.length);
          const perDay = new Map<string, number>();
          for (const { plannedOn } of list.spread) perDay.set(plannedOn, (perDay.get(plannedOn) ?? 0) + 1);
          for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(cap);
        },
      ),
    );
  });

  it("rejects a bad cap naming the field", () => {
    expect(() => buildTodayList(backlog, { todayOn: TODAY, dailyCap: 0 })).toThrow(/dailyCap/);
  });
});
