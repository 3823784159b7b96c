// Public holidays of the account's country, from the maintained `date-holidays` library (type "public" only).
//
// Some holidays people greet each other on are public only per subdivision: Canadian Thanksgiving is statutory in
// most provinces but not federally, so `date-holidays` lists it only for provinces. Without a region we therefore
// take the nationwide public holidays plus those public in a majority of subdivisions ("widely observed"); with a
// region, that region's public holidays. Substitute days ("observed on Monday") are skipped: a greeting belongs on
// the real day.

import Holidays from "date-holidays";
import { EngineInputError } from "./errors.ts";

export interface PublicHoliday {
  on: string;
  name: string;
}

// The library parses its rule data on construction; instances and results are immutable, so memoising is safe.
const calendars = new Map<string, Holidays>();
const results = new Map<string, PublicHoliday[]>();

function calendar(country: string, region?: string): Holidays {
  const key = `${country}|${region ?? ""}`;
  let holidays = calendars.get(key);
  if (!holidays) {
    holidays = region ? new Holidays(country, region) : new Holidays(country);
    calendars.set(key, holidays);
  }
  return holidays;
}

function publicOn(holidays: Holidays, year: number): PublicHoliday[] {
  return holidays
    .getHolidays(year)
    .filter((h) => h.type === "public" && !h.substitute)
    .map((h) => ({ on: h.date.slice(0, 10), name: h.name }));
}

function widelyObserved(country: string, year: number): PublicHoliday[] {
  const regions = Object.keys(calendar(country).getStates(country) ?? {});
  const counts = new Map<string, { holiday: PublicHoliday; count: number }>();
  for (const region of regions) {
    for (const holiday of publicOn(calendar(country, region), year)) {
      const key = `${holiday.on}|${holiday.name}`;
      const entry = counts.get(key) ?? { holiday, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].filter((e) => e.count * 2 > regions.length).map((e) => e.holiday);
}

function merge(...lists: PublicHoliday[][]): PublicHoliday[] {
  const byDate = new Map<string, PublicHoliday>();
  // Earlier lists win a date, so the nationwide name is kept over a regional spelling of the same day.
  for (const holiday of lists.flat()) if (!byDate.has(holiday.on)) byDate.set(holiday.on, holiday);
  return [...byDate.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** Public holidays of `country` (ISO 3166-1, e.g. "US") — and optionally one region, e.g. "ON" — in `year`. */
export function publicHolidays(country: string, year: number, region?: string | null): PublicHoliday[] {
  const key = `${country}|${region ?? ""}|${year}`;
  const cached = results.get(key);
  if (cached) return cached;
  const national = calendar(country);
  if (!national.getCountries()[country]) {
    throw new EngineInputError("country", `unknown country code ${JSON.stringify(country)}`);
  }
  if (region && !national.getStates(country)?.[region]) {
    throw new EngineInputError("region", `unknown region ${JSON.stringify(region)} of ${country}`);
  }
  const extra = region ? publicOn(calendar(country, region), year) : widelyObserved(country, year);
  const holidays = merge(publicOn(national, year), extra);
  results.set(key, holidays);
  return holidays;
}
