import type { Actor } from "../accounts/roles.ts";
import type { CalendarRecord } from "../calendar-sync/calendar-sync-port.ts";
import type { LedgerMessage } from "../mailbox/mailbox-port.ts";
import type { Deps } from "../ports/index.ts";
import type { Backup } from "./backup-schema.ts";
import { numbered } from "./numbered-rows.ts";
import type { CheckedRows } from "./restore-validate.ts";

/**
 * A reader restored by address only: a member whose mailbox held a message, not a member of the account it was
 * restored into. Kept under this stand-in (no user has such an id), so another member's disconnect does not take
 * the message for theirs alone, and the next backup names the same address (backup → restore → backup, byte for
 * byte, whoever restores it).
 */
const BY_ADDRESS = "address:";

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The members whose mailboxes held a message, by address: sorted, each once. */
function readerAddresses(readers: LedgerMessage["readers"]): string[] {
  const out = new Set<string>();
  for (const r of readers) {
    if (r.email !== null) out.add(r.email.toLowerCase());
    else if (r.userId.startsWith(BY_ADDRESS)) out.add(r.userId.slice(BY_ADDRESS.length));
    // A reader neither a user nor restored by address names nobody: left out.
  }
  return [...out].sort(byCodeUnits);
}

const calendarBody = (c: CalendarRecord) => ({
  ...{ createdAt: c.createdAt, kind: c.kind, name: c.name },
  // The address itself (sealed) is a secret: only the form every face shows.
  maskedUrl: c.kind === "subscription" ? c.maskedUrl : null,
});

/**
 * The capture ledgers in refs: every message of the mailbox ledger (sorted by Message-ID, unique in an account), the
 * calendars (numbered by content) and each calendar's logged occurrences (by calendar, UID, RECURRENCE-ID). An
 * interaction that is not in the backup (deleted by hand since) is named by null.
 */
export async function refsOfCapture(
  deps: Deps,
  actor: Actor,
  interactionById: ReadonlyMap<string, string>,
): Promise<Pick<Backup, "mailboxMessages" | "calendars" | "calendarEvents">> {
  const interactionRef = (id: string | null) => (id ? (interactionById.get(id) ?? null) : null);
  const messages = await deps.store.mailbox.ledgerMessages(actor.accountId);
  const mailboxMessages = messages
    .map((m) => ({
      messageId: m.messageId,
      interactionRef: interactionRef(m.interactionId),
      occurredAt: m.occurredAt,
      createdAt: m.createdAt,
      readers: readerAddresses(m.readers),
    }))
    .sort((a, b) => byCodeUnits(a.messageId, b.messageId));
  const sources = await deps.store.calendars.list(actor.accountId);
  const calendars = numbered("calendar", sources, calendarBody);
  const calendarEvents: Backup["calendarEvents"] = [];
  for (const c of sources) {
    for (const e of await deps.store.calendars.ledger(actor.accountId, c.id)) {
      const at = { uid: e.uid, recurrenceId: e.recurrenceId };
      calendarEvents.push({ calendarRef: calendars.refOf(c), ...at, interactionRef: interactionRef(e.interactionId) });
    }
  }
  const number = (ref: string) => Number(ref.slice("calendar-".length));
  calendarEvents.sort(
    (a, b) =>
      number(a.calendarRef) - number(b.calendarRef) ||
      byCodeUnits(a.uid, b.uid) ||
      byCodeUnits(a.recurrenceId, b.recurrenceId),
  );
  return { mailboxMessages, calendars: calendars.out, calendarEvents };
}

type IdOf = (list: string, ref: string) => string;

/**
 * A message of the ledger as it is restored: its readers are the account's members with those addresses, or
 * stand-ins by address; the row's first reader is its owner (whose stored body it would hold: none is restored).
 */
export function restoredMailboxMessage(
  { messageId, interactionRef, occurredAt, createdAt, readers }: CheckedRows["mailboxMessages"],
  members: ReadonlyMap<string, string>,
  id: IdOf,
) {
  const readerIds = readers.map((address) => members.get(address.toLowerCase()) ?? `${BY_ADDRESS}${address}`);
  return {
    messageId,
    interactionId: interactionRef ? id("interactions", interactionRef) : null,
    occurredAt,
    createdAt,
    // A message nobody held (none in a backup Kith made) is still the account's: the stand-in of no address.
    userId: readerIds[0] ?? BY_ADDRESS,
    readerIds,
  };
}

/** Why a restored subscription does not sync until its address is given again (`setCalendarAddress`). */
export const RESTORED_SUBSCRIPTION =
  "Restored from a backup, which keeps no calendar address (it may hold the feed's token): enter its address again";

/**
 * A calendar as it is restored, by `createdBy` (the restoring member: members are not in a backup). The file
 * calendar is ready for the next upload, which finds its ledger; a subscription has no address to fetch and says so.
 */
export function restoredCalendar(
  { ref, kind, name, maskedUrl, createdAt }: CheckedRows["calendars"],
  createdBy: string,
  id: IdOf,
): CalendarRecord {
  const subscription = kind === "subscription";
  return {
    ...{ id: id("calendars", ref), kind, name, sealedUrl: null, maskedUrl: subscription ? maskedUrl : null },
    state: subscription ? "failed" : "waiting",
    error: subscription ? RESTORED_SUBSCRIPTION : null,
    ...{ lastRunAt: null, lastSuccessAt: null, nextRunAt: null, failures: 0 },
    ...{ eventCount: 0, meetingCount: 0, upcomingCount: 0, createdAt, createdBy },
  };
}

/**
 * A logged occurrence as it is restored. One whose interaction was deleted by hand (null) keeps an id that names
 * no interaction, derived like the others, so the occurrence is still known and does not come back.
 */
export function restoredCalendarEvent(
  { calendarRef, uid, recurrenceId, interactionRef }: CheckedRows["calendarEvents"],
  id: IdOf,
) {
  const gone = () => id("deletedInteractions", `${calendarRef}\u0001${uid}\u0001${recurrenceId}`);
  return {
    calendarId: id("calendars", calendarRef),
    entry: {
      uid,
      recurrenceId,
      interactionId: interactionRef ? id("interactions", interactionRef) : gone(),
    },
  };
}
