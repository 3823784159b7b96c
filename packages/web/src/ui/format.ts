const DAY = 86_400_000;

/** "today", "yesterday", "3 days ago", "in 2 weeks" — relative to `now`, which callers pass in for testability. */
export function relativeDays(isoOrDate: string, now: Date = new Date()): string {
  const then = isoOrDate.length === 10 ? localDate(isoOrDate) : new Date(isoOrDate);
  const days = Math.round((startOfDay(then) - startOfDay(now)) / DAY);
  if (days === 0) return "today";
  if (days === -1) return "yesterday";
  if (days === 1) return "tomorrow";
  const abs = Math.abs(days);
  const phrase =
    abs < 14
      ? `${abs} days`
      : abs < 60
        ? `${Math.round(abs / 7)} weeks`
        : abs < 730
          ? `${Math.round(abs / 30)} months`
          : `${Math.round(abs / 365)} years`;
  return days < 0 ? `${phrase} ago` : `in ${phrase}`;
}

export function formatDate(isoOrDate: string): string {
  const date = isoOrDate.length === 10 ? localDate(isoOrDate) : new Date(isoOrDate);
  return date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The browser's calendar date as YYYY-MM-DD (for date inputs), not UTC's. */
export function todayOn(now: Date = new Date()): string {
  return toDateOn(now);
}

export function toDateOn(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function addDaysOn(dateOn: string, days: number): string {
  const date = localDate(dateOn);
  date.setDate(date.getDate() + days);
  return toDateOn(date);
}

function localDate(dateOn: string): Date {
  const [y, m, d] = dateOn.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}
