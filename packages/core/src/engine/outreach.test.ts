import { describe, expect, it } from "vitest";
import { addDays } from "../time/dates.ts";
import { type InteractionFact, summarizeHistory } from "./history.ts";
import { computeOutreach, moveOnNote } from "./outreach.ts";

const settings = { nudgeScheduleDays: [3, 7, 14], moveOnAfter: 3, timeZone: "America/New_York" };
const noon = (on: string) => `${on}T17:00:00.000Z`; // noon in New York in winter
const out = (on: string): InteractionFact => ({ occurredAt: noon(on), direction: "outbound", meaningful: true });
const reply = (on: string): InteractionFact => ({ occurredAt: noon(on), direction: "inbound", meaningful: true });
const state = (history: InteractionFact[], todayOn: string) =>
  computeOutreach(summarizeHistory(history), settings, todayOn);

const SENT = "2026-11-16";

describe("computeOutreach", () => {
  it("has nothing open without outbound messages or once answered", () => {
    expect(state([], "2026-11-24")).toEqual({ unansweredAttempts: 0, suggestMoveOn: false });
    expect(state([out(SENT), reply("2026-11-18")], "2026-11-24")).toEqual({
      unansweredAttempts: 0,
      suggestMoveOn: false,
    });
  });

  it("waits for nudge 1 until +3 days", () => {
    const s = state([out(SENT)], "2026-11-18");
    expect(s.openOutreach).toMatchObject({ status: "waiting", nudgeNumber: 1, nudgeCount: 3, nudgeOn: "2026-11-19" });
    expect(s.openOutreach?.attentionOn).toBe("2026-11-19");
  });

  it("shows the latest nudge whose day has come when earlier ones were ignored", () => {
    expect(state([out(SENT)], "2026-11-19").openOutreach).toMatchObject({ status: "nudge-due", nudgeNumber: 1 });
    const day8 = state([out(SENT)], "2026-11-24");
    expect(day8.openOutreach).toMatchObject({
      status: "nudge-due",
      nudgeNumber: 2,
      nudgeOn: "2026-11-23",
      daysSinceSent: 8,
    });
    // The contact has needed attention since the first nudge, whichever is shown.
    expect(day8.openOutreach?.attentionOn).toBe("2026-11-19");
    expect(state([out(SENT)], "2026-12-20").openOutreach).toMatchObject({ status: "nudge-due", nudgeNumber: 3 });
    expect(state([out(SENT)], "2026-12-20").suggestMoveOn).toBe(false); // one attempt is not "several"
  });

  it("settles a nudge when you follow up, and waits for the next", () => {
    const s = state([out(SENT), out("2026-11-19")], "2026-11-21");
    expect(s.unansweredAttempts).toBe(2);
    expect(s.openOutreach).toMatchObject({
      status: "waiting",
      nudgeNumber: 2,
      nudgeOn: "2026-11-23",
      attentionOn: "2026-11-23",
    });
  });

  it("suggests moving on after 3 unanswered attempts once the last nudge's day has passed", () => {
    const history = [out(SENT), out("2026-11-19"), out("2026-11-23")];
    const before = state(history, "2026-11-29");
    expect(before).toMatchObject({ unansweredAttempts: 3, suggestMoveOn: false });
    expect(before.openOutreach).toMatchObject({ status: "waiting", moveOnOn: "2026-11-30", attentionOn: "2026-11-30" });
    const after = state(history, "2026-11-30");
    expect(after).toMatchObject({ unansweredAttempts: 3, suggestMoveOn: true });
    expect(after.openOutreach).toMatchObject({ status: "move-on", nudgeNumber: 3, nudgeCount: 3 });
    expect(moveOnNote(after)).toBe("Moved to occasions-only: no reply to 3 messages since 2026-11-16.");
  });

  it("gives a late attempt time to be answered before suggesting move-on", () => {
    const history = [out(SENT), out("2026-11-19"), out("2026-12-05")];
    expect(state(history, "2026-12-07").suggestMoveOn).toBe(false);
    expect(state(history, "2026-12-08").suggestMoveOn).toBe(true);
  });

  it("stops nudging the moment a reply is logged, and starts counting again after it", () => {
    const history = [out(SENT), out("2026-11-19"), out("2026-11-23"), reply("2026-11-25")];
    expect(state(history, "2026-12-20")).toEqual({ unansweredAttempts: 0, suggestMoveOn: false });
    const again = state([...history, out("2026-12-01")], "2026-12-04");
    expect(again).toMatchObject({ unansweredAttempts: 1, openOutreach: { sentOn: "2026-12-01", status: "nudge-due" } });
  });

  it("is exhausted when every nudge is settled but attempts stay below the limit", () => {
    const s = state([out(SENT), out("2026-12-01")], "2026-12-03");
    expect(s.openOutreach).toMatchObject({ status: "exhausted", attentionOn: null });
    expect(s.suggestMoveOn).toBe(false);
  });

  it("uses the account's local date for the sent day", () => {
    // 02:00Z on Nov 17 is still Nov 16 in New York.
    const s = computeOutreach(
      summarizeHistory([{ occurredAt: "2026-11-17T02:00:00.000Z", direction: "outbound", meaningful: true }]),
      settings,
      "2026-11-17",
    );
    expect(s.openOutreach?.sentOn).toBe("2026-11-16");
  });

  it("follows an edited schedule", () => {
    const custom = { ...settings, nudgeScheduleDays: [2, 5], moveOnAfter: 2 };
    const s = computeOutreach(summarizeHistory([out(SENT), out(addDays(SENT, 2))]), custom, addDays(SENT, 5));
    expect(s).toMatchObject({ suggestMoveOn: true, openOutreach: { nudgeCount: 2, moveOnOn: addDays(SENT, 5) } });
  });

  it("rejects bad schedules naming the field", () => {
    const summary = summarizeHistory([out(SENT)]);
    expect(() => computeOutreach(summary, { ...settings, nudgeScheduleDays: [7, 3] }, SENT)).toThrow(
      /nudgeScheduleDays/,
    );
    expect(() => computeOutreach(summary, { ...settings, moveOnAfter: 0 }, SENT)).toThrow(/moveOnAfter/);
    expect(() => moveOnNote(computeOutreach(summary, settings, SENT))).toThrow(/outreach/);
  });
});
