import { describe, expect, it } from "vitest";
import { emailKey, isEmailAddress } from "./email-address.ts";
import { emailEntrySchema } from "./schemas.ts";

describe("isEmailAddress", () => {
  it.each([
    "ana@example.com",
    "zoë.50@example.com",
    "kim@exämple.com",
    "kim@xn--exmple-cua.com",
    "用户@例子.广告",
    "first.last+tag@sub.example.co.uk",
    "o'brien@example.ie",
  ])("takes %s", (address) => {
    expect(isEmailAddress(address)).toBe(true);
    expect(emailEntrySchema.safeParse({ address }).success).toBe(true);
  });

  it.each([
    "not-an-email",
    "ana@",
    "@example.com",
    "ana maria@example.com",
    "ana@exa mple.com",
    "ana..b@example.com",
    ".ana@example.com",
    "ana.@example.com",
    "ana@example..com",
    "ana@example",
    "ana@-example.com",
    "ana@example.com.",
    "ana@192.168.0.1",
    `${"a".repeat(65)}@example.com`,
  ])("refuses %s", (address) => {
    expect(isEmailAddress(address)).toBe(false);
    expect(emailEntrySchema.safeParse({ address }).success).toBe(false);
  });

  it("compares the domain case-folded and in its ASCII form, the local part without case", () => {
    expect(emailKey("Ana@Example.COM")).toBe(emailKey("ana@example.com"));
    expect(emailKey("kim@exämple.com")).toBe(emailKey("kim@xn--exmple-cua.com"));
    expect(emailKey("Zoë@example.com")).toBe(emailKey("zoë@EXAMPLE.com"));
    expect(emailKey("ana@example.com")).not.toBe(emailKey("anna@example.com"));
  });
});
