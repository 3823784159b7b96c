import { addDays, daysInMonth, formatOn, parseOn } from "../../time/index.ts";

/** One numbered item of a sent digest, as stored with it (the reply names items by these numbers). */
export interface DigestItemRef {
  contactId: string;
  displayName: string;
  sentence: string;
}

export type SnoozeSpan = { amount: number; unit: "day" | "week" | "month" };

/** `item` is the index into the digest's items (the number the reader saw, minus one). */
export type ReplyCommand =
  | { verb: "done"; item: number }
  | { verb: "skip"; item: number }
  | { verb: "snooze"; item: number; span: SnoozeSpan }
  | { verb: "note"; item: number; text: string };

export type ParsedReply =
  /** `unused`: lines beside the commands that were neither (reported back, never acted on). */
  { ok: true; commands: ReplyCommand[]; unused: string[] } | { ok: false; problem: string };

export const NOTE_MAX_LENGTH = 5000;
/** "snooze" alone waits a week, like the digest's one-click link. */
const DEFAULT_SPAN: SnoozeSpan = { amount: 1, unit: "week" };
const MAX_SPAN_DAYS = 365;
const VERBS = ["done", "skip", "snooze"] as const;
type Verb = (typeof VERBS)[number];
/** Words of politeness after a command ("done, thanks!") that change nothing. */
const FILLER = new Set(["thanks", "thank", "you", "thx", "ty", "please", "pls", "cheers"]);
const UNIT: Record<string, SnoozeSpan["unit"]> = {
  d: "day",
  day: "day",
  days: "day",
  w: "week",
  wk: "week",
  wks: "week",
  week: "week",
  weeks: "week",
  m: "month",
  mo: "month",
  mos: "month",
  month: "month",
  months: "month",
};

type Ref = { number: number } | { name: string };
type Line =
  | { type: "command"; verb: Verb; ref: Ref | null; span: SnoozeSpan | null; source: string }
  | { type: "bad"; source: string }
  | { type: "text"; source: string };

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, " ")
    .trim();
const token = (raw: string) => raw.toLowerCase().replace(/^[("'«]+|[.,!?;:)"'»]+$/g, "");
const isVerb = (t: string | undefined): t is Verb => VERBS.includes(t as Verb);
const numberOf = (t: string | undefined): number | null => {
  const m = /^#?(\d{1,3})[.):]?$/.exec(t ?? "");
  return m ? Number(m[1]) : null;
};

function spanOf(amount: number, unitWord: string | undefined): SnoozeSpan | null {
  const unit = unitWord ? UNIT[unitWord] : undefined;
  if (!unit || amount < 1) return null;
  return { amount, unit };
}

/** A duration at the start or the end of `rest` ("2w", "10d", "3 days", "a month"); the rest is left over. */
function takeSpan(rest: string[]): { span: SnoozeSpan | null; left: string[] } {
  const compact = (t: string | undefined) => {
    const m = /^(\d{1,3})([a-z]+)$/.exec(t ?? "");
    return m ? spanOf(Number(m[1]), m[2]) : null;
  };
  const amount = (t: string | undefined) =>
    t === "a" || t === "an" || t === "one" ? 1 : /^\d{1,3}$/.test(t ?? "") ? Number(t) : null;
  const n = rest.length;
  const atEnd = compact(rest[n - 1]);
  if (atEnd) return { span: atEnd, left: rest.slice(0, n - 1) };
  const endAmount = amount(rest[n - 2]);
  const wordsAtEnd = endAmount !== null ? spanOf(endAmount, rest[n - 1]) : null;
  if (wordsAtEnd) return { span: wordsAtEnd, left: rest.slice(0, n - 2) };
  const atStart = compact(rest[0]);
  if (atStart) return { span: atStart, left: rest.slice(1) };
  const startAmount = amount(rest[0]);
  const wordsAtStart = startAmount !== null ? spanOf(startAmount, rest[1]) : null;
  if (wordsAtStart) return { span: wordsAtStart, left: rest.slice(2) };
  return { span: null, left: rest };
}

function refOf(words: string[]): Ref | null {
  if (words.length === 0) return null;
  const n = words.length === 1 ? numberOf(words[0]) : null;
  return n !== null ? { number: n } : { name: words.join(" ") };
}

/** A line is a command ("2 done", "snooze Ada 2w"), a line that starts like one but is not understood, or text. */
function classify(source: string, items: readonly DigestItemRef[]): Line {
  const t = source.trim().split(/\s+/).map(token);
  let verbAt = -1;
  let before: Ref | null = null;
  if (isVerb(t[0])) verbAt = 0;
  else if (numberOf(t[0]) !== null && isVerb(t[1])) {
    verbAt = 1;
    before = refOf([t[0] ?? ""]);
  } else {
    const k = t.findIndex(isVerb);
    const name = t.slice(0, k).join(" ");
    // "Ada done": a name first counts only when it names an item (otherwise "I'm done with her" is a note).
    if (k > 0 && k <= 3 && resolveName(name, items).length === 1) {
      verbAt = k;
      before = { name };
    }
  }
  if (verbAt < 0) return { type: "text", source };
  const verb = t[verbAt] as Verb;
  const rest = t.slice(verbAt + 1).filter((w) => w !== "" && !FILLER.has(w));
  const { span, left } = verb === "snooze" ? takeSpan(rest) : { span: null, left: rest };
  const after = refOf(left);
  if (before && after) return { type: "bad", source };
  return { type: "command", verb, ref: before ?? after, span, source };
}

function resolveName(name: string, items: readonly DigestItemRef[]): number[] {
  const wanted = fold(name);
  if (!wanted) return [];
  const hits: number[] = [];
  items.forEach((item, i) => {
    const full = fold(item.displayName);
    if (full === wanted || full.split(" ").includes(wanted)) hits.push(i);
  });
  return hits;
}

function resolve(ref: Ref | null, items: readonly DigestItemRef[], what: string): number | string {
  if (!ref) {
    if (items.length === 1) return 0;
    return `the digest had ${items.length} items, and ${what} does not say which one; put its number first, as in "2 done"`;
  }
  if ("number" in ref) {
    if (ref.number >= 1 && ref.number <= items.length) return ref.number - 1;
    return `there is no item ${ref.number}: the digest had ${items.length}`;
  }
  const hits = resolveName(ref.name, items);
  if (hits.length === 1) return hits[0] ?? 0;
  return hits.length === 0 ? `no item is called "${ref.name}"` : `"${ref.name}" names several items; use the number`;
}

/** A note names its item by a marked number ("#2 …", "2. …", "2: …") or a name and a colon ("Ada: …"). */
function noteOf(text: string, items: readonly DigestItemRef[]): ParsedReply {
  const marked = /^(?:#(\d{1,3})[.):]?|(\d{1,3})[.):])\s+([\s\S]+)$/.exec(text);
  const named = /^([^\n:]{1,60}):\s+([\s\S]+)$/.exec(text);
  let ref: Ref | null = null;
  let body = text;
  if (marked) {
    ref = { number: Number(marked[1] ?? marked[2]) };
    body = marked[3] ?? "";
  } else if (named && resolveName(named[1] ?? "", items).length === 1) {
    ref = { name: named[1] ?? "" };
    body = named[2] ?? "";
  }
  const item = resolve(ref, items, "a note");
  if (typeof item === "string") return { ok: false, problem: item };
  const trimmed = body.trim();
  if (trimmed.length > NOTE_MAX_LENGTH) {
    return { ok: false, problem: `a note may have ${NOTE_MAX_LENGTH} characters at most` };
  }
  return { ok: true, commands: [{ verb: "note", item, text: trimmed }], unused: [] };
}

/**
 * Reads what a reply asks for, against the items of the digest it answers. Commands stand one to a line; with no
 * command at all, the text is a note. Anything unclear — a line that starts like a command but is not one, an item
 * that cannot be told, the same item twice — makes the whole reply do nothing, so a misread never acts.
 */
export function parseReply(body: string, items: readonly DigestItemRef[]): ParsedReply {
  if (items.length === 0) return { ok: false, problem: "that digest had no items to act on" };
  const lines = body
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return { ok: false, problem: "the reply was empty (only the quoted digest was found)" };
  const classified = lines.map((l) => classify(l, items));
  const bad = classified.find((l) => l.type === "bad");
  if (bad) return { ok: false, problem: `"${bad.source}" was not understood` };
  const commandLines = classified.filter((l) => l.type === "command");
  if (commandLines.length === 0) return noteOf(lines.join("\n"), items);
  const commands: ReplyCommand[] = [];
  for (const line of commandLines) {
    // "snooze for a while": words after a command that name no item mean the line was not understood.
    if (line.ref && "name" in line.ref && resolveName(line.ref.name, items).length === 0) {
      return { ok: false, problem: `"${line.source}" was not understood` };
    }
    const item = resolve(line.ref, items, `"${line.source}"`);
    if (typeof item === "string") return { ok: false, problem: item };
    if (commands.some((c) => c.item === item)) {
      return { ok: false, problem: `item ${item + 1} was named twice; send one instruction per item` };
    }
    if (line.verb === "done" || line.verb === "skip")
      commands.push(line.verb === "done" ? { verb: "done", item } : { verb: "skip", item });
    else {
      const span = line.span ?? DEFAULT_SPAN;
      if (spanDays(span) > MAX_SPAN_DAYS) return { ok: false, problem: "a snooze may last a year at most" };
      commands.push({ verb: "snooze", item, span });
    }
  }
  const unused = classified.filter((l) => l.type === "text").map((l) => l.source);
  return { ok: true, commands, unused };
}

/** Roughly how long a span is (months as 31 days), for the upper bound only. */
const spanDays = (span: SnoozeSpan) => span.amount * (span.unit === "day" ? 1 : span.unit === "week" ? 7 : 31);

/** The date a snooze ends: days and weeks counted in days, months by the calendar (Jan 31 + 1 month = Feb 28). */
export function snoozeUntilOn(todayOn: string, span: SnoozeSpan): string {
  if (span.unit === "day") return addDays(todayOn, span.amount);
  if (span.unit === "week") return addDays(todayOn, span.amount * 7);
  const { year, month, day } = parseOn(todayOn);
  const index = year * 12 + (month - 1) + span.amount;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatOn({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function describeSpan(span: SnoozeSpan): string {
  return `${span.amount} ${span.unit}${span.amount === 1 ? "" : "s"}`;
}
