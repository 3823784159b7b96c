// Random histories and random clocks: the state kept incrementally (applyInteraction, one event at a time, in
// arrival order) gives the same due state as a rebuild from the whole history, and both agree with a plain oracle
// written independently from the engine's code.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDueState } from "./due.ts";
import { applyInteraction, emptyHistory, type HistorySummary, type InteractionFact } from "./history.ts";
import { parseEngineSettings } from "./settings.ts";

const ZONES = ["America/New_York", "Europe/Berlin", "UTC"];
const START_MS = Date.UTC(2026, 9, 1); // Oct 1 2026, so histories cross both DST changes
const CREATED_ON = "2026-09-20";

const interactionArb: fc.Arbitrary<InteractionFact> = fc.record({
  occurredAt: fc.integer({ min: 0, max: 90 * 24 * 60 }).map((m) => new Date(START_MS + m * 60_000).toISOString()),
  direction: fc.constantFrom("outbound", "outbound", "inbound", "mutual") as fc.Arbitrary<InteractionFact["direction"]>,
  meaningful: fc.boolean(),
  awaitsReply: fc.constantFrom(true, true, false),
});

/** The step's clock: some days after the latest event seen so far. */
const scenarioArb = fc.record({
  events: fc.array(fc.tuple(interactionArb, fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 25 }),
  zone: fc.constantFrom(...ZONES),
});

// ---- the oracle: plain rules, from the whole history, no engine code ----

const dayMs = 86_400_000;
const localOn = (at: string, zone: string) => new Date(at).toLocaleDateString("en-CA", { timeZone: zone });
const plus = (on: string, days: number) =>
  new Date(Date.parse(`${on}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

function oracle(history: readonly InteractionFact[], zone: string, todayOn: string) {
  const touches = history.filter((i) => i.meaningful);
  const lastTouch = touches.map((i) => Date.parse(i.occurredAt)).sort((a, b) => b - a)[0];
  const answered = (o: InteractionFact) =>
    history.some((r) => r.direction !== "outbound" && Date.parse(r.occurredAt) > Date.parse(o.occurredAt));
  // Exchanges: touches that went both ways — inbound or mutual, or outbound and answered later.
  const exchanges = touches.filter((i) => i.direction !== "outbound" || answered(i)).length;
  const stage = exchanges === 0 ? "new" : exchanges < 7 ? "building" : "connected";
  const [ideal, max] = stage === "building" ? [15, 23] : [30, 45]; // "close": 30/45, halved (ceil) while building
  // Never touched: counted from the last time you heard of them (an inbound or mutual record), else from creation.
  const heard = history
    .filter((i) => i.direction !== "outbound")
    .map((i) => Date.parse(i.occurredAt))
    .sort((a, b) => b - a)[0];
  const since = lastTouch ?? heard;
  const anchorOn = since === undefined ? CREATED_ON : localOn(new Date(since).toISOString(), zone);
  const cadence = {
    kind: plus(anchorOn, max + 1) <= todayOn ? "cadence-overdue" : "cadence-due",
    on: plus(anchorOn, ideal),
  };
  const unanswered = history
    .filter((o) => o.direction === "outbound" && o.meaningful && o.awaitsReply !== false)
    .filter((o) => !answered(o))
    .map((o) => localOn(o.occurredAt, zone))
    .sort();
  let outreachOn: string | undefined;
  const sentOn = unanswered[0];
  const lastOn = unanswered[unanswered.length - 1];
  if (sentOn && lastOn) {
    const nudges = [3, 7, 14].map((d) => plus(sentOn, d));
    outreachOn =
      unanswered.length >= 3 ? [nudges[2] as string, plus(lastOn, 3)].sort()[1] : nudges.find((on) => on > lastOn);
  }
  if (outreachOn !== undefined && (outreachOn <= todayOn || outreachOn <= cadence.on)) {
    return { reasonKind: "outreach-unanswered", nextDueOn: outreachOn, unanswered: unanswered.length, exchanges };
  }
  return { reasonKind: cadence.kind, nextDueOn: cadence.on, unanswered: unanswered.length, exchanges };
}

describe("due state: incremental fold = rebuild = oracle", () => {
  it("holds for random histories, arrival orders, time zones and clocks", () => {
    fc.assert(
      fc.property(scenarioArb, ({ events, zone }) => {
        const settings = parseEngineSettings({ timeZone: zone, holidayCircles: [] });
        let state: HistorySummary = emptyHistory;
        const seen: InteractionFact[] = [];
        let latestMs = START_MS;
        for (const [interaction, daysLater] of events) {
          state = applyInteraction(state, interaction);
          seen.push(interaction);
          latestMs = Math.max(latestMs, Date.parse(interaction.occurredAt));
          const todayOn = localOn(new Date(latestMs + daysLater * dayMs).toISOString(), zone);
          const contact = { contactId: "c1", displayName: "Sam", circle: "close", createdOn: CREATED_ON };
          const incremental = computeDueState({ ...contact, history: state }, settings, todayOn);
          const rebuilt = computeDueState({ ...contact, interactions: [...seen].reverse() }, settings, todayOn);
          expect(incremental).toEqual(rebuilt);
          const expected = oracle(seen, zone, todayOn);
          expect({ reasonKind: incremental?.reasonKind, nextDueOn: incremental?.nextDueOn }).toEqual({
            reasonKind: expected.reasonKind,
            nextDueOn: expected.nextDueOn,
          });
          expect(state.unansweredAttemptAts).toHaveLength(expected.unanswered);
          expect(state.touches).toBe(seen.filter((i) => i.meaningful).length);
          expect(incremental?.connection.exchanges).toBe(expected.exchanges);
        }
      }),
      { numRuns: 300 },
    );
  });
});
