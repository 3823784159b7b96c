import ICAL from "ical.js";
import { invalid } from "../shared/errors.ts";
import { epochMsToInstant, instantToEpochMs, isValidTimeZone, localTimeToInstant } from "../time/index.ts";

/** One occurrence of an event as the calendar says it is now. */
export interface Occurrence {
  uid: string;
  /** The original start of one of a recurring series (UTC instant); "" for a single event. */
  recurrenceId: string;
  startAt: string;
  summary: string;
  /** Attendees (not those who declined) and the organizer, lower-cased as written. */
  emails: string[];
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
}

/** Past occurrences kept per recurring series: the most recent ones. */
export const OCCURRENCES_PER_SERIES = 500;
/** Steps of a series' expansion at most (a daily event over decades stops here). */
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

const textOf = (c: Component, name: string) => {
  const value = c.getFirstPropertyValue(name);
  return typeof value === "string" ? value : "";
};

const isCancelled = (c: Component) => textOf(c, "status").toUpperCase() === "CANCELLED";

interface Shape {
  uid: string;
  summary: string;
  emails: string[];
  cancelled: boolean;
}

const shapeOf = (uid: string, c: Component): Shape => ({
  uid,
  summary: textOf(c, "summary").trim().slice(0, SUMMARY_MAX),
  emails: emailsOf(c),
  cancelled: isCancelled(c),
});

/**
 * A recurring series: its past occurrences (the most recent, bounded) and the first one to come. The expansion
 * itself only steps through start times; an occurrence's details (a moved one's own time and people) are read for
 * the ones kept, so a daily event of decades costs its steps and not thousands of detail reads.
 */
function expandSeries(master: Component, exceptions: Component[], uid: string, nowMs: number, zone: string) {
  const event = new ICAL.Event(master);
  for (const ex of exceptions) event.relateException(ex);
  const masterTzid = tzidOf(master, "dtstart");
  const masterShape = shapeOf(uid, master);
  // A day either side of now covers any zone's offset from the UTC reading of a floating time.
  const horizonS = nowMs / 1000 + 86_400;
  const originals: Time[] = [];
  let truncated = false;
  const it = event.iterator();
  for (let step = 0; step < EXPANSION_STEPS; step += 1) {
    const original = it.next();
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

/**
 * Reads an iCalendar file into the occurrences that matter now: single events, and each recurring series expanded
 * with ical.js up to `now` (EXDATEs left out, moved occurrences at their new time, its most recent
 * `OCCURRENCES_PER_SERIES` kept) plus its next one. Cancelled events and occurrences are kept, marked, so the
 * caller can remove what they had logged. Pure: `now` and the account's time zone come in.
 */
export function readCalendar(text: string, now: Date, accountZone: string): CalendarReading {
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
  for (const [uid, { master, exceptions }] of byUid) {
    try {
      if (master && (master.hasProperty("rrule") || master.hasProperty("rdate"))) {
        const series = expandSeries(master, exceptions, uid, nowMs, accountZone);
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
  return { events: byUid.size, occurrences, readFrom };
}
