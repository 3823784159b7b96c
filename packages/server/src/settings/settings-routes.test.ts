import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("holiday settings on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("lists the country's holidays in the account's language, greets by id, and refuses a holiday it lacks", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    expect((await call("PATCH", "/api/account", { timeZone: "Europe/Berlin", country: "DE" })).statusCode).toBe(200);
    type Calendar = { year: number; isDefault: boolean; holidays: { id: string; name: string; greeting: boolean }[] };
    const german = (await call("GET", "/api/settings/holidays?year=2026")).json() as Calendar;
    expect(german.isDefault).toBe(true);
    expect(german.holidays.filter((h) => h.greeting).map((h) => h.name)).toEqual(["Neujahr", "1. Weihnachtstag"]);
    expect(german.holidays.some((h) => /thanksgiving/i.test(h.name))).toBe(false);

    const saved = await call("PATCH", "/api/settings", { language: "en-GB", greetingHolidays: ["12-25", "easter 1"] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ language: "en-GB", greetingHolidays: ["12-25", "easter 1"] });
    const english = (await call("GET", "/api/settings/holidays?year=2026")).json() as Calendar;
    expect(english.isDefault).toBe(false);
    expect(english.holidays.filter((h) => h.greeting).map((h) => h.name)).toEqual(["Easter Monday", "Christmas Day"]);

    const thanksgiving = await call("PATCH", "/api/settings", { greetingHolidays: ["4th thursday in November"] });
    expect(thanksgiving.statusCode).toBe(400);
    expect(thanksgiving.json().errors[0]).toMatchObject({ path: "greetingHolidays" });
    const language = await call("PATCH", "/api/settings", { language: "not a language" });
    expect(language.statusCode).toBe(400);
    expect(language.json().errors[0].path).toBe("language");
    // Problems say what is wrong in words, as the web shows them.
    const cap = (await call("PATCH", "/api/settings", { dailyCap: 0 })).json();
    expect(cap).toMatchObject({ detail: "Daily cap must be at least 1", errors: [{ path: "dailyCap" }] });
    const goal = (await call("PATCH", "/api/settings", { weeklyGoal: "x" })).json();
    expect(goal.detail).toBe("Weekly goal must be a number");
    // Back to the country's defaults.
    expect((await call("PATCH", "/api/settings", { greetingHolidays: null })).json().greetingHolidays).toBeNull();
  });

  it("lists every country the holidays library knows once, named and sorted in the language asked for", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const countries = (await call("GET", "/api/settings/countries?language=de")).json() as {
      code: string;
      name: string;
    }[];
    const codes = countries.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).not.toContain("AN");
    expect(countries.find((c) => c.code === "DE")?.name).toBe("Deutschland");
    expect(countries.map((c) => c.name)).toEqual(countries.map((c) => c.name).sort(new Intl.Collator("de").compare));
    // Every listed country can be chosen.
    for (const code of ["IN", "JP", "BR", codes[codes.length - 1]]) {
      expect((await call("PATCH", "/api/account", { country: code })).statusCode).toBe(200);
    }
  });
});
