const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"];

const spelled = (n: number): string => SMALL[n] ?? String(n);

/**
 * A stretch of days as a person says it, without numbers that sound like a reproach: "a few days", "three weeks",
 * "four months", "over a year". Empty for a negative count.
 */
export function gapWords(days: number): string {
  if (!Number.isFinite(days) || days < 0) return "";
  if (days < 2) return "a day";
  if (days < 7) return "a few days";
  if (days < 11) return "a week";
  if (days < 28) return `${spelled(Math.round(days / 7))} weeks`;
  if (days < 45) return "a month";
  if (days < 350) return `${spelled(Math.min(11, Math.round(days / 30.4)))} months`;
  if (days < 540) return "a year";
  if (days < 730) return "over a year";
  const years = Math.floor(days / 365);
  return `over ${spelled(years)} years`;
}

/** How long ago, in the short form of a list: "today", "yesterday", "3 days ago", "3 weeks ago", "4 months ago". */
export function agoWords(days: number): string {
  if (!Number.isFinite(days) || days < 0) return "";
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  if (days < 365) return `${Math.round(days / 30.4)} months ago`;
  const years = Math.floor(days / 365);
  return years === 1 ? "a year ago" : `${years} years ago`;
}
