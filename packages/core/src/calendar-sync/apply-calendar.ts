import { deleteInteractionIn, logInteractionIn, updateInteractionIn } from "../interactions/interaction-service.ts";
import type { Interaction } from "../interactions/schemas.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict } from "../shared/errors.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import { attendeeWrites } from "./attendee-suggestions.ts";
import type { CalendarLedgerEntry, CalendarRecord } from "./calendar-sync-port.ts";
import { contactsByAddress, contactsOf } from "./match-attendees.ts";
import type { CalendarReading, Occurrence } from "./read-calendar.ts";
import type { CalendarSyncResult } from "./schemas.ts";

/** Occurrences written per transaction: each logs, updates or removes one interaction and refreshes its contacts. */
export const CALENDAR_BATCH = 50;
/** A run's lease, renewed by every batch. */
export const CALENDAR_LEASE_MS = 120_000;

export interface CalendarRun {
  accountId: string;
  calendar: CalendarRecord;
  /** The lease holder: every batch renews the lease first and stops when it was lost. */
  owner: string;
  /** The member the meetings are logged for (a file's uploader, a subscription's creator). */
  userId: string;
}

const keyOf = (uid: string, recurrenceId: string) => `${uid}\u0000${recurrenceId}`;
const sameContacts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

type Step = (tx: Repositories, result: CalendarSyncResult) => Promise<void>;

/** What one occurrence asks for, given what the ledger says it became before. */
function stepFor(
  deps: Deps,
  run: CalendarRun,
  o: Occurrence,
  contactIds: string[],
  logged: CalendarLedgerEntry | undefined,
): Step | null {
  const { accountId, calendar } = run;
  const gone = o.cancelled || o.future || contactIds.length === 0;
  if (logged && gone) {
    return async (tx, result) => {
      if (await tx.interactions.findById(accountId, logged.interactionId)) {
        await deleteInteractionIn(deps, tx, accountId, logged.interactionId);
      }
      await tx.calendars.forget(accountId, calendar.id, o.uid, o.recurrenceId);
      result.removed += 1;
    };
  }
  if (logged) {
    return async (tx, result) => {
      const current = await tx.interactions.findById(accountId, logged.interactionId);
      // Deleted by hand since: the member's choice stands (the ledger keeps it from coming back).
      if (!current || !changed(current, o, contactIds)) return;
      await updateInteractionIn(deps, tx, accountId, current.id, {
        occurredAt: o.startAt,
        summary: o.summary,
        contactIds,
      });
      result.updated += 1;
    };
  }
  if (gone) return null;
  return async (tx, result) => {
    const actor = { accountId, userId: run.userId, role: "editor" as const };
    const interaction = await logInteractionIn(deps, tx, actor, {
      contactIds,
      kind: "meeting",
      direction: "mutual",
      occurredAt: o.startAt,
      summary: o.summary,
      meaningful: true,
      awaitsReply: false,
      source: "calendar",
    });
    await tx.calendars.record(accountId, calendar.id, {
      uid: o.uid,
      recurrenceId: o.recurrenceId,
      interactionId: interaction.id,
    });
    result.logged += 1;
  };
}

const changed = (current: Interaction, o: Occurrence, contactIds: string[]) =>
  current.occurredAt !== o.startAt || current.summary !== o.summary || !sameContacts(current.contactIds, contactIds);

/** Keeping the unknown attendees (suggestions) as the calendar says them now: only what changed is written. */
async function attendeeSteps(
  deps: Deps,
  run: CalendarRun,
  occurrences: Occurrence[],
  reading: CalendarReading,
  complete: boolean,
  index: ReadonlyMap<string, string[]>,
): Promise<Step[]> {
  const { accountId, calendar, userId } = run;
  const writes = attendeeWrites({
    calendarId: calendar.id,
    occurrences,
    existing: await deps.store.calendars.attendees(accountId, calendar.id),
    own: await deps.store.calendars.memberAddresses(accountId, userId),
    isContact: (address) => contactsOf([address], index).length > 0,
    complete,
    readFrom: reading.readFrom,
  });
  return writes.map((w) => async (tx) => tx.calendars.setAttendees(accountId, userId, w, w.rows));
}

/**
 * Writes what a calendar says into interactions through the interaction services (derived state and row locks as
 * any log): a past occurrence with a known contact is logged once as a mutual, meaningful meeting (source
 * `calendar`) linked to every matching contact, and the ledger remembers it by UID and recurrence id; read again,
 * it is updated when its time, title or people changed, and removed when it was cancelled, moved into the future
 * or lost its contacts. A subscription is the whole calendar, so what it no longer has is removed too
 * (`complete`) — but for the older occurrences of a long series, which were not read (`readFrom`); a file may be a
 * part of one, so nothing is removed for being absent from it. The attendees who are not contacts are kept for
 * suggestions (`attendee-suggestions.ts`). Batches of
 * `CALENDAR_BATCH` occurrences, one transaction each, with a turn of the event loop between them.
 */
export async function applyCalendar(
  deps: Deps,
  run: CalendarRun,
  reading: CalendarReading,
  opts: { complete: boolean },
): Promise<CalendarSyncResult> {
  const { accountId, calendar } = run;
  const index = contactsByAddress(await deps.store.calendars.contactEmails(accountId));
  const ledger = new Map(
    (await deps.store.calendars.ledger(accountId, calendar.id)).map((e) => [keyOf(e.uid, e.recurrenceId), e]),
  );
  const result: CalendarSyncResult = {
    events: reading.events,
    logged: 0,
    updated: 0,
    removed: 0,
    unmatched: 0,
    upcoming: 0,
  };
  const steps: Step[] = [];
  const seen = new Set<string>();
  const read: Occurrence[] = [];
  for (const o of reading.occurrences) {
    const key = keyOf(o.uid, o.recurrenceId);
    if (seen.has(key)) continue;
    seen.add(key);
    read.push(o);
    const contactIds = contactsOf(o.emails, index);
    if (o.future && !o.cancelled && contactIds.length > 0) result.upcoming += 1;
    if (!o.future && !o.cancelled && contactIds.length === 0) result.unmatched += 1;
    const step = stepFor(deps, run, o, contactIds, ledger.get(key));
    if (step) steps.push(step);
  }
  if (opts.complete) {
    for (const [key, entry] of ledger) {
      if (seen.has(key)) continue;
      // Older than what was read of a long series: not read again, not gone.
      const from = reading.readFrom[entry.uid];
      if (from !== undefined && entry.recurrenceId < from) continue;
      const gone = { uid: entry.uid, recurrenceId: entry.recurrenceId, cancelled: true } as Occurrence;
      steps.push(stepFor(deps, run, gone, [], entry)!);
    }
  }
  steps.push(...(await attendeeSteps(deps, run, read, reading, opts.complete, index)));
  for (let i = 0; i < steps.length; i += CALENDAR_BATCH) {
    const batch = steps.slice(i, i + CALENDAR_BATCH);
    await deps.store.transaction(async (tx) => {
      const untilAt = new Date(deps.clock.now().getTime() + CALENDAR_LEASE_MS).toISOString();
      if (!(await tx.calendars.renew(accountId, calendar.id, run.owner, untilAt))) {
        throw conflict("Another sync of this calendar took over; nothing more was written by this one");
      }
      for (const step of batch) await step(tx, result);
    });
    await yieldToLoop();
  }
  return result;
}
