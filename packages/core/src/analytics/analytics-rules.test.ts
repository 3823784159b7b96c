import { describe, expect, it } from "vitest";
import { defaultEngineSettings } from "../engine/settings.ts";
import type { AskFact, CadencePerson, ExchangeFact, HistoryFact, SentMessageFact } from "./analytics-port.ts";
import {
  askFigures,
  connectedAt,
  connectionsPerMonth,
  median,
  networkHealth,
  reconstructHealth,
  replyByTemplate,
  replyFigures,
  trendWeekEnds,
} from "./analytics-rules.ts";

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
        { circle: "close", overdue: true },
        { circle: "close", overdue: false },
        { circle: "close", overdue: false },
        { circle: "inner", overdue: false },
        { circle: "occasions-only", overdue: false },
        { circle: "gone", overdue: true },
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

describe("reply rate by template", () => {
  const from = (templateId: string | null, templateName: string | null, sentAt: string, repliedAt: string | null) => ({
    ...sent("email", sentAt, repliedAt),
    templateId,
    templateName,
  });

  it("groups messages by the template they started from, names it as the library does now, keeps deleted ones", () => {
    const library = new Map([
      ["default:check-in", { name: "Check-in", hidden: false }],
      ["tpl_1", { name: "Coffee? ☕", hidden: false }],
      ["default:birthday", { name: "Birthday", hidden: true }],
    ]);
    const rows = replyByTemplate(
      [
        from("default:check-in", "Check-in", "2026-10-01T10:00:00.000Z", "2026-10-01T14:00:00.000Z"),
        from("default:check-in", "Check-in", "2026-10-02T10:00:00.000Z", null),
        from("tpl_1", "Old name", "2026-10-03T10:00:00.000Z", "2026-10-04T10:00:00.000Z"),
        // Deleted since: named as when last sent (the newest message), or not at all.
        from("tpl_gone", "Ancien modèle", "2026-09-01T10:00:00.000Z", null),
        from("tpl_gone", "Último nombre", "2026-09-20T10:00:00.000Z", "2026-09-20T12:00:00.000Z"),
        from("tpl_gone", null, "2026-09-21T10:00:00.000Z", null),
        from("tpl_nameless", null, "2026-09-22T10:00:00.000Z", null),
        from("default:birthday", "Birthday", "2026-09-23T10:00:00.000Z", null),
        // Typed from scratch: not a template's.
        from(null, null, "2026-10-05T10:00:00.000Z", null),
      ],
      library,
    );
    expect(rows).toEqual([
      {
        templateId: "tpl_gone",
        name: "Último nombre",
        deleted: true,
        sent: 3,
        answered: 1,
        rate: 0.3333,
        medianHoursToReply: 2,
      },
      {
        templateId: "default:check-in",
        name: "Check-in",
        deleted: false,
        sent: 2,
        answered: 1,
        rate: 0.5,
        medianHoursToReply: 4,
      },
      {
        templateId: "default:birthday",
        name: "Birthday",
        deleted: true,
        sent: 1,
        answered: 0,
        rate: 0,
        medianHoursToReply: null,
      },
      {
        templateId: "tpl_1",
        name: "Coffee? ☕",
        deleted: false,
        sent: 1,
        answered: 1,
        rate: 1,
        medianHoursToReply: 24,
      },
      {
        templateId: "tpl_nameless",
        name: null,
        deleted: true,
        sent: 1,
        answered: 0,
        rate: 0,
        medianHoursToReply: null,
      },
    ]);
  });
});

describe("asks that produced introductions", () => {
  const ask = (contactId: string, status: AskFact["status"], askedAt: string, names = 0): AskFact => ({
    askId: `${contactId}-${askedAt}`,
    contactId,
    displayName: contactId === "noa" ? "Noa Levi — נועה" : contactId === "raj" ? "Raj Patel" : "Zoë",
    status,
    askedAt,
    names,
  });

  it("counts the steps reached, the introduction rate, asks per month and the best introducers", () => {
    const figures = askFigures(
      [
        ask("noa", "thanked", "2026-10-02T12:00:00.000Z", 2),
        ask("noa", "met", "2026-10-20T12:00:00.000Z", 1),
        ask("raj", "introduced", "2026-11-01T03:00:00.000Z", 1), // 31 October in New York
        ask("raj", "declined", "2026-09-10T12:00:00.000Z", 1), // named, then declined
        ask("zoe", "asked", "2026-11-03T12:00:00.000Z"),
        ask("zoe", "named", "2026-11-03T13:00:00.000Z", 3),
      ],
      "2026-11-04",
      "America/New_York",
      3,
    );
    expect(figures.counts).toEqual({ asked: 6, named: 5, introduced: 3, met: 2, thanked: 1, declined: 1 });
    expect(figures.introductionRate).toBe(0.5);
    expect(figures.byMonth).toEqual([
      { month: "2026-09", asked: 1, introduced: 0 },
      { month: "2026-10", asked: 3, introduced: 3 },
      { month: "2026-11", asked: 2, introduced: 0 },
    ]);
    expect(figures.topIntroducers.map((p) => [p.displayName, p.asks, p.introductions, p.names])).toEqual([
      ["Noa Levi — נועה", 2, 2, 3],
      ["Raj Patel", 2, 1, 2],
      ["Zoë", 2, 0, 3],
    ]);
  });

  it("says nothing rather than 0% with no ask", () => {
    const none = askFigures([], "2026-11-04", "UTC", 2);
    expect(none.introductionRate).toBeNull();
    expect(none.topIntroducers).toEqual([]);
    expect(none.byMonth).toEqual([
      { month: "2026-10", asked: 0, introduced: 0 },
      { month: "2026-11", asked: 0, introduced: 0 },
    ]);
  });
});

describe("the overdue trend", () => {
  const settings = {
    engine: { ...defaultEngineSettings, timeZone: "Europe/Paris" },
    muted: false,
    mutedTags: ["paused"],
    tagCadences: {},
  };
  const person = (contactId: string, circle: string, createdAt: string, extra: Partial<CadencePerson> = {}) => ({
    contactId,
    displayName: contactId,
    circle,
    createdAt,
    tags: [],
    cadenceOverride: null,
    muted: false,
    ...extra,
  });
  const fact = (
    contactId: string,
    occurredAt: string,
    direction: HistoryFact["direction"] = "mutual",
  ): HistoryFact => ({
    contactId,
    occurredAt,
    direction,
    meaningful: true,
    awaitsReply: false,
  });

  it("replays each person's history to each week end and asks the engine whether the cadence was overdue", () => {
    const weekEnds = trendWeekEnds("2026-11-04", 4);
    expect(weekEnds).toEqual(["2026-10-14", "2026-10-21", "2026-10-28", "2026-11-04"]);
    const inner = settings.engine.circles.inner;
    if (inner?.mode !== "cadence") throw new Error("inner has a cadence by default");
    const weeks = reconstructHealth(
      [
        // Ana, inner: a call long ago, overdue until a call on 20 October (23:30 in Paris is still the 20th); still
        // building a connection, her cadence is halved (7 days, at most 10), so overdue again from 31 October.
        person("ana", "inner", "2025-01-01T10:00:00.000Z"),
        // Ben, inner, added on 25 October: not counted before.
        person("ben", "inner", "2026-10-25T10:00:00.000Z"),
        // Cy: muted by a tag, never overdue.
        person("cy", "inner", "2025-01-01T10:00:00.000Z", { tags: ["Paused"] }),
        // Dee, added on 1 November after a call on 1 October: counted from the call, overdue from 12 October.
        person("dee", "inner", "2026-11-01T10:00:00.000Z"),
      ],
      [
        fact("ana", "2025-06-01T10:00:00.000Z"),
        fact("ana", "2026-10-20T21:30:00.000Z"),
        fact("dee", "2026-10-01T10:00:00.000Z"),
      ],
      settings,
      weekEnds,
      ["inner", "close"],
    );
    expect(weeks.map((w) => [w.weekEndOn, w.contacts, w.overdue])).toEqual([
      ["2026-10-14", 3, 2],
      ["2026-10-21", 3, 1],
      ["2026-10-28", 4, 1],
      ["2026-11-04", 4, 2],
    ]);
    expect(weeks[0]?.circles).toEqual([
      { circle: "inner", contacts: 3, withinCadence: 1, share: 0.3333 },
      { circle: "close", contacts: 0, withinCadence: 0, share: null },
    ]);
    expect(weeks[0]?.share).toBe(0.3333);
  });
});
