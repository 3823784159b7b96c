import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./pagination.ts";

describe("page cursors", () => {
  it("round-trip keys with accents, emoji and every base64url character", () => {
    for (const keyset of [
      { key: "zoë ålvarez", id: "id-000001" },
      { key: "🦊 fox", id: "c-ÿ" },
      { key: "?>~~", id: "///" },
      { key: "", id: "x" },
    ]) {
      const cursor = encodeCursor(keyset);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor)).toEqual(keyset);
    }
  });

  it("reads a cursor written by Node's Buffer base64url (the format before core dropped Buffer)", () => {
    expect(decodeCursor("WyJ6b8OrIiwiaWQtMSJd")).toEqual({ key: "zoë", id: "id-1" });
  });

  it("refuses a cursor it did not issue, naming the field", () => {
    for (const bad of ["%%%", "bm90IGpzb24", "WzEsMl0", "WyJhIl0"]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ message: expect.stringMatching(/cursor/) }));
    }
  });
});
