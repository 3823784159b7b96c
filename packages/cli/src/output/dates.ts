/** The calendar date (YYYY-MM-DD) of an instant in a time zone: "last touch" is a day, in the account's zone. */
export function dateOn(instant: string | null | undefined, timeZone: string): string | null {
  if (!instant) return null;
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date(instant))
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
