import { describe, expect, it } from "vitest";
import { amountHint, formatMoney, formatSalary, minorDigits, parseAmount } from "./money.ts";

describe("money", () => {
  it("knows each currency's minor digits from Intl", () => {
    expect(minorDigits("EUR")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
    expect(minorDigits("not-a-code")).toBe(2);
  });
  it("formats minor units as the currency's amount", () => {
    expect(formatMoney(1250, "EUR", "en-US")).toBe("€12.50");
    expect(formatMoney(1250, "JPY", "en-US")).toBe("¥1,250");
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(5, "EUR", "de-DE")).toBe("0,05\u00a0€");
  });
  it("reads what a person types, in either decimal mark", () => {
    expect(parseAmount("12.5", "EUR")).toBe(1250);
    expect(parseAmount("12,50", "EUR")).toBe(1250);
    expect(parseAmount("1 250", "EUR")).toBe(125000);
    expect(parseAmount("1,250.00", "USD")).toBe(125000);
    expect(parseAmount("1.250", "KWD")).toBe(1250);
    expect(parseAmount("1250", "JPY")).toBe(1250);
    expect(parseAmount("0.10", "EUR")).toBe(10);
  });
  it("refuses what is not an amount", () => {
    expect(parseAmount("", "EUR")).toBeNull();
    expect(parseAmount("-3", "EUR")).toBeNull();
    expect(parseAmount("12.345", "EUR")).toBeNull();
    expect(parseAmount("12.5", "JPY")).toBeNull();
    expect(parseAmount("ten", "EUR")).toBeNull();
    expect(parseAmount("1e5", "EUR")).toBeNull();
  });
  it("says what to type in the currency's own digits", () => {
    expect(amountHint("EUR")).toBe("Type an amount such as 12.50 (EUR has 2 decimals)");
    expect(amountHint("JPY")).toBe("Type a whole amount such as 1250: JPY has no decimals");
    expect(amountHint("KWD")).toBe("Type an amount such as 12.500 (KWD has 3 decimals)");
  });
  it("says a salary range in few characters", () => {
    expect(formatSalary(null, null, "EUR")).toBeNull();
    expect(formatSalary(60_000, 80_000, "EUR")).toMatch(/^\D*60\s?K\D*–\D*80\s?K\D*$/);
    expect(formatSalary(62_500, 62_500, "EUR")).toMatch(/^\D*62[.,]5\s?K\D*$/);
    expect(formatSalary(90_000, null, "USD")).toMatch(/^from \$90/);
    expect(formatSalary(null, 5_000, "GBP")).toBe("up to £5,000");
  });
});
