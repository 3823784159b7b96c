import type { CalendarKind, CalendarState } from "./schemas.ts";

/** A calendar as stored: a file calendar (uploads) or a subscription, with its sync job's state and lease. */
export interface CalendarRecord {
  id: string;
  kind: CalendarKind;
  name: string;
  /** A subscription's address sealed with the server key (`calendar-address.ts`); null for the file calendar. */
  sealedUrl: string | null;
  /** The address as shown: scheme, host, masked path. */
  maskedUrl: string | null;
  state: CalendarState;
  error: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  nextRunAt: string | null;
  /** Failed runs in a row (the backoff's exponent); 0 after a success. */
  failures: number;
  eventCount: number;
  meetingCount: number;
  upcomingCount: number;
  createdAt: string;
  createdBy: string;
}

/** One logged occurrence: what an event (UID, and RECURRENCE-ID for one of a series) became. */
export interface CalendarLedgerEntry {
  uid: string;
  /** The occurrence's original start (UTC instant) for one of a recurring series; "" for a single event. */
  recurrenceId: string;
  interactionId: string;
}

/** An attendee of a past occurrence who was no contact when the calendar was read (a suggestion's meeting). */
export interface AttendeeMeeting {
  calendarId: string;
  uid: string;
  recurrenceId: string;
  /** As compared (`normalAddress`: the mailbox correspondents' key). */
  address: string;
  /** As the calendar wrote it. */
  givenAddress: string;
  name: string | null;
  summary: string;
  occurredAt: string;
}

export interface CalendarRunOutcome {
  nowAt: string;
  events: number;
  upcoming: number;
  nextRunAt: string | null;
  /** A subscription's claim instant: a "Sync now" asked after it keeps the calendar due instead of `nextRunAt`. */
  claimedAt?: string | null;
}

export interface CalendarFailure {
  nowAt: string;
  error: string;
  /** `failing` with a next attempt, or `failed` (null: only "Sync now" tries again). */
  state: "failing" | "failed";
  nextRunAt: string | null;
  /** As in `CalendarRunOutcome`. */
  claimedAt?: string | null;
}

/**
 * Calendars per account and the ledger of what their events became (account + calendar + UID + recurrence id →
 * interaction). A run holds the calendar's lease (`store/src/leases/lease.ts`): the job, "Sync now" and a file
 * import never read and write one calendar's ledger at the same time.
 */
export interface CalendarSyncRepository {
  insert(accountId: string, calendar: CalendarRecord): Promise<void>;
  /** The account's one file calendar, created with `candidate` when it has none (two first uploads share one). */
  fileCalendar(accountId: string, candidate: CalendarRecord): Promise<CalendarRecord>;
  find(accountId: string, id: string): Promise<CalendarRecord | null>;
  /** Oldest first. */
  list(accountId: string): Promise<CalendarRecord[]>;
  /** Removes the calendar and its ledger (the interactions stay unless the caller removed them first). */
  delete(accountId: string, id: string): Promise<boolean>;
  /** System scan for the job: subscriptions whose run is due and lease is free, across accounts. */
  claimable(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]>;
  /** Takes the lease when it is free (state `syncing`); the calendar as claimed, or null. */
  claim(
    accountId: string,
    id: string,
    owner: string,
    leaseUntilAt: string,
    nowAt: string,
  ): Promise<CalendarRecord | null>;
  /** Keeps the lease for another batch; false when `owner` lost it. */
  renew(accountId: string, id: string, owner: string, leaseUntilAt: string): Promise<boolean>;
  /** Records a successful run (state `ok`, meetings counted from the ledger) and gives the lease back. */
  finish(accountId: string, id: string, owner: string, outcome: CalendarRunOutcome): Promise<boolean>;
  /** Records a failed run and gives the lease back. */
  fail(accountId: string, id: string, owner: string, failure: CalendarFailure): Promise<boolean>;
  /**
   * A subscription's address given again (sealed and as shown): the failed state cleared and the next run now, its
   * ledger kept. Only while no run holds the lease (false: one does, or it is no subscription).
   */
  readdress(
    accountId: string,
    id: string,
    address: { sealedUrl: string; maskedUrl: string },
    nowAt: string,
  ): Promise<boolean>;
  /** A subscription's next run is now ("Sync now"); its state reads `waiting` unless it is syncing. */
  requestRun(accountId: string, id: string, nowAt: string): Promise<void>;
  ledger(accountId: string, calendarId: string): Promise<CalendarLedgerEntry[]>;
  record(accountId: string, calendarId: string, entry: CalendarLedgerEntry): Promise<void>;
  forget(accountId: string, calendarId: string, uid: string, recurrenceId: string): Promise<void>;
  /** System scan: subscriptions whose address is still stored in clear (from before it was sealed), ≤ limit. */
  unsealedAddresses(limit: number): Promise<{ accountId: string; id: string; url: string }[]>;
  /** Stores the sealed and masked address and forgets the clear one. */
  sealAddress(accountId: string, id: string, address: { sealedUrl: string; maskedUrl: string }): Promise<void>;
  /** The unknown attendees this calendar's last reads kept, per occurrence (what a read compares with). */
  attendees(accountId: string, calendarId: string): Promise<AttendeeMeeting[]>;
  /** Replaces one occurrence's unknown attendees (none: the occurrence is gone, cancelled or has no stranger). */
  setAttendees(
    accountId: string,
    userId: string,
    occurrence: { calendarId: string; uid: string; recurrenceId: string },
    rows: readonly AttendeeMeeting[],
  ): Promise<void>;
  /** A member's meetings with one unknown address (by its compared form), oldest first. */
  attendeeMeetings(accountId: string, userId: string, address: string): Promise<AttendeeMeeting[]>;
  /** Forgets a member's meetings with one address (it became a contact). */
  forgetAttendee(accountId: string, userId: string, address: string): Promise<void>;
  /** The ledger's entry for one occurrence, if it was logged. */
  ledgerEntry(
    accountId: string,
    calendarId: string,
    uid: string,
    recurrenceId: string,
  ): Promise<CalendarLedgerEntry | null>;
  /** The member's own addresses: their sign-in address and, with a mailbox, its aliases and log address. */
  memberAddresses(accountId: string, userId: string): Promise<string[]>;
  /** Every e-mail address of the account's contacts (archived ones too: a meeting still happened). */
  contactEmails(accountId: string): Promise<{ contactId: string; address: string }[]>;
}

/** A calendar feed as the guarded fetcher read it, decoded to text. */
export type FetchedCalendar =
  | { ok: true; text: string }
  /** `retryable`: a network error, a time-out or a 5xx (may pass later); a refusal or a 4xx will not. */
  | { ok: false; retryable: boolean; reason: string };

/** Outbound HTTP for subscriptions, through the one guarded fetcher (`runtime/src/http/guarded-fetch.ts`). */
export interface CalendarFetcher {
  /** Why this URL may not be fetched (scheme, credentials, a non-public address), or null. */
  refusal(url: string): Promise<string | null>;
  fetchCalendar(url: string): Promise<FetchedCalendar>;
}
