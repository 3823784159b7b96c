import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyInteraction, emptyHistory, type InteractionFact, summarizeHistory } from "./history.ts";

const at = (day: number, hour = 12) =>
  `2026-11-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;

describe("history summary", () => {
  it("counts meaningful interactions as touches and derives the last touch", () => {
    const summary = summarizeHistory([
      { occurredAt: at(3), direction: "outbound", meaningful: true },
      { occurredAt: at(9), direction: "inbound", meaningful: false },
      { occurredAt: at(5), direction: "mutual", meaningful: true },
    ]);
    expect(summary.touches).toBe(2);
    expect(summary.lastTouchAt).toBe(at(5));
    expect(summary.lastReplyAt).toBe(at(9));
    expect(summary.unansweredAttemptAts).toEqual([]);
  });

  it("keeps outbound attempts until a later inbound or mutual interaction answers them", () => {
    let s = applyInteraction(emptyHistory, { occurredAt: at(1), direction: "outbound", meaningful: true });
    s = applyInteraction(s, { occurredAt: at(4), direction: "outbound", meaningful: true });
    expect(s.unansweredAttemptAts).toEqual([at(1), at(4)]);
    s = applyInteraction(s, { occurredAt: at(2), direction: "inbound", meaningful: true }); // late-synced reply
    expect(s.unansweredAttemptAts).toEqual([at(4)]);
    s = applyInteraction(s, { occurredAt: at(6), direction: "mutual", meaningful: true });
    expect(s.unansweredAttemptAts).toEqual([]);
  });

  it("does not let a reply answer a message sent at the same instant or later", () => {
    const s = summarizeHistory([
      { occurredAt: at(2), direction: "inbound", meaningful: true },
      { occurredAt: at(2), direction: "outbound", meaningful: true },
    ]);
    expect(s.unansweredAttemptAts).toEqual([at(2)]);
  });

  it("ignores non-meaningful outbound interactions as attempts (a like waits for nothing)", () => {
    const s = summarizeHistory([{ occurredAt: at(2), direction: "outbound", meaningful: false }]);
    expect(s).toEqual({
      touches: 0,
      exchanges: 0,
      lastTouchAt: null,
      lastReplyAt: null,
      unansweredAttemptAts: [],
      unansweredOutboundAts: [],
    });
  });

  it("counts exchanges: inbound and mutual touches, and outbound ones once a later reply answers them", () => {
    let s = applyInteraction(emptyHistory, { occurredAt: at(1), direction: "outbound", meaningful: true });
    s = applyInteraction(s, { occurredAt: at(2), direction: "outbound", meaningful: true, awaitsReply: false });
    s = applyInteraction(s, { occurredAt: at(3), direction: "outbound", meaningful: true });
    // Seven unanswered emails are not a connection: three touches, no exchange yet.
    expect(s).toMatchObject({ touches: 3, exchanges: 0 });
    expect(s.unansweredAttemptAts).toEqual([at(1), at(3)]); // the greeting waits for nothing: no nudge
    s = applyInteraction(s, { occurredAt: at(2, 18), direction: "inbound", meaningful: true }); // answers 1 and 2
    expect(s).toMatchObject({
      touches: 4,
      exchanges: 3,
      unansweredAttemptAts: [at(3)],
      unansweredOutboundAts: [at(3)],
    });
    s = applyInteraction(s, { occurredAt: at(1, 6), direction: "outbound", meaningful: true }); // late, already answered
    expect(s).toMatchObject({ touches: 5, exchanges: 4 });
    s = applyInteraction(s, { occurredAt: at(5), direction: "mutual", meaningful: false }); // a reply, not a touch
    expect(s).toMatchObject({ touches: 5, exchanges: 5, unansweredOutboundAts: [] });
  });

  it("normalises instants and rejects bad input", () => {
    const s = summarizeHistory([{ occurredAt: "2026-11-02T13:00:00+01:00", direction: "outbound", meaningful: true }]);
    expect(s.unansweredAttemptAts).toEqual(["2026-11-02T12:00:00.000Z"]);
    expect(() =>
      applyInteraction(emptyHistory, { occurredAt: "soon", direction: "inbound", meaningful: true }),
    ).toThrow();
    const bad = { occurredAt: at(1), direction: "sideways", meaningful: true } as unknown as InteractionFact;
    expect(() => applyInteraction(emptyHistory, bad)).toThrow(/direction/);
  });

  it("does not mutate the summary it is given", () => {
    const before = summarizeHistory([{ occurredAt: at(1), direction: "outbound", meaningful: true }]);
    const copy = structuredClone(before);
    applyInteraction(before, { occurredAt: at(3), direction: "inbound", meaningful: true });
    expect(before).toEqual(copy);
  });

  it("gives the same summary whatever order the interactions arrive in", () => {
    const interaction = fc.record({
      occurredAt: fc
        .integer({ min: 0, max: 60 * 24 * 4 })
        .map((m) => new Date(Date.UTC(2026, 10, 1) + m * 60_000).toISOString()),
      direction: fc.constantFrom("outbound", "inbound", "mutual") as fc.Arbitrary<InteractionFact["direction"]>,
      meaningful: fc.boolean(),
      awaitsReply: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc
          .array(interaction, { maxLength: 30 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(summarizeHistory(shuffled)).toEqual(summarizeHistory(list));
        },
      ),
    );
  });
});
