import { describe, expect, it } from "vitest";
import type { ExchangeFact, SentMessageFact } from "./analytics-port.ts";
import { connectedAt, connectionsPerMonth, median, networkHealth, replyFigures } from "./analytics-rules.ts";

const sent = (kind: SentMessageFact["kind"], sentAt: string, repliedAt: string | null): SentMessageFact => ({
  kind,
  contactId: "c1",
  sentAt,
  repliedAt,
});

describe("reply figures", () => {
  it("counts answered messages and the median wait, overall and per channel in the vocabulary's order", () => {
    const figures = replyFigures([
      sent("message", "2026-10-01T10:00:00.000Z", null),
      sent("email", "2026-10-01T10:00:00.000Z", "2026-10-01T12:00:00.000Z"), // 2 h
      sent("email", "2026-10-02T10:00:00.000Z", "2026-10-03T10:00:00.000Z"), // 24 h
      sent("email", "2026-10-05T10:00:00.000Z", null),
    ]);
    expect(figures.overall).toEqual({ sent: 4, answered: 2, rate: 0.5, medianHoursToReply: 13 });
    expect(figures.byChannel).toEqual([
      { kind: "email", sent: 3, answered: 2, rate: 0.6667, medianHoursToReply: 13 },
      { kind: "message", sent: 1, answered: 0, rate: 0, medianHoursToReply: null },
    ]);
  });

  it("says nothing rather than 0% when nothing was sent", () => {
    expect(replyFigures([])).toEqual({
      overall: { sent: 0, answered: 0, rate: null, medianHoursToReply: null },
      byChannel: [],
    });
  });

  it("takes the middle of an odd count and the mean of the two middles of an even one", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("connections built", () => {
  const fact = (contactId: string, occurredAt: string, direction: ExchangeFact["direction"], meaningful = true) => ({
    contactId,
    occurredAt,
    direction,
    meaningful,
  });

  it("dates a connection at the interaction that brings its exchanges to the target, by the engine's rule", () => {
    const history = [
      // Ana: two unanswered messages, then a reply: the reply answers both, so 3 exchanges at once on 3 March.
      fact("ana", "2026-03-01T10:00:00.000Z", "outbound"),
      fact("ana", "2026-03-02T10:00:00.000Z", "outbound"),
      fact("ana", "2026-03-03T10:00:00.000Z", "inbound"),
      // Ben: a like that is not meaningful does not count, but a meaningful call does.
      fact("ben", "2026-04-01T10:00:00.000Z", "inbound", false),
      fact("ben", "2026-04-02T10:00:00.000Z", "mutual"),
      fact("ben", "2026-04-05T10:00:00.000Z", "mutual"),
      fact("ben", "2026-04-09T10:00:00.000Z", "mutual"),
      // Cy never gets there.
      fact("cy", "2026-04-09T10:00:00.000Z", "mutual"),
    ];
    const reached = connectedAt(history, 3);
    expect(Object.fromEntries(reached)).toEqual({ ana: "2026-03-03T10:00:00.000Z", ben: "2026-04-09T10:00:00.000Z" });
  });

  it("counts per month in the account's time zone, the months with none included", () => {
    const reached = new Map([
      ["ana", "2026-11-01T03:30:00.000Z"], // 31 October, 23:30 in New York
      ["ben", "2026-11-02T15:00:00.000Z"],
      ["cy", "2025-01-15T12:00:00.000Z"], // before the year shown
    ]);
    const months = connectionsPerMonth(reached, "2026-11-04", "America/New_York", 3);
    expect(months).toEqual([
      { month: "2026-09", connected: 0 },
      { month: "2026-10", connected: 1 },
      { month: "2026-11", connected: 1 },
    ]);
    expect(connectionsPerMonth(new Map(), "2026-01-10", "UTC", 2).map((m) => m.month)).toEqual(["2025-12", "2026-01"]);
  });
});

describe("network health", () => {
  it("measures each circle with a cadence by the people not overdue, in the account's order", () => {
    const health = networkHealth(
      [
        { circle: "close", reasonKind: "cadence-overdue" },
        { circle: "close", reasonKind: "follow-up-due" },
        { circle: "close", reasonKind: null },
        { circle: "inner", reasonKind: "cadence-due" },
        { circle: "occasions-only", reasonKind: "occasion" },
        { circle: "gone", reasonKind: "cadence-overdue" },
      ],
      ["inner", "close", "network"],
    );
    expect(health).toEqual([
      { circle: "inner", contacts: 1, withinCadence: 1, share: 1 },
      { circle: "close", contacts: 3, withinCadence: 2, share: 0.6667 },
      { circle: "network", contacts: 0, withinCadence: 0, share: null },
    ]);
  });
});
