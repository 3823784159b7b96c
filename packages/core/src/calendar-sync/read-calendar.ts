import ICAL from "ical.js";
import { invalid } from "../shared/errors.ts";
import { epochMsToInstant, instantToEpochMs, isValidTimeZone, localTimeToInstant } from "../time/index.ts";

/** Someone who was at a meeting, as the calendar writes them. */
export interface Attendee {
  /** As written (`mailto:` and blanks taken off; case and script kept). */
  address: string;
  /** The CN parameter, when there is one. */
  name: string | null;
}

/** One occurrence of an event as the calendar says it is now. */
export interface Occurrence {
  uid: string;
  /** The original start of one of a recurring series (UTC instant); "" for a single event. */
  recurrenceId: string;
  startAt: string;
  summary: string;
  /** Attendees (not those who declined) and the organizer, lower-cased as written. */
  emails: string[];
  /**
   * The people at it, for suggestions: attendees who did not decline and the organizer, without rooms, resources
   * and groups (CUTYPE ROOM, RESOURCE, GROUP: a place, a projector or a list is nobody to add), each address once.
   */
  people: Attendee[];
  cancelled: boolean;
  /** It starts after now: not logged (yet). */
  future: boolean;
}

export interface CalendarReading {
  /** Events read (a recurring series counts once). */
  events: number;
  occurrences: Occurrence[];
  /**
   * Per series whose older occurrences were left out (beyond `OCCURRENCES_PER_SERIES`): the recurrence id of the
   * oldest one read. What was logged before it is not "gone from the calendar", only not read again.
   */
  readFrom: Record<string, string>;
  /** Expansion steps taken (the reading's work, bounded: see `skippedStart`, `EXPANSION_STEPS`). */
  steps: number;
}

/** Past occurrences kept per recurring series: the most recent ones (plus the next one to come). */
export const OCCURRENCES_PER_SERIES = 500;
/** Steps of a series' expansion at most, the bound on any one event's work (a rule no period can skip stops here). */
const EXPANSION_STEPS = 20_000;
/** Events read from one calendar at most. */
export const EVENTS_MAX = 10_000;
const UID_MAX = 1000;
const SUMMARY_MAX = 2000;

type Time = ICAL.Time;
type Component = ICAL.Component;

const pad = (n: number) => String(n).padStart(2, "0");
const dateOf = (t: Time) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;

/**
 * The instant a start names. A zone the file defines (VTIMEZONE) or UTC is ical.js's to apply; a TZID the file
 * does not define but the platform knows (Google and Apple often leave VTIMEZONE out) is read as that IANA zone; a
 * floating time, an unknown zone (Outlook's Windows names) and an all-day date are the account's. An all-day event is
 * placed at noon of its day there, so it reads as that day for anyone near the account's time zone.
 */
function instantOf(t: Time, tzid: string | null, accountZone: string): string {
  if (t.isDate) return localTimeToInstant(dateOf(t), "12:00", accountZone);
  const zone = t.zone as (ICAL.Timezone & { component?: unknown }) | null;
  if (zone && (zone.tzid === "UTC" || zone.component)) return epochMsToInstant(t.toUnixTime() * 1000);
  const named = tzid && isValidTimeZone(tzid) ? tzid : accountZone;
  const at = localTimeToInstant(dateOf(t), `${pad(t.hour)}:${pad(t.minute)}`, named);
  return epochMsToInstant(instantToEpochMs(at) + t.second * 1000);
}

const tzidOf = (c: Component, name: string) => {
  const tzid = c.getFirstProperty(name)?.getParameter("tzid");
  return typeof tzid === "string" ? tzid : null;
};

function emailsOf(c: Component): string[] {
  const out = new Set<string>();
  const take = (value: unknown) => {
    if (typeof value !== "string") return;
    const address = value
      .replace(/^mailto:/i, "")
      .trim()
      .toLowerCase();
    if (address.includes("@") && address.length <= 320) out.add(address);
  };
  for (const p of c.getAllProperties("attendee")) {
    const partstat = p.getParameter("partstat");
    if (typeof partstat === "string" && partstat.toUpperCase() === "DECLINED") continue;
    take(p.getFirstValue());
  }
  take(c.getFirstPropertyValue("organizer"));
  return [...out];
}

/** Calendar user types that are not a person (RFC 5545 CUTYPE). */
const NOT_A_PERSON = new Set(["ROOM", "RESOURCE", "GROUP"]);

function peopleOf(c: Component): Attendee[] {
  const out: Attendee[] = [];
  const seen = new Set<string>();
  const take = (p: ICAL.Property | null) => {
    const value = p?.getFirstValue();
    if (!p || typeof value !== "string") return;
    const cutype = p.getParameter("cutype");
    if (typeof cutype === "string" && NOT_A_PERSON.has(cutype.toUpperCase())) return;
    const partstat = p.getParameter("partstat");
    if (typeof partstat === "string" && partstat.toUpperCase() === "DECLINED") return;
    const address = value
      .replace(/^mailto:/i, "")
      .trim()
      .normalize("NFC");
    const key = address.toLowerCase();
    if (!address.includes("@") || address.length > 254 || seen.has(key)) return;
    seen.add(key);
    const cn = p.getParameter("cn");
    const name = typeof cn === "string" ? cn.trim().slice(0, 200) || null : null;
    out.push({ address, name });
  };
  take(c.getFirstProperty("organizer"));
  for (const p of c.getAllProperties("attendee")) take(p);
  return out;
}

const textOf = (c: Component, name: string) => {
  const value = c.getFirstPropertyValue(name);
  return typeof value === "string" ? value : "";
};

const isCancelled = (c: Component) => textOf(c, "status").toUpperCase() === "CANCELLED";

interface Shape {
  uid: string;
  summary: string;
  emails: string[];
  people: Attendee[];
  cancelled: boolean;
}

const shapeOf = (uid: string, c: Component): Shape => ({
  uid,
  summary: textOf(c, "summary").trim().slice(0, SUMMARY_MAX),
  emails: emailsOf(c),
  people: peopleOf(c),
  cancelled: isCancelled(c),
});

/** Expansion steps between two turns of the event loop in `readCalendarInTurns`. */
export const STEPS_PER_TURN = 1_000;

/**
 * The start a series can be expanded from instead of its DTSTART, when whole periods can be skipped without
 * changing which instants it names: a DAILY or WEEKLY rule without COUNT (which counts from the first) and without
 * RDATE, whose only BY part is BYDAY (no ordinal) and whose DTSTART is one of its days. A period is 7 × INTERVAL days
 * (the weekdays and the interval's phase both repeat); the start moves forward by whole periods to just before the
 * periods that hold the `OCCURRENCES_PER_SERIES` most recent occurrences (before now, or before UNTIL). Null when
 * nothing is skipped.
 */
function skippedStart(master: Component, nowMs: number): Time | null {
  if (master.hasProperty("rdate") || master.getAllProperties("rrule").length !== 1) return null;
  const rule = master.getFirstPropertyValue("rrule") as ICAL.Recur | null;
  const start = master.getFirstPropertyValue("dtstart");
  if (!rule || !(start instanceof ICAL.Time) || rule.count) return null;
  if (rule.freq !== "DAILY" && rule.freq !== "WEEKLY") return null;
  const parts = Object.keys(rule.parts ?? {});
  if (parts.some((p) => p !== "BYDAY")) return null;
  const days = (rule.parts?.BYDAY ?? []) as string[];
  if (days.some((d) => !/^(SU|MO|TU|WE|TH|FR|SA)$/.test(d))) return null;
  const startDay = ICAL.Recur.numericDayToIcalDay(start.dayOfWeek());
  if (days.length > 0 && !days.includes(startDay)) return null;
  const interval = Math.max(1, rule.interval || 1);
  const periodDays = 7 * interval;
  // Occurrences a period holds at least: its days for a weekly rule or a daily one of every day, else one.
  const perPeriod = rule.freq === "WEEKLY" ? Math.max(1, days.length) : interval === 1 ? days.length || 7 : 1;
  const periodsKept = Math.ceil((OCCURRENCES_PER_SERIES + 2) / perPeriod) + 2;
  const startMs = start.toUnixTime() * 1000;
  // A series that ended (UNTIL) keeps the occurrences before its end.
  const endMs = rule.until ? Math.min(nowMs, rule.until.toUnixTime() * 1000) : nowMs;
  const skip = Math.floor((endMs - startMs) / (periodDays * 86_400_000)) - periodsKept;
  if (skip <= 0) return null;
  const moved = start.clone();
  moved.adjust(skip * periodDays, 0, 0, 0);
  return moved;
}

/** What reading a calendar costs: expansion steps, counted (tests bound the work, not the time). */
interface Work {
  steps: number;
}

/**
 * A recurring series: its past occurrences (the most recent, bounded) and the first one to come. The expansion
 * starts from `skippedStart` when it can (a daily series since 1990 steps through ~550 dates, not 13,000), else from
 * DTSTART, at most `EXPANSION_STEPS`; it yields after every `STEPS_PER_TURN` steps so a caller can give the event
 * loop a turn. An occurrence's details (a moved one's own time and people) are read for the ones kept only.
 */
function* expandSeries(
  master: Component,
  exceptions: Component[],
  uid: string,
  nowMs: number,
  zone: string,
  work: Work,
  opts: { skipAhead: boolean },
): Generator<void, { occurrences: Occurrence[]; readFrom: string | null }> {
  const event = new ICAL.Event(master);
  for (const ex of exceptions) event.relateException(ex);
  const masterTzid = tzidOf(master, "dtstart");
  const masterShape = shapeOf(uid, master);
  // A day either side of now covers any zone's offset from the UTC reading of a floating time.
  const horizonS = nowMs / 1000 + 86_400;
  const originals: Time[] = [];
  const from = opts.skipAhead ? skippedStart(master, nowMs) : null;
  let truncated = from !== null;
  const it = event.iterator(from ?? undefined);
  for (let step = 0; step < EXPANSION_STEPS; step += 1) {
    const original = it.next();
    work.steps += 1;
    if (work.steps % STEPS_PER_TURN === 0) yield;
    if (!original) break;
    originals.push(original);
    if (originals.length > OCCURRENCES_PER_SERIES + 2) {
      originals.shift();
      truncated = true;
    }
    if (original.toUnixTime() > horizonS) break;
  }
  const past: Occurrence[] = [];
  let next: Occurrence | null = null;
  for (const original of originals) {
    const details = event.getOccurrenceDetails(original);
    const own = details.item.component === master ? null : details.item.component;
    const shape = own ? shapeOf(uid, own) : masterShape;
    const startAt = instantOf(details.startDate, tzidOf(own ?? master, "dtstart"), zone);
    const occurrence: Occurrence = {
      ...shape,
      cancelled: masterShape.cancelled || shape.cancelled,
      recurrenceId: instantOf(details.recurrenceId, masterTzid, zone),
      startAt,
      future: instantToEpochMs(startAt) > nowMs,
    };
    if (occurrence.future) next ??= occurrence;
    else past.push(occurrence);
  }
  const kept = past.slice(-OCCURRENCES_PER_SERIES);
  const readFrom = truncated || kept.length < past.length ? (kept[0]?.recurrenceId ?? null) : null;
  return { occurrences: [...kept, ...(next ? [next] : [])], readFrom };
}

function single(c: Component, uid: string, nowMs: number, zone: string): Occurrence | null {
  const start = c.getFirstPropertyValue("dtstart");
  if (!(start instanceof ICAL.Time)) return null;
  const startAt = instantOf(start, tzidOf(c, "dtstart"), zone);
  const rid = c.getFirstPropertyValue("recurrence-id");
  return {
    ...shapeOf(uid, c),
    recurrenceId: rid instanceof ICAL.Time ? instantOf(rid, tzidOf(c, "recurrence-id"), zone) : "",
    startAt,
    future: instantToEpochMs(startAt) > nowMs,
  };
}

function parse(text: string): Component {
  try {
    const parsed = ICAL.parse(text);
    const jcal = Array.isArray(parsed[0]) ? parsed[0] : parsed;
    const root = new ICAL.Component(jcal as unknown[]);
    if (root.name !== "vcalendar") throw new Error("it does not start with BEGIN:VCALENDAR");
    return root;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid("content", `This is not an iCalendar (.ics) file: ${reason}`);
  }
}

export interface ReadOptions {
  /** Expand a series from the periods that matter (default true; false only to check the shortcut in tests). */
  skipAhead?: boolean;
}

/** The reading as a generator that yields after every `STEPS_PER_TURN` expansion steps. */
function* readSteps(text: string, now: Date, accountZone: string, opts: ReadOptions): Generator<void, CalendarReading> {
  const root = parse(text);
  const byUid = new Map<string, { master: Component | null; exceptions: Component[] }>();
  for (const c of root.getAllSubcomponents("vevent").slice(0, EVENTS_MAX)) {
    const uid = textOf(c, "uid").trim();
    if (!uid || uid.length > UID_MAX) continue;
    const entry = byUid.get(uid) ?? { master: null, exceptions: [] };
    if (c.hasProperty("recurrence-id")) entry.exceptions.push(c);
    else entry.master ??= c;
    byUid.set(uid, entry);
  }
  const nowMs = now.getTime();
  const occurrences: Occurrence[] = [];
  const readFrom: Record<string, string> = {};
  const work: Work = { steps: 0 };
  for (const [uid, { master, exceptions }] of byUid) {
    try {
      if (master && (master.hasProperty("rrule") || master.hasProperty("rdate"))) {
        const series = yield* expandSeries(master, exceptions, uid, nowMs, accountZone, work, {
          skipAhead: opts.skipAhead ?? true,
        });
        occurrences.push(...series.occurrences);
        if (series.readFrom) readFrom[uid] = series.readFrom;
        continue;
      }
      for (const c of master ? [master] : exceptions) {
        const occurrence = single(c, uid, nowMs, accountZone);
        if (occurrence) occurrences.push(occurrence);
      }
    } catch {
      // One event ical.js cannot read (a broken RRULE, a date out of range) leaves the others readable.
    }
  }
  return { events: byUid.size, occurrences, readFrom, steps: work.steps };
}

/**
 * Reads an iCalendar file into the occurrences that matter now: single events, and each recurring series expanded
 * with ical.js up to `now` (EXDATEs left out, moved occurrences at their new time, its most recent
 * `OCCURRENCES_PER_SERIES` kept) plus its next one. Cancelled events and occurrences are kept, marked, so the
 * caller can remove what they had logged. Pure: `now` and the account's time zone come in. In one piece: a service
 * reads with `readCalendarInTurns`.
 */
export function readCalendar(text: string, now: Date, accountZone: string, opts: ReadOptions = {}): CalendarReading {
  const steps = readSteps(text, now, accountZone, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `readCalendar` in bounded pieces: `pause` (a turn of the event loop in the services) is awaited after every
 * `STEPS_PER_TURN` expansion steps, with the steps taken so far, so a feed of long series never holds the loop for
 * more than one piece.
 */
export async function readCalendarInTurns(
  text: string,
  now: Date,
  accountZone: string,
  pause: (stepsSoFar: number) => Promise<void>,
  opts: ReadOptions = {},
): Promise<CalendarReading> {
  const steps = readSteps(text, now, accountZone, opts);
  let taken = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    taken += STEPS_PER_TURN;
    await pause(taken);
  }
}
