import { formatDate, formatDateTime } from "../ui/format.ts";

/** What a source's state says to a person. */
export const STATE_WORDS: Record<string, string> = {
  waiting: "Waiting for its first sync",
  syncing: "Syncing now…",
  ok: "Up to date",
  failing: "Failing, trying again later",
  failed: "Stopped: press Sync now to try again",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Last synced 3 Nov, 09:00" or "Never synced". */
export const lastRunWords = (lastRunAt: string | null) =>
  lastRunAt ? `Last run ${formatDateTime(lastRunAt)}` : "Never synced";

/** A calendar's counts in a sentence: "12 meetings logged · 2 still to come". */
export function calendarCountWords(counts: { events: number; meetings: number; upcoming: number }): string {
  const parts = [`${plural(counts.meetings, "meeting", "meetings")} logged`];
  if (counts.upcoming > 0) parts.push(`${counts.upcoming} still to come`);
  parts.push(`${plural(counts.events, "event", "events")} read`);
  return parts.join(" · ");
}

/** A mailbox's counts in a sentence: "120 messages read · 35 logged · 2 suggestions". */
export function mailboxCountWords(counts: { messages: number; logged: number; suggestions: number }): string {
  return [
    `${plural(counts.messages, "message", "messages")} read`,
    `${counts.logged} logged`,
    plural(counts.suggestions, "suggestion", "suggestions"),
  ].join(" · ");
}

/** What an import did, in a sentence. */
export function importWords(r: {
  logged: number;
  updated: number;
  removed: number;
  unmatched: number;
  upcoming: number;
}): string {
  const done = [`${plural(r.logged, "meeting", "meetings")} logged`];
  if (r.updated > 0) done.push(`${r.updated} updated`);
  if (r.removed > 0) done.push(`${r.removed} removed`);
  const notes: string[] = [];
  if (r.unmatched > 0)
    notes.push(`${plural(r.unmatched, "past event has", "past events have")} no one from your contacts`);
  if (r.upcoming > 0) notes.push(`${plural(r.upcoming, "meeting is", "meetings are")} still to come`);
  return `${done.join(", ")}.${notes.length ? ` ${notes.join("; ")}.` : ""}`;
}

/** Why someone is suggested: "3 messages · 2 meetings · last 18 Nov 2026". */
export function suggestionWords(s: { messages: number; meetings: number; lastAt: string }): string {
  const parts: string[] = [];
  if (s.messages > 0) parts.push(plural(s.messages, "message", "messages"));
  if (s.meetings > 0) parts.push(plural(s.meetings, "meeting", "meetings"));
  parts.push(`last ${formatDate(s.lastAt)}`);
  return parts.join(" · ");
}
