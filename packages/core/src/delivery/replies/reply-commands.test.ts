import { describe, expect, it } from "vitest";
import { type DigestItemRef, parseReply, snoozeUntilOn } from "./reply-commands.ts";

const item = (displayName: string): DigestItemRef => ({ contactId: `c-${displayName}`, displayName, sentence: "…" });
const one = [item("Ada Lovelace")];
const three = [item("Ada Lovelace"), item("Rosa Díaz"), item("Alan Turing")];

describe("parseReply with one item", () => {
  it.each([
    ["done", { verb: "done", item: 0 }],
    ["Done.", { verb: "done", item: 0 }],
    ["DONE!", { verb: "done", item: 0 }],
    ["done, thanks!", { verb: "done", item: 0 }],
    ["skip", { verb: "skip", item: 0 }],
    ["snooze 2w", { verb: "snooze", item: 0, span: { amount: 2, unit: "week" } }],
    ["snooze 10d", { verb: "snooze", item: 0, span: { amount: 10, unit: "day" } }],
    ["snooze 1m", { verb: "snooze", item: 0, span: { amount: 1, unit: "month" } }],
    ["snooze 3 days", { verb: "snooze", item: 0, span: { amount: 3, unit: "day" } }],
    ["Snooze: a month", { verb: "snooze", item: 0, span: { amount: 1, unit: "month" } }],
    ["snooze", { verb: "snooze", item: 0, span: { amount: 1, unit: "week" } }],
    ["1 done", { verb: "done", item: 0 }],
  ])("%j", (body, command) => {
    expect(parseReply(body, one)).toEqual({ ok: true, commands: [command], unused: [] });
  });

  it("any other text is a note on the contact", () => {
    expect(parseReply("Had lunch with her.\nShe is moving to Berlin.", one)).toEqual({
      ok: true,
      commands: [{ verb: "note", item: 0, text: "Had lunch with her.\nShe is moving to Berlin." }],
      unused: [],
    });
    // A verb inside a sentence does not make it a command.
    expect(parseReply("I'm done with the intro she asked for", one)).toMatchObject({
      commands: [{ verb: "note", text: "I'm done with the intro she asked for" }],
    });
  });

  it("refuses what starts like a command but is not one, and empty replies", () => {
    expect(parseReply("snooze for a while", one)).toEqual({
      ok: false,
      problem: '"snooze for a while" was not understood',
    });
    expect(parseReply("snooze 2y", one)).toMatchObject({ ok: false });
    expect(parseReply("snooze 400d", one)).toEqual({ ok: false, problem: "a snooze may last a year at most" });
    expect(parseReply("snooze 0d", one)).toMatchObject({ ok: false });
    expect(parseReply("  \n ", one)).toMatchObject({ ok: false, problem: expect.stringContaining("empty") });
    expect(parseReply("x".repeat(5001), one)).toMatchObject({ ok: false, problem: expect.stringContaining("5000") });
  });
});

describe("parseReply with several items", () => {
  it.each([
    ["2 done", { verb: "done", item: 1 }],
    ["done 2", { verb: "done", item: 1 }],
    ["#2 done", { verb: "done", item: 1 }],
    ["2. done", { verb: "done", item: 1 }],
    ["#3 snooze 2w", { verb: "snooze", item: 2, span: { amount: 2, unit: "week" } }],
    ["snooze 3 2 weeks", { verb: "snooze", item: 2, span: { amount: 2, unit: "week" } }],
    ["snooze #3 10d", { verb: "snooze", item: 2, span: { amount: 10, unit: "day" } }],
    ["skip Alan", { verb: "skip", item: 2 }],
    ["Rosa done", { verb: "done", item: 1 }],
    ["done rosa diaz", { verb: "done", item: 1 }],
    ["snooze Ada Lovelace 1m", { verb: "snooze", item: 0, span: { amount: 1, unit: "month" } }],
  ])("%j", (body, command) => {
    expect(parseReply(body, three)).toEqual({ ok: true, commands: [command], unused: [] });
  });

  it("takes one command per line and reports the other lines unused", () => {
    expect(parseReply("1 done\n3 skip\nThanks for the list", three)).toEqual({
      ok: true,
      commands: [
        { verb: "done", item: 0 },
        { verb: "skip", item: 2 },
      ],
      unused: ["Thanks for the list"],
    });
  });

  it("a note names its item by a marked number or a name and a colon", () => {
    expect(parseReply("#2 Met her at the fair", three)).toMatchObject({
      commands: [{ verb: "note", item: 1, text: "Met her at the fair" }],
    });
    expect(parseReply("3: Asked about the book", three)).toMatchObject({
      commands: [{ verb: "note", item: 2, text: "Asked about the book" }],
    });
    expect(parseReply("Alan: Asked about the book", three)).toMatchObject({
      commands: [{ verb: "note", item: 2, text: "Asked about the book" }],
    });
  });

  it("does nothing when the item cannot be told", () => {
    expect(parseReply("done", three)).toMatchObject({ ok: false, problem: expect.stringContaining("3 items") });
    expect(parseReply("Met her at the fair", three)).toMatchObject({
      ok: false,
      problem: expect.stringContaining("which"),
    });
    expect(parseReply("7 done", three)).toEqual({ ok: false, problem: "there is no item 7: the digest had 3" });
    expect(parseReply("done Grace", three)).toEqual({ ok: false, problem: '"done Grace" was not understood' });
    expect(parseReply("2 done 3", three)).toMatchObject({ ok: false });
    expect(parseReply("2 done\n2 skip", three)).toMatchObject({ ok: false, problem: expect.stringContaining("twice") });
    // "3 kids now" is not a numbered note (no mark), so the item is not known.
    expect(parseReply("3 kids now", three)).toMatchObject({ ok: false });
  });

  it("a name shared by two items is ambiguous", () => {
    const twoAdas = [item("Ada Lovelace"), item("Ada Byron")];
    expect(parseReply("done ada", twoAdas)).toEqual({
      ok: false,
      problem: '"ada" names several items; use the number',
    });
    expect(parseReply("done ada byron", twoAdas)).toMatchObject({ ok: true, commands: [{ verb: "done", item: 1 }] });
  });
});

describe("snoozeUntilOn", () => {
  it("counts days and weeks in days, months by the calendar", () => {
    expect(snoozeUntilOn("2026-11-03", { amount: 2, unit: "week" })).toBe("2026-11-17");
    expect(snoozeUntilOn("2026-12-25", { amount: 10, unit: "day" })).toBe("2027-01-04");
    expect(snoozeUntilOn("2027-01-31", { amount: 1, unit: "month" })).toBe("2027-02-28");
    expect(snoozeUntilOn("2027-11-30", { amount: 3, unit: "month" })).toBe("2028-02-29");
  });
});
