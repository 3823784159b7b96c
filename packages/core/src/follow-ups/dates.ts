/** Calendar arithmetic on "YYYY-MM-DD" strings, independent of any time zone (a date has none). */
export function addDaysOn(on: string, days: number): string {
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d + days);
  return new Date(utc).toISOString().slice(0, 10);
}

/** The calendar date of an instant in an IANA time zone ("today" is always the account's today). */
export function localDateOn(instantAt: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(instantAt));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
