import { describe, expect, it } from "vitest";
import {
  countryHolidays,
  defaultGreetingHolidays,
  greetingHolidaysOf,
  holidayCountries,
  holidayId,
  holidayLanguage,
} from "./holidays.ts";
import { upcomingOccasions } from "./occasions.ts";

const greetings = (country: string, year: number, language?: string) =>
  greetingHolidaysOf(country, year, { language }).map((h) => [h.on, h.name]);

describe("the default greeting holidays of each country, in 2026", () => {
  it("US: New Year, Thanksgiving (4th Thursday of November) and Christmas", () => {
    expect(greetings("US", 2026)).toEqual([
      ["2026-01-01", "New Year's Day"],
      ["2026-11-26", "Thanksgiving Day"],
      ["2026-12-25", "Christmas Day"],
    ]);
  });

  it("CA: Thanksgiving on the 2nd Monday of October (widely observed: public per province), in French too", () => {
    expect(greetings("CA", 2026)).toEqual([
      ["2026-01-01", "New Year's Day"],
      ["2026-10-12", "Thanksgiving"],
      ["2026-12-25", "Christmas Day"],
    ]);
    expect(greetings("CA", 2026, "fr-CA").map(([, name]) => name)).toEqual(["Nouvel An", "Action de grâce", "Noël"]);
  });

  it("GB: New Year and Christmas, not Boxing Day", () => {
    expect(greetings("GB", 2026)).toEqual([
      ["2026-01-01", "New Year's Day"],
      ["2026-12-25", "Christmas Day"],
    ]);
  });

  it("DE: Neujahr and Weihnachten, no Thanksgiving; in English for an English-speaking account", () => {
    expect(greetings("DE", 2026)).toEqual([
      ["2026-01-01", "Neujahr"],
      ["2026-12-25", "1. Weihnachtstag"],
    ]);
    expect(greetings("DE", 2026, "en-GB").map(([, name]) => name)).toEqual(["New Year's Day", "Christmas Day"]);
    expect(countryHolidays("DE", 2026).some((h) => /thanksgiving|erntedank/i.test(h.name))).toBe(false);
  });

  it("FR: Nouvel An and Noël", () => {
    expect(greetings("FR", 2026)).toEqual([
      ["2026-01-01", "Nouvel An"],
      ["2026-12-25", "Noël"],
    ]);
  });

  it("IN: Diwali (which the library lacks: Kith's own dates) and Christmas", () => {
    expect(greetings("IN", 2026)).toEqual([
      ["2026-11-08", "Diwali"],
      ["2026-12-25", "Christmas Day"],
    ]);
    expect(greetings("IN", 2025)[0]).toEqual(["2025-10-20", "Diwali"]);
    expect(greetings("IN", 2026, "hi")[0]).toEqual(["2026-11-08", "दिवाली"]);
  });

  it("JP: Shōgatsu (New Year's Day) only, named in Japanese or in English", () => {
    expect(greetings("JP", 2026)).toEqual([["2026-01-01", "元日"]]);
    expect(greetings("JP", 2026, "ja")).toEqual([["2026-01-01", "元日"]]);
    expect(greetings("JP", 2026, "en-US")).toEqual([["2026-01-01", "New Year's Day"]]);
  });

  it("BR: Ano Novo and Natal", () => {
    expect(greetings("BR", 2026)).toEqual([
      ["2026-01-01", "Ano Novo"],
      ["2026-12-25", "Natal"],
    ]);
  });
});

describe("holiday identities", () => {
  it("are the same in every language and every year, and unique within a country's year", () => {
    for (const country of ["US", "CA", "GB", "DE", "FR", "IN", "JP", "BR"]) {
      const ids = (year: number, language?: string) => countryHolidays(country, year, null, language).map((h) => h.id);
      expect(ids(2026, "en")).toEqual(ids(2026));
      expect(ids(2026, "de")).toEqual(ids(2026));
      expect(new Set(ids(2026)).size).toBe(ids(2026).length);
      for (const id of defaultGreetingHolidays(country)) {
        expect(ids(2027)).toContain(id);
        expect(ids(2030)).toContain(id);
      }
    }
  });

  it("drop the conditions that only move a holiday, its time of day and duration", () => {
    expect(holidayId("12-25 and if sunday then next monday if saturday then previous friday", "")).toBe("12-25");
    expect(holidayId("06-19 and if sunday then next monday since 2021", "")).toBe("06-19");
    expect(holidayId("12-24 14:00 if sunday then 00:00", "")).toBe("12-24");
    expect(holidayId("easter -50 PT48H", "")).toBe("easter -50");
    expect(holidayId("2nd monday in October #2", "")).toBe("2nd monday in October");
    expect(holidayId("2026-11-08", "Diwali (Deepavali)")).toBe("name:diwali");
  });

  it("choose greetings by id: a chosen holiday becomes an occasion under its name in the account's language", () => {
    const holidays = { country: "DE", leadDays: 2, greetings: ["easter 1"], language: "en" };
    const found = upcomingOccasions({ occasions: [], defaultLeadDays: 3, holidays }, "2026-04-01", 10);
    expect(found.map((o) => [o.occasionOn, o.label])).toEqual([["2026-04-06", "Easter Monday"]]);
    const defaults = upcomingOccasions(
      { occasions: [], defaultLeadDays: 3, holidays: { country: "DE", leadDays: 3 } },
      "2026-12-20",
      30,
    );
    expect(defaults.map((o) => [o.occasionOn, o.label])).toEqual([
      ["2026-12-25", "1. Weihnachtstag"],
      ["2027-01-01", "Neujahr"],
    ]);
  });
});

describe("the country list", () => {
  it("holds every country the library knows, once, sorted by the name in the language asked for", () => {
    const english = holidayCountries("en");
    const codes = english.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(150);
    for (const code of ["US", "CA", "GB", "DE", "FR", "IN", "JP", "BR"]) expect(codes).toContain(code);
    // Obsolete or non-country codes the browser would name: Netherlands Antilles, Serbia and Montenegro, EU, UN.
    for (const code of ["AN", "CS", "YU", "EU", "UN", "ZZ"]) expect(codes).not.toContain(code);
    expect(english.every((c) => c.name.length > 0 && c.name !== c.code)).toBe(true);
    const names = english.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("en").compare));
    const german = holidayCountries("de");
    expect(german.find((c) => c.code === "DE")?.name).toBe("Deutschland");
    expect(german.findIndex((c) => c.code === "EG")).toBeLessThan(german.findIndex((c) => c.code === "AL"));
    expect(new Set(german.map((c) => c.code))).toEqual(new Set(codes));
  });

  it("maps a browser language to the library's (Japanese is jp there)", () => {
    expect(holidayLanguage("ja-JP")).toBe("jp");
    expect(holidayLanguage("pt-BR")).toBe("pt");
    expect(holidayLanguage("")).toBeUndefined();
    expect(holidayLanguage(null)).toBeUndefined();
  });
});
