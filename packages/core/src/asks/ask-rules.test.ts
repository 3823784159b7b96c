import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import type { AskFollowUp } from "./ask-port.ts";
import { askMoves, checkAskMove, followUpsOfNewAsk } from "./ask-rules.ts";
import { ASK_STATUSES } from "./schemas.ts";

const TODAY = "2026-12-07";
const f = (id: string, step: AskFollowUp["step"], status: AskFollowUp["status"] = "open"): AskFollowUp => ({
  id,
  askId: "a1",
  step,
  title: step,
  dueOn: TODAY,
  status,
});

describe("an ask's follow-ups", () => {
  it("start with a nudge 7 days after the ask", () => {
    expect(followUpsOfNewAsk("2026-12-01", "Ana")).toEqual([
      { step: "nudge", dueOn: "2026-12-08", title: "Nudge Ana about your ask" },
    ]);
  });

  it("named: the nudge is done, nothing new", () => {
    expect(askMoves("asked", "named", TODAY, "Ana", [f("n", "nudge")])).toEqual({
      create: [],
      close: [{ id: "n", status: "done" }],
    });
  });

  it("introduced: the nudge is done and the introducer is to be thanked today, once", () => {
    expect(askMoves("named", "introduced", TODAY, "Ana", [f("n", "nudge", "done")])).toEqual({
      create: [{ step: "thank", dueOn: TODAY, title: "Thank Ana for the introduction" }],
      close: [],
    });
    expect(askMoves("introduced", "met", TODAY, "Ana", [f("t", "thank")]).create.map((c) => c.step)).toEqual([
      "how-it-went",
    ]);
  });

  it("met (straight from named): thank today and tell them how it went in 2 days; the open nudge done", () => {
    expect(askMoves("named", "met", TODAY, "Ana", [f("n", "nudge", "snoozed")])).toEqual({
      create: [
        { step: "thank", dueOn: TODAY, title: "Thank Ana for the introduction" },
        { step: "how-it-went", dueOn: "2026-12-09", title: "Tell Ana how it went" },
      ],
      close: [{ id: "n", status: "done" }],
    });
  });

  it("thanked: the thank-you is done, how it went stays open", () => {
    expect(askMoves("met", "thanked", TODAY, "Ana", [f("t", "thank"), f("h", "how-it-went")])).toEqual({
      create: [],
      close: [{ id: "t", status: "done" }],
    });
  });

  it("declined: every open one is skipped, closed ones stay; asking again starts a new nudge", () => {
    expect(
      askMoves("named", "declined", TODAY, "Ana", [
        f("n", "nudge", "done"),
        f("t", "thank"),
        f("h", "how-it-went", "snoozed"),
      ]),
    ).toEqual({
      create: [],
      close: [
        { id: "t", status: "skipped" },
        { id: "h", status: "skipped" },
      ],
    });
    expect(askMoves("declined", "asked", TODAY, "Ana", []).create).toEqual([
      { step: "nudge", dueOn: "2026-12-14", title: "Nudge Ana about your ask" },
    ]);
  });

  it("the same status again changes nothing", () => {
    for (const s of ASK_STATUSES)
      expect(askMoves(s, s, TODAY, "Ana", [f("n", "nudge")])).toEqual({ create: [], close: [] });
  });

  it("moves forward only, declined from anywhere, and a declined ask only back to asked", () => {
    const conflictOf = (from: (typeof ASK_STATUSES)[number], to: (typeof ASK_STATUSES)[number]) => {
      try {
        checkAskMove(from, to);
        return null;
      } catch (e) {
        return e instanceof DomainError ? e.code : "other";
      }
    };
    expect(conflictOf("met", "named")).toBe("conflict");
    expect(conflictOf("thanked", "asked")).toBe("conflict");
    expect(conflictOf("declined", "met")).toBe("conflict");
    expect(conflictOf("asked", "thanked")).toBeNull();
    expect(conflictOf("thanked", "declined")).toBeNull();
    expect(conflictOf("declined", "asked")).toBeNull();
  });
});
