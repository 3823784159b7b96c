/**
 * Wall-clock dates and times in the account's time zone (not the browser's): an interview typed as "9 Dec, 14:00"
 * means 14:00 where the account lives, whatever zone the laptop is set to today.
 */

/** The wall clock in `timeZone` at an instant: `{ on: "2026-12-09", time: "14:00" }`. */
export function wallClockAt(at: string | Date, timeZone: string): { on: string; time: string } {
  const parts = partsIn(new Date(at), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    on: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`,
    time: `${pad(parts.hour)}:${pad(parts.minute)}`,
  };
}

/**
 * The instant (ISO, UTC) of a wall-clock date and time in `timeZone`. A time that does not exist (skipped by a
 * spring-forward) lands an hour later, as a person who set an alarm then would expect; a repeated one (fall-back)
 * takes the first of the two.
 */
export function instantOf(on: string, time: string, timeZone: string): string {
  const [y = 1970, mo = 1, d = 1] = on.split("-").map(Number);
  const [h = 0, mi = 0] = time.split(":").map(Number);
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets a day before and a day after bracket any change: each gives a candidate instant.
  const candidates = [wanted - offsetAt(wanted - DAY, timeZone), wanted - offsetAt(wanted + DAY, timeZone)];
  const exact = candidates.filter((c) => wallMillis(c, timeZone) === wanted).sort((a, b) => a - b);
  // No exact one: the time was skipped; read with the offset before the change it shows an hour later.
  const at = exact[0] ?? candidates[0]!;
  return new Date(at).toISOString();
}

/** "Tue, 9 Dec, 14:00" for an instant as the account's clock shows it. */
export function formatInZone(at: string, timeZone: string, withYear = false): string {
  return new Date(at).toLocaleString(undefined, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
  });
}

const DAY = 86_400_000;

function offsetAt(instant: number, timeZone: string): number {
  return wallMillis(instant, timeZone) - instant;
}

function wallMillis(instant: number, timeZone: string): number {
  const p = partsIn(new Date(instant), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of f.formatToParts(date)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}
