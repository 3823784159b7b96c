import { countryHolidays } from "@kith/core";
import type { Kysely } from "kysely";

// What every account that saved its settings before held: the old default, names matched as substrings.
const OLD_DEFAULT = ["new year", "thanksgiving", "christmas"];
// The years searched for a stored name: any year has every yearly holiday; two years catch those of even years.
const YEARS = [2026, 2027];

/**
 * Greeting holidays were chosen by name ("christmas": any holiday whose name contains it), which breaks when the
 * names change with the language ("Weihnachten") and picked Thanksgiving in no country but two. They are now
 * chosen by the holiday's id in its country's calendar (`holidayId`: "12-25", "4th thursday in November").
 * Each account's stored names become the ids of its country's holidays whose name (in the country's language or in
 * English) contains one of them; the old default, or names with no country to look them up in, become null (the
 * country's own defaults: New Year and Christmas, Thanksgiving in the US and Canada, Diwali in India …).
 */
export const greetingHolidayIdsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const accounts = db as unknown as Kysely<{ account: { id: string; country: string | null; settings: string } }>;
    const rows = await accounts.selectFrom("account").select(["id", "country", "settings"]).execute();
    for (const row of rows) {
      const settings = parseObject(row.settings);
      const engine = parseObject(settings.engine);
      if (!Array.isArray(engine.greetingHolidays)) continue;
      const names = engine.greetingHolidays.filter((n): n is string => typeof n === "string");
      const region = typeof engine.region === "string" ? engine.region : null;
      engine.greetingHolidays = idsOf(names, row.country, region);
      const json = JSON.stringify({ ...settings, engine });
      await accounts.updateTable("account").set({ settings: json }).where("id", "=", row.id).execute();
    }
  },
};

function idsOf(names: string[], country: string | null, region: string | null): string[] | null {
  const lower = names.map((n) => n.trim().toLowerCase());
  if (!country || (lower.length === OLD_DEFAULT.length && OLD_DEFAULT.every((n) => lower.includes(n)))) return null;
  const ids = new Set<string>();
  for (const year of YEARS) {
    let named: { id: string; name: string }[];
    try {
      named = [...countryHolidays(country, year, region), ...countryHolidays(country, year, region, "en")];
    } catch {
      return null; // a country or region the library no longer knows: the defaults
    }
    for (const holiday of named) {
      if (lower.some((n) => holiday.name.toLowerCase().includes(n))) ids.add(holiday.id);
    }
  }
  return [...ids];
}

function parseObject(value: unknown): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return { ...value };
  if (typeof value !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(value || "{}");
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
  } catch {
    return {};
  }
}
