import { describe, expect, it } from "vitest";
import { ASK_STATUSES, askMoves, canAddName, moveLabel } from "./ask-moves.ts";

const order = (s: string) => ASK_STATUSES.indexOf(s as never);

describe("the moves an ask offers", () => {
  it("only moves forward, or to declined, or reopens a declined ask", () => {
    for (const from of ASK_STATUSES)
      for (const to of askMoves(from)) {
        const forward = order(to) > order(from) && to !== "declined";
        const ok = forward || (to === "declined" && from !== "thanked") || (from === "declined" && to === "asked");
        expect(ok, `${from} → ${to}`).toBe(true);
      }
  });

  it("lets an ask skip straight to an introduction, and ends at thanked", () => {
    expect(askMoves("asked")).toContain("introduced");
    expect(askMoves("met")).toEqual(["thanked"]);
    expect(askMoves("thanked")).toEqual([]);
  });

  it("takes names while no one has been met yet", () => {
    expect(ASK_STATUSES.filter(canAddName)).toEqual(["asked", "named", "introduced"]);
  });

  it("words a move as a mark, and the way back from declined as a reopening", () => {
    expect(moveLabel("met")).toBe("Mark met");
    expect(moveLabel("asked")).toBe("Reopen");
  });
});
