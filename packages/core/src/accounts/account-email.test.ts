import { describe, expect, it } from "vitest";
import { accountEmailSchema } from "./schemas.ts";

describe("the address a person signs in with", () => {
  it("keeps an internationalised domain in its ASCII form, whichever way it is typed", () => {
    for (const [typed, kept] of [
      ["kim@exämple.com", "kim@xn--exmple-cua.com"],
      [" kim@EXÄMPLE.com ", "kim@xn--exmple-cua.com"],
      ["kim@xn--exmple-cua.com", "kim@xn--exmple-cua.com"],
      ["taro@例え.jp", "taro@xn--r8jz45g.jp"],
      ["Ada@Example.com", "Ada@Example.com"],
    ]) {
      expect(accountEmailSchema.parse(typed), typed).toBe(kept);
    }
  });

  it("refuses a UTF-8 part before the @ saying why, and what is no address at all", () => {
    const utf8 = accountEmailSchema.safeParse("zoë@example.com");
    expect(utf8.success).toBe(false);
    expect(utf8.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/ASCII .* before the @/)]);
    for (const bad of ["", "ada", "ada@", "@example.com", "ada@example", "a@b/c.com", "ada@exa mple.com"]) {
      expect(accountEmailSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(accountEmailSchema.safeParse(`${"a".repeat(250)}@x.de`).success).toBe(false);
  });
});
