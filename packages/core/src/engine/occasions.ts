// Occasions: dated reasons to reach out. Each one appears `leadDays` before its date and stays until the date.

import { addDays, daysBetween, daysInMonth, parseOn, yearlyDateOn } from "../time/dates.ts";
import { EngineInputError, requireInteger } from "./errors.ts";
import { countryHolidays, defaultGreetingHolidays } from "./holidays.ts";

export type PersonalOccasionKind = "birthday" | "anniversary" | "custom";
export type OccasionKind = PersonalOccasionKind | "holiday";

export interface PersonalOccasion {
  kind: PersonalOccasionKind;
  /** Shown in sentences, e.g. "wedding anniversary"; defaults to the kind. */
  label?: string | null;
  month: number;
  day: number;
  /** Birth or start year (optional); required for a one-off date. */
  year?: number | null;
  /** Defaults to true; a one-off custom date sets false and gives the year. */
  recurring?: boolean;
  leadDays?: number | null;
}

export interface HolidaySource {
  country: string;
  region?: string | null;
  leadDays: number;
  /**
   * Which holidays are worth a greeting, by their ids (`holidayId`: "12-25", "4th thursday in November").
   * Absent or null: the country's defaults (`defaultGreetingHolidays`).
   */
  greetings?: readonly string[] | null;
  /** The account's language (BCP 47) for the holidays' names; absent: the country's own language. */
  language?: string | null;
}

/** Whether a holiday is one people send greetings for (Thanksgiving, yes; Veterans Day, usually not). */
export function isGreetingHoliday(id: string, greetings: readonly string[]): boolean {
  return greetings.includes(id);
}

export interface OccasionsInput {
  occasions: readonly PersonalOccasion[];
  /** Lead days for personal occasions that do not set their own. */
  defaultLeadDays: number;
  holidays?: HolidaySource | null;
}

export interface UpcomingOccasion {
  kind: OccasionKind;
  label: string;
  occasionOn: string;
  visibleFromOn: string;
  leadDays: number;
  daysUntil: number;
  /** Age turned or years since the start (when the year is known). */
  years: number | null;
}

const KIND_ORDER: Record<OccasionKind, number> = { birthday: 0, anniversary: 1, custom: 2, holiday: 3 };
const MAX_HORIZON_DAYS = 3660;

// Code-unit order, not localeCompare: the result must not depend on the ICU data of the machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkOccasion(occasion: PersonalOccasion, i: number): void {
  const field = `occasions[${i}]`;
  requireInteger(`${field}.month`, occasion.month, 1, 12);
  requireInteger(`${field}.day`, occasion.day, 1, daysInMonth(2000, occasion.month)); // 2000: allow Feb 29
  if (occasion.leadDays !== undefined && occasion.leadDays !== null) {
    requireInteger(`${field}.leadDays`, occasion.leadDays, 0, 366);
  }
  if (occasion.year !== undefined && occasion.year !== null) requireInteger(`${field}.year`, occasion.year, 1, 9999);
  if (occasion.recurring === false) {
    const year = occasion.year ?? null;
    if (year === null || occasion.day > daysInMonth(year, occasion.month)) {
      throw new EngineInputError(`${field}.year`, "a one-off date needs a year that makes it a real date");
    }
  }
}

/** Years in which a personal occasion falls; a birthday or anniversary starts the year after its year. */
function occurrenceYears(occasion: PersonalOccasion, fromYear: number, toYear: number): number[] {
  const start = occasion.year ?? null;
  if (occasion.recurring === false) return start !== null && start >= fromYear && start <= toYear ? [start] : [];
  const firstYear = start === null ? fromYear : Math.max(fromYear, occasion.kind === "custom" ? start : start + 1);
  const years: number[] = [];
  for (let year = firstYear; year <= toYear; year += 1) years.push(year);
  return years;
}

function personalOccurrences(occasion: PersonalOccasion, defaultLeadDays: number, fromYear: number, toYear: number) {
  const leadDays = occasion.leadDays ?? defaultLeadDays;
  const label = occasion.label?.trim() || occasion.kind;
  return occurrenceYears(occasion, fromYear, toYear).map((year) => ({
    kind: occasion.kind as OccasionKind,
    label,
    occasionOn: yearlyDateOn(year, occasion.month, occasion.day),
    leadDays,
    years:
      occasion.year === null || occasion.year === undefined || occasion.recurring === false
        ? null
        : year - occasion.year,
  }));
}

function holidayOccurrences(source: HolidaySource, fromYear: number, toYear: number) {
  const all = [];
  const greetings = source.greetings ?? defaultGreetingHolidays(source.country);
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const holiday of countryHolidays(source.country, year, source.region, source.language)) {
      if (!isGreetingHoliday(holiday.id, greetings)) continue;
      all.push({
        kind: "holiday" as OccasionKind,
        label: holiday.name,
        occasionOn: holiday.on,
        leadDays: source.leadDays,
        years: null,
      });
    }
  }
  return all;
}

/**
 * Occasions that are visible at some point from `todayOn` to `todayOn + horizonDays`: each from (date − leadDays)
 * until its date. With horizonDays 0 this is exactly what shows today. Sorted by date, then kind, then label.
 */
export function upcomingOccasions(input: OccasionsInput, todayOn: string, horizonDays: number): UpcomingOccasion[] {
  requireInteger("horizonDays", horizonDays, 0, MAX_HORIZON_DAYS);
  requireInteger("defaultLeadDays", input.defaultLeadDays, 0, 366);
  if (input.holidays) requireInteger("holidayLeadDays", input.holidays.leadDays, 0, 366);
  input.occasions.forEach(checkOccasion);
  const lastVisibleOn = addDays(todayOn, horizonDays);
  const fromYear = parseOn(todayOn).year;
  const toYear = parseOn(addDays(lastVisibleOn, 367)).year; // lead days are ≤ 366
  const candidates = [
    ...input.occasions.flatMap((o) => personalOccurrences(o, input.defaultLeadDays, fromYear, toYear)),
    ...(input.holidays ? holidayOccurrences(input.holidays, fromYear, toYear) : []),
  ];
  return candidates
    .map((c) => ({
      ...c,
      visibleFromOn: addDays(c.occasionOn, -c.leadDays),
      daysUntil: daysBetween(todayOn, c.occasionOn),
    }))
    .filter((c) => c.occasionOn >= todayOn && c.visibleFromOn <= lastVisibleOn)
    .sort(
      (a, b) =>
        compareText(a.occasionOn, b.occasionOn) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        compareText(a.label, b.label),
    );
}
