// Calendar dates ("…On", "YYYY-MM-DD") as plain strings. Arithmetic runs on UTC day numbers so that no local
// clock, time zone or DST change can shift a date: a calendar date has no time zone of its own.

const MS_PER_DAY = 86_400_000;
const ON_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of the week: 0 = Sunday … 6 = Saturday (the JavaScript convention). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be an integer from 1 to 12, got ${month}`);
  }
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] as number;
}

export function isValidOn(on: string): boolean {
  const match = ON_PATTERN.exec(on);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseOn(on: string): DateParts {
  if (!isValidOn(on)) throw new RangeError(`not a calendar date "YYYY-MM-DD": ${JSON.stringify(on)}`);
  return { year: Number(on.slice(0, 4)), month: Number(on.slice(5, 7)), day: Number(on.slice(8, 10)) };
}

export function formatOn(parts: DateParts): string {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  const on = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isValidOn(on)) throw new RangeError(`not a calendar date: ${on}`);
  return on;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(on: string): number {
  const { year, month, day } = parseOn(on);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be an integer, got ${dayNumber}`);
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(on: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(on) + days);
}

/** Whole days from `fromOn` to `toOn`: positive when `toOn` is later. */
export function daysBetween(fromOn: string, toOn: string): number {
  return toDayNumber(toOn) - toDayNumber(fromOn);
}

export function weekdayOf(on: string): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(on) + 4) % 7) + 7) % 7) as Weekday;
}

/** The first day of the week containing `on`; weeks start on `weekStartsOn` (default Monday). */
export function weekStartOn(on: string, weekStartsOn: Weekday = 1): string {
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new RangeError(`weekStartsOn must be an integer from 0 (Sunday) to 6 (Saturday), got ${weekStartsOn}`);
  }
  const back = (weekdayOf(on) - weekStartsOn + 7) % 7;
  return addDays(on, -back);
}

export function compareOn(aOn: string, bOn: string): number {
  // Valid "YYYY-MM-DD" strings sort lexically in calendar order.
  return aOn < bOn ? -1 : aOn > bOn ? 1 : 0;
}

// Dates are strings, so Math.min/Math.max do not apply; lexical order is calendar order.
export function minOn(first: string, ...rest: string[]): string {
  return [first, ...rest].sort()[0] as string;
}

export function maxOn(first: string, ...rest: string[]): string {
  return [first, ...rest].sort().pop() as string;
}

/**
 * The date a yearly month-day falls on in `year`. Feb 29 falls on Feb 28 in non-leap years, because people born on
 * a leap day mostly celebrate before March begins and a greeting a day early beats one a day late.
 */
export function yearlyDateOn(year: number, month: number, day: number): string {
  const clampedDay = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return formatOn({ year, month, day: clampedDay });
}
