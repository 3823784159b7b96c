// Conversions between instants and the wall clock of an IANA time zone, through Intl only (no tz database of our
// own). Offsets are read from Intl at the instant in question, which makes every conversion correct across DST.

import { parseOn } from "./dates.ts";
import { epochMsToInstant, instantToEpochMs } from "./instants.ts";

const MS_PER_DAY = 86_400_000;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Building an Intl.DateTimeFormat is costly (~50 µs); a formatter is immutable, so sharing one per zone is safe.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new RangeError(`timeZone is not a known IANA time zone: ${JSON.stringify(timeZone)}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading at `ms` in `timeZone`, expressed as if that reading were UTC (ms since epoch). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (((ms % 1000) + 1000) % 1000);
}

/** Offset of local time from UTC at the instant `ms`, in ms (e.g. −5 h in New York in winter). */
function offsetMsAt(ms: number, timeZone: string): number {
  return wallClockMs(ms, timeZone) - ms;
}

/** The offset from UTC, in minutes, that `timeZone` observes at `at`. */
export function offsetMinutesAt(at: string, timeZone: string): number {
  return Math.round(offsetMsAt(instantToEpochMs(at), timeZone) / 60_000);
}

// The date at an instant never changes for a zone, so answers are kept (bounded, like the day starts below): an
// import asks for thousands of contacts' last touches, most on a few thousand distinct days (a LinkedIn connection
// is at noon on its day), and each Intl formatToParts costs ~20 µs.
const localDates = new Map<string, string>();
const LOCAL_DATES_KEPT = 20_000;

/** The calendar date in `timeZone` at the instant `at`. */
export function localDateOf(at: string, timeZone: string): string {
  const key = `${timeZone} ${at}`;
  const known = localDates.get(key);
  if (known !== undefined) return known;
  const on = epochMsToInstant(wallClockMs(instantToEpochMs(at), timeZone)).slice(0, 10);
  if (localDates.size >= LOCAL_DATES_KEPT) localDates.clear();
  localDates.set(key, on);
  return on;
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` ("HH:MM") on `on`. Like Temporal's "compatible"
 * disambiguation: a time skipped by a DST jump moves forward by the jump (02:30 → 03:30), and a time that occurs
 * twice resolves to the first occurrence — so a reminder is never dropped and never fires twice.
 */
export function localTimeToInstant(on: string, time: string, timeZone: string): string {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`time must be "HH:MM" (00:00–23:59), got ${JSON.stringify(time)}`);
  const { year, month, day } = parseOn(on);
  const wallMs = Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2]));
  // Offsets a day either side bracket any DST change near this wall time (zones never change twice in 48 h).
  const offsetBefore = offsetMsAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMsAt(wallMs + MS_PER_DAY, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter]
    .filter((ms) => wallClockMs(ms, timeZone) === wallMs)
    .sort((a, b) => a - b);
  const chosen = candidates[0] ?? wallMs - offsetBefore;
  return epochMsToInstant(chosen);
}

// Day starts are asked for again and again (the habit's week boundaries on every today list); the answer for a
// (zone, date) never changes, so a bounded memo is safe and saves the ~20 µs of formatToParts per call.
const dayStarts = new Map<string, string>();
const DAY_STARTS_KEPT = 20_000;

/** The first instant of the local day `on` in `timeZone` (later than midnight where midnight is skipped). */
export function startOfLocalDayAt(on: string, timeZone: string): string {
  const key = `${timeZone} ${on}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  const at = localTimeToInstant(on, "00:00", timeZone);
  if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
  dayStarts.set(key, at);
  return at;
}
