import { describe, expect, it } from "vitest";
import { occasionsOf } from "./refresh-contacts.ts";

describe("a contact's occasions", () => {
  it("are its birthday, then each anniversary and custom date, labelled for the sentence", () => {
    expect(
      occasionsOf({
        birthday: { month: 8, day: 2, year: null },
        dates: [
          { kind: "anniversary", month: 6, day: 14, year: 2012 },
          { kind: "anniversary", label: "wedding anniversary", month: 6, day: 15 },
          { kind: "custom", label: " name day ", month: 7, day: 26 },
          { kind: "custom", month: 1, day: 5 },
        ],
      }),
    ).toEqual([
      { kind: "birthday", month: 8, day: 2, year: null },
      { kind: "anniversary", label: "anniversary", month: 6, day: 14, year: 2012 },
      { kind: "anniversary", label: "wedding anniversary", month: 6, day: 15, year: null },
      { kind: "custom", label: "name day", month: 7, day: 26, year: null },
      { kind: "custom", label: "special day", month: 1, day: 5, year: null },
    ]);
  });

  it("are none without a birthday or dates", () => {
    expect(occasionsOf({ birthday: null, dates: [] })).toEqual([]);
  });
});
