import { Buffer } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charOffsetOfUtf8, utf8Length } from "./utf8.ts";

describe("UTF-8 lengths without encoding", () => {
  it("counts as Node's encoder does: ASCII, accents, CJK, emoji and lone surrogates", () => {
    for (const text of ["", "abc", "zoë", "名前", "🦊 fox", "a\ud800b", "\udc00", "é🦊\r\n名"]) {
      expect(utf8Length(text), text).toBe(Buffer.byteLength(text));
    }
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => utf8Length(text) === Buffer.byteLength(text)));
  });

  it("finds the character offset where a byte count ends, at every code point boundary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        for (let i = 0; i <= text.length; i++) {
          if (i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i] ?? "")) continue; // inside a pair
          expect(charOffsetOfUtf8(text, Buffer.byteLength(text.slice(0, i)))).toBe(i);
        }
      }),
    );
  });
});
