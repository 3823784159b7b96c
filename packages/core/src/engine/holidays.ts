// Holidays of the account's country, from the maintained `date-holidays` library.
//
// Some holidays people greet each other on are public only per subdivision: Canadian Thanksgiving is statutory in
// most provinces but not federally, so `date-holidays` lists it only for provinces. Without a region we therefore
// take the nationwide holidays plus those public in a majority of subdivisions ("widely observed"); with a region,
// that region's holidays. Substitute days ("observed on Monday") are skipped: a greeting belongs on the real day.
//
// A holiday's identity (`id`) is its rule in the library ("12-25", "4th thursday in November", "easter -2"),
// without the conditions that only move or limit it ("and if sunday then next monday", "since 2021", a time of
// day): it stays the same in every language and every year, while the name changes with the language
// ("Weihnachten", "Christmas Day"). Greeting holidays are stored by id.

import Holidays from "date-holidays";
import { EngineInputError } from "./errors.ts";

export interface PublicHoliday {
  /** The holiday's stable identity in its country, e.g. "12-25" or "4th thursday in November". */
  id: string;
  on: string;
  /** In the language asked for where the library has it, else in the country's own language. */
  name: string;
}

export interface CalendarHoliday extends PublicHoliday {
  /** "public": a day off; "observance": kept and greeted, not a day off (Mother's Day, Christmas in Japan). */
  type: "public" | "observance";
}

type HolidayType = CalendarHoliday["type"];

/** The library's language code for a BCP 47 tag ("de-AT" → "de"; Japanese is "jp" there). */
export function holidayLanguage(language: string | null | undefined): string | undefined {
  const primary = language?.split(/[-_]/)[0]?.toLowerCase();
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  return primary === "ja" ? "jp" : primary;
}

/** The stable part of a library rule: the date rule without its moving conditions, times or durations. */
export function holidayId(rule: string, englishName: string): string {
  // A rule that is one calendar date ("2026-11-08": holidays of a lunar or Hindu calendar listed year by year) is
  // different every year; such a holiday is known by its English name instead.
  if (/^\d{4}-\d{2}-\d{2}/.test(rule))
    return `name:${englishName
      .toLowerCase()
      .replace(/\s*\(.*\)\s*/g, "")
      .trim()}`;
  return rule
    .replace(/\s+#\d+/g, "")
    .replace(/\s+(and\s+)?if\s.*$/i, "")
    .replace(/\s+(since|prior to)\s.*$/i, "")
    .replace(/\s+\d{2}:\d{2}.*$/, "")
    .replace(/\s+P\d+[DH].*$/i, "")
    .replace(/\s+P?T\d+H.*$/i, "")
    .trim();
}

// Holidays people greet each other on that the library does not compute for a country. India: Diwali (Lakshmi Puja)
// follows the Hindu lunisolar calendar; the dates are the Government of India's holiday lists, the same days the
// library gives for Trinidad and Tobago's Divali.
const SUPPLEMENTS: Record<string, { id: string; names: Record<string, string>; dates: string[] }[]> = {
  IN: [
    {
      id: "diwali",
      names: { en: "Diwali", hi: "दिवाली", ta: "தீபாவளி" },
      dates: ["2024-10-31", "2025-10-20", "2026-11-08", "2027-10-28", "2028-10-17", "2029-11-05", "2030-10-25"],
    },
  ],
};

/**
 * The holidays that get a greeting when the account has chosen none: New Year and Christmas where the country keeps
 * them, and each country's own (Thanksgiving in the US and Canada, Diwali in India, Shōgatsu in Japan).
 */
const COMMON_GREETINGS = ["01-01", "12-25"];
const COUNTRY_GREETINGS: Record<string, string[]> = {
  US: ["01-01", "4th thursday in November", "12-25"],
  CA: ["01-01", "2nd monday after 10-01", "12-25"],
  IN: ["diwali", "12-25"],
  JP: ["01-01"],
};

export function defaultGreetingHolidays(country: string): string[] {
  return COUNTRY_GREETINGS[country] ?? COMMON_GREETINGS;
}

// The library parses its rule data on construction; instances and results are immutable, so memoising is safe.
const calendars = new Map<string, Holidays>();
const results = new Map<string, CalendarHoliday[]>();

function calendar(country: string, region?: string): Holidays {
  const key = `${country}|${region ?? ""}`;
  let holidays = calendars.get(key);
  if (!holidays) {
    holidays = region ? new Holidays(country, region) : new Holidays(country);
    calendars.set(key, holidays);
  }
  return holidays;
}

function holidaysOf(holidays: Holidays, year: number, language: string | undefined): CalendarHoliday[] {
  // English names only for the holidays known by name (rules that are one date), as reading them costs a pass.
  let english: Map<string, string> | undefined;
  const englishName = (h: { date: string; rule: string; name: string }) => {
    if (!/^\d{4}-/.test(h.rule)) return h.name;
    english ??= new Map(holidays.getHolidays(year, "en").map((e) => [`${e.date}|${e.rule}`, e.name]));
    return english.get(`${h.date}|${h.rule}`) ?? h.name;
  };
  const named = language ? holidays.getHolidays(year, language) : holidays.getHolidays(year);
  return named.flatMap((h) =>
    (h.type === "public" || h.type === "observance") && !h.substitute
      ? [
          {
            id: holidayId(h.rule, englishName(h)),
            on: h.date.slice(0, 10),
            name: h.name,
            type: h.type,
          },
        ]
      : [],
  );
}

function widelyObserved(country: string, year: number, language: string | undefined): CalendarHoliday[] {
  const regions = Object.keys(calendar(country).getStates(country) ?? {});
  const counts = new Map<string, { holiday: CalendarHoliday; count: number }>();
  for (const region of regions) {
    for (const holiday of holidaysOf(calendar(country, region), year, language)) {
      const key = `${holiday.on}|${holiday.id}|${holiday.type}`;
      const entry = counts.get(key) ?? { holiday, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].filter((e) => e.count * 2 > regions.length).map((e) => e.holiday);
}

function supplements(country: string, year: number, language: string | undefined): CalendarHoliday[] {
  return (SUPPLEMENTS[country] ?? []).flatMap((s) =>
    s.dates
      .filter((on) => on.startsWith(`${year}-`))
      .map((on) => ({
        id: s.id,
        on,
        name: (language && s.names[language]) || (s.names.en as string),
        type: "observance" as HolidayType,
      })),
  );
}

function merge(...lists: CalendarHoliday[][]): CalendarHoliday[] {
  const seen = new Map<string, CalendarHoliday>();
  // Earlier lists win a day, so the nationwide name is kept over a regional spelling of the same holiday.
  for (const holiday of lists.flat()) {
    const key = `${holiday.on}|${holiday.id}`;
    const sameDay = [...seen.values()].some(
      (h) => h.on === holiday.on && h.type === "public" && holiday.type === "public",
    );
    if (!seen.has(key) && !sameDay) seen.set(key, holiday);
  }
  return [...seen.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : 1));
}

function checkPlace(country: string, region?: string | null) {
  const national = calendar(country);
  if (!national.getCountries()[country]) {
    throw new EngineInputError("country", `unknown country code ${JSON.stringify(country)}`);
  }
  if (region && !national.getStates(country)?.[region]) {
    throw new EngineInputError("region", `unknown region ${JSON.stringify(region)} of ${country}`);
  }
}

/**
 * The holidays of `country` (ISO 3166-1, e.g. "US") — optionally of one region, e.g. "ON" — in `year` that people
 * keep: public ones and observances, with names in `language` (BCP 47) where the library has them.
 */
export function countryHolidays(
  country: string,
  year: number,
  region?: string | null,
  language?: string | null,
): CalendarHoliday[] {
  const lang = holidayLanguage(language);
  const key = `${country}|${region ?? ""}|${year}|${lang ?? ""}`;
  const cached = results.get(key);
  if (cached) return cached;
  checkPlace(country, region);
  const extra = region ? holidaysOf(calendar(country, region), year, lang) : widelyObserved(country, year, lang);
  const holidays = merge(holidaysOf(calendar(country), year, lang), extra, supplements(country, year, lang));
  results.set(key, holidays);
  return holidays;
}

/** The public holidays (days off) of `country` in `year`; see `countryHolidays`. */
export function publicHolidays(
  country: string,
  year: number,
  region?: string | null,
  language?: string | null,
): PublicHoliday[] {
  return countryHolidays(country, year, region, language)
    .filter((h) => h.type === "public")
    .map(({ id, on, name }) => ({ id, on, name }));
}

export interface HolidayCountry {
  code: string;
  name: string;
}

const countryLists = new Map<string, HolidayCountry[]>();

/**
 * Every country the holidays library knows today (so every one can be chosen and has holidays), once each, named in
 * `language` and sorted by that name as that language sorts.
 */
export function holidayCountries(language?: string | null): HolidayCountry[] {
  const locale = language && isLanguageTag(language) ? language : "en";
  const cached = countryLists.get(locale);
  if (cached) return cached;
  const own = new Holidays().getCountries("en");
  const names = new Intl.DisplayNames([locale, "en"], { type: "region", fallback: "none" });
  const collator = new Intl.Collator(locale);
  const list = Object.entries(own)
    .map(([code, name]) => ({ code, name: names.of(code) ?? name }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  countryLists.set(locale, list);
  return list;
}

/** Whether `tag` is a well-formed BCP 47 language tag ("en", "pt-BR", "zh-Hant-TW"). */
export function isLanguageTag(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The holidays of a year that get a greeting: those in `greetings` (ids), or the country's defaults when null. */
export function greetingHolidaysOf(
  country: string,
  year: number,
  options: { region?: string | null; language?: string | null; greetings?: readonly string[] | null } = {},
): CalendarHoliday[] {
  const chosen = options.greetings ?? defaultGreetingHolidays(country);
  return countryHolidays(country, year, options.region, options.language).filter((h) => chosen.includes(h.id));
}
