import { describe, expect, it } from "vitest";
import { amountProblem, amountText, minorDigits, parseAmount } from "./money.ts";

describe("money in a currency's minor units", () => {
  it("knows ISO 4217 minor digits: yen none, dinars three, euros two; an unknown code two", () => {
    expect(["JPY", "KRW", "EUR", "USD", "KWD", "BHD", "TND", "CLF", "ZZZ", "nonsense"].map(minorDigits)).toEqual([
      0, 0, 2, 2, 3, 3, 3, 4, 2, 2,
    ]);
  });

  it("writes minor units in the currency's digits", () => {
    expect(amountText(1250, "EUR")).toBe("12.50");
    expect(amountText(5, "EUR")).toBe("0.05");
    expect(amountText(1250, "JPY")).toBe("1250");
    expect(amountText(1250, "KWD")).toBe("1.250");
    expect(amountText(7, "BHD")).toBe("0.007");
    expect(amountText(0, "USD")).toBe("0.00");
    expect(amountText(123_456_789, "CLF")).toBe("12345.6789");
  });

  it("reads a typed amount in the currency's digits, refusing more decimals than it has", () => {
    expect(parseAmount("12.5", "EUR")).toBe(1250);
    expect(parseAmount(" 1250 ", "JPY")).toBe(1250);
    expect(parseAmount("1.25", "KWD")).toBe(1250);
    expect(parseAmount("12.5", "JPY")).toBeNull();
    expect(parseAmount("12.345", "EUR")).toBeNull();
    expect(parseAmount("-1", "EUR")).toBeNull();
    expect(parseAmount("1e3", "EUR")).toBeNull();
    expect(parseAmount("12,50", "EUR")).toBeNull();
    expect(parseAmount("٣", "EUR")).toBeNull();
    expect(amountProblem("12.5", "JPY")).toBe(
      'must be a whole amount of JPY (it has no decimals), such as 1250, not "12.5"',
    );
    expect(amountProblem("1.2345", "KWD")).toBe(
      'must be an amount of KWD with at most 3 decimals, such as 12.500, not "1.2345"',
    );
  });

  it("round-trips every amount it writes", () => {
    for (const currency of ["EUR", "JPY", "KWD", "CLF"])
      for (const minor of [0, 1, 9, 10, 99, 100, 1001, 123_456_789])
        expect(parseAmount(amountText(minor, currency), currency)).toBe(minor);
  });
});
