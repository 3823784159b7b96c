import { describe, expect, it } from "vitest";
import { replyBodyOf } from "./reply-text.ts";

const digest = ["Whom to follow up with today (2026-11-03):", "", "1. Ada Lovelace — a follow-up is due"];
const quoted = digest.map((l) => `> ${l}`).join("\n");

describe("replyBodyOf", () => {
  it.each([
    ["Gmail", `snooze 2w\n\nOn Tue, Nov 3, 2026 at 8:00 AM Kith <kith@kith.test> wrote:\n${quoted}`],
    [
      "a wrapped quote header",
      `snooze 2w\n\nOn Tue, Nov 3, 2026 at 8:00 AM Kith <\nkith@kith.test> wrote:\n\n${quoted}`,
    ],
    [
      "Outlook (unquoted original)",
      `snooze 2w\r\n\r\nFrom: Kith <kith@kith.test>\r\nSent: Tuesday, November 3, 2026 8:00 AM\r\nTo: Alice\r\nSubject: Kith: follow up\r\n\r\n${digest.join("\r\n")}`,
    ],
    ["Outlook's original-message line", `snooze 2w\n\n-----Original Message-----\nFrom: Kith\n\n${digest.join("\n")}`],
    ["a French client", `snooze 2w\n\nLe mar. 3 nov. 2026 à 08:00, Kith <kith@kith.test> a écrit :\n${quoted}`],
    ["a German client", `snooze 2w\n\nAm Di., 3. Nov. 2026 um 08:00 Uhr schrieb Kith <kith@kith.test>:\n${quoted}`],
    ["a signature", `snooze 2w\n\n-- \nAlice Smith\nAcme Ltd.\n\n${quoted}`],
    ["a phone's signature", `snooze 2w\n\nSent from my iPhone\n\n${quoted}`],
    ["a sign-off", "snooze 2w\n\nThanks,\nAlice"],
    ["a sign-off with a title", "snooze 2w\nBest regards,\nAlice Smith\nHead of Research"],
  ])("keeps only the new text under %s", (_client, text) => {
    expect(replyBodyOf(text)).toBe("snooze 2w");
  });

  it("keeps a note's lines, and a first line that merely starts like a closing", () => {
    expect(replyBodyOf("Had lunch with her.\nShe is moving to Berlin.\n\nCheers,\nAl\n\n> 1. Ada")).toBe(
      "Had lunch with her.\nShe is moving to Berlin.",
    );
    expect(replyBodyOf("Thanks, she loved the book")).toBe("Thanks, she loved the book");
    expect(replyBodyOf("Love her new job")).toBe("Love her new job");
  });

  it("is empty when the reply only quotes", () => {
    expect(replyBodyOf(`On Tue, Nov 3, 2026 at 8:00 AM Kith <kith@kith.test> wrote:\n${quoted}`)).toBe("");
  });
});
