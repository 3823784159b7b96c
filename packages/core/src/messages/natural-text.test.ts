import { describe, expect, it } from "vitest";
import { oneLine, paragraph, tidyBody, tidySubject } from "./natural-text.ts";

describe("natural text", () => {
  it("tidies what empty values leave behind", () => {
    expect(tidyBody("Hi ,\n\n\n\nWe met at  .\nThanks for the  ( ) talk ,  really.\n\n", 100)).toBe(
      "Hi,\n\nWe met.\nThanks for the talk, really.",
    );
    expect(tidyBody('Loved "" and [] too.', 100)).toBe("Loved and too.");
  });

  it("keeps one-line fields on one line, without controls or bidi overrides", () => {
    expect(oneLine("Ana\r\nBcc: x@y.z\t\u202eevil\u0007", 100)).toBe("Ana Bcc: x@y.z evil");
    expect(oneLine(42)).toBe("");
    expect(oneLine("x".repeat(300), 10)).toBe(`${"x".repeat(9)}…`);
    expect(oneLine(`${"x".repeat(8)}🙂🙂`, 10)).toBe(`${"x".repeat(8)}…`);
    expect(paragraph("a\r\nb\u202e", 10)).toBe("a\nb");
  });

  it("gives a subject without a line break, at most its length", () => {
    expect(tidySubject("Hello\r\nBcc: x@y.z", 200)).toBe("Hello Bcc: x@y.z");
    expect(tidySubject("x".repeat(500), 200)).toHaveLength(200);
  });
});
