import { baseAddress, normalAddress } from "../mailbox/classify-message.ts";
import type { AttendeeMeeting } from "./calendar-sync-port.ts";
import type { Occurrence } from "./read-calendar.ts";

/** Unknown people kept per occurrence at most (an interaction links at most 50 contacts). */
export const ATTENDEES_PER_MEETING = 50;

/** One occurrence's unknown attendees to store (an empty list removes them). */
export interface AttendeeWrite {
  calendarId: string;
  uid: string;
  recurrenceId: string;
  rows: AttendeeMeeting[];
}

export interface AttendeePlanInput {
  calendarId: string;
  /** The occurrences read, each once. */
  occurrences: readonly Occurrence[];
  /** What the calendar's earlier reads kept. */
  existing: readonly AttendeeMeeting[];
  /** The member's own addresses (sign-in, aliases, log address): never a suggestion, nor any +tag of them. */
  own: readonly string[];
  isContact: (address: string) => boolean;
  /** The calendar was read whole (a subscription): an occurrence it no longer holds loses its attendees. */
  complete: boolean;
  /** Per series, the oldest recurrence id read (older ones were not read again, not gone). */
  readFrom: Readonly<Record<string, string>>;
}

const keyOf = (uid: string, recurrenceId: string) => `${uid}\u0000${recurrenceId}`;
const sameRows = (a: readonly AttendeeMeeting[], b: readonly AttendeeMeeting[]) => {
  const line = (r: AttendeeMeeting) => [r.address, r.givenAddress, r.name, r.summary, r.occurredAt].join("\u0000");
  const left = a.map(line).sort();
  const right = b.map(line).sort();
  return left.length === right.length && left.every((l, i) => l === right[i]);
};

/**
 * Whom a meeting was with that Kith does not know yet (pure): for each past, not cancelled occurrence, the
 * attendees and organizer (`Occurrence.people`: those who declined, rooms, resources and groups are already out)
 * who are neither the member (any of their addresses, any +tag) nor a contact, compared as mail correspondents are
 * (`normalAddress`: case-insensitive, NFC, IDNA domain) and kept as the calendar wrote them. Answers only what
 * changed since the last read: a cancelled, future or vanished occurrence loses its rows.
 */
export function attendeeWrites(input: AttendeePlanInput): AttendeeWrite[] {
  const own = new Set(input.own.map((a) => baseAddress(normalAddress(a))));
  const before = new Map<string, AttendeeMeeting[]>();
  for (const row of input.existing) {
    const key = keyOf(row.uid, row.recurrenceId);
    before.set(key, [...(before.get(key) ?? []), row]);
  }
  const writes: AttendeeWrite[] = [];
  const seen = new Set<string>();
  for (const o of input.occurrences) {
    const key = keyOf(o.uid, o.recurrenceId);
    seen.add(key);
    const rows: AttendeeMeeting[] = [];
    if (!o.cancelled && !o.future) {
      const taken = new Set<string>();
      for (const p of o.people) {
        const address = normalAddress(p.address);
        if (taken.has(address) || own.has(baseAddress(address)) || input.isContact(address)) continue;
        taken.add(address);
        rows.push({
          calendarId: input.calendarId,
          uid: o.uid,
          recurrenceId: o.recurrenceId,
          address,
          givenAddress: p.address,
          name: p.name,
          summary: o.summary,
          occurredAt: o.startAt,
        });
        if (rows.length === ATTENDEES_PER_MEETING) break;
      }
    }
    if (!sameRows(before.get(key) ?? [], rows)) {
      writes.push({ calendarId: input.calendarId, uid: o.uid, recurrenceId: o.recurrenceId, rows });
    }
  }
  if (!input.complete) return writes;
  for (const [key, rows] of before) {
    const { uid, recurrenceId } = rows[0]!;
    if (seen.has(key)) continue;
    const from = input.readFrom[uid];
    if (from !== undefined && recurrenceId < from) continue;
    writes.push({ calendarId: input.calendarId, uid, recurrenceId, rows: [] });
  }
  return writes;
}
