/**
 * Mailbox sync's ports: the store's rows (`MailboxRepository`, scoped by account and member) and the mail server as
 * core sees it (`MailReader`, implemented with imapflow in runtime/src/mailbox).
 */

/** A member's mailbox as stored: settings, the sealed password, and the sync job's state. */
export interface MailboxRecord {
  accountId: string;
  userId: string;
  /** The member's sign-in address (always one of their own). */
  userEmail: string;
  host: string;
  port: number;
  tls: boolean;
  user: string;
  sealedPassword: string | null;
  folders: string[];
  startOn: string;
  storeBodies: boolean;
  autoCreate: boolean;
  aliases: string[];
  logFolder: string | null;
  logAddress: string | null;
  state: "waiting" | "syncing" | "ok" | "failing";
  error: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  nextRunAt: string;
  failures: number;
  messagesCount: number;
  loggedCount: number;
  createdAt: string;
  updatedAt: string;
}

export type MailboxSettings = Omit<
  MailboxRecord,
  | "userEmail"
  | "state"
  | "error"
  | "lastRunAt"
  | "lastSuccessAt"
  | "nextRunAt"
  | "failures"
  | "messagesCount"
  | "loggedCount"
>;

export interface RunOutcome {
  state: "ok" | "failing";
  error: string | null;
  lastRunAt: string;
  lastSuccessAt: string | null;
  nextRunAt: string;
  failures: number;
  /** When the run claimed the mailbox: a request made after it keeps the mailbox due instead of `nextRunAt`. */
  claimedAt: string;
}

export interface CorrespondentMessage {
  address: string;
  messageId: string;
  name: string | null;
  direction: "inbound" | "outbound";
  subject: string;
  occurredAt: string;
}

export interface MailboxRepository {
  find(accountId: string, userId: string): Promise<MailboxRecord | null>;
  /** Inserts or updates the settings; a new mailbox (or changed server or user) is due now. */
  save(accountId: string, settings: MailboxSettings, nowAt: string): Promise<void>;
  /** Removes the mailbox, its folders' marks, its correspondents and dismissals (the ledger: `forgetMessages`). */
  delete(accountId: string, userId: string): Promise<boolean>;
  /** Asks for a run now (the next pass of any instance takes it). */
  requestRun(accountId: string, userId: string, nowAt: string): Promise<boolean>;
  /** System scan across accounts: mailboxes whose next run is due and whose lease is free. */
  due(nowAt: string, limit: number): Promise<{ accountId: string; userId: string }[]>;
  /** Takes the mailbox's lease (null when another holds it). */
  claim(
    accountId: string,
    userId: string,
    owner: string,
    untilAt: string,
    nowAt: string,
  ): Promise<MailboxRecord | null>;
  /** System scan for IMAP IDLE: mailboxes with a password, not failing, whose watch lease is free. */
  idleCandidates(nowAt: string, limit: number): Promise<{ accountId: string; userId: string }[]>;
  /** Takes (or keeps) the watch lease; the mailbox as claimed, or null when another instance watches it. */
  claimIdle(
    accountId: string,
    userId: string,
    owner: string,
    untilAt: string,
    nowAt: string,
  ): Promise<MailboxRecord | null>;
  /** Keeps the watch lease; false when `owner` lost it (or the mailbox was disconnected). */
  renewIdle(accountId: string, userId: string, owner: string, untilAt: string): Promise<boolean>;
  releaseIdle(accountId: string, userId: string, owner: string): Promise<void>;
  /** Renews the lease inside a batch's transaction (and holds the row): false when `owner` lost it. */
  holdLease(accountId: string, userId: string, owner: string, untilAt: string): Promise<boolean>;
  /** Records how the run ended and gives the lease back; false when `owner` no longer held it. */
  finishRun(accountId: string, userId: string, owner: string, outcome: RunOutcome): Promise<boolean>;
  addCounts(accountId: string, userId: string, messages: number, logged: number): Promise<void>;
  folderMark(accountId: string, userId: string, path: string): Promise<{ uidValidity: string; lastUid: number } | null>;
  setFolderMark(
    accountId: string,
    userId: string,
    path: string,
    mark: { uidValidity: string; lastUid: number },
    nowAt: string,
  ): Promise<void>;
  /** The ledger: true when this Message-ID was new in the account (the row is now ours to act on). */
  recordMessage(
    accountId: string,
    row: { messageId: string; userId: string; occurredAt: string; body: string | null; createdAt: string },
  ): Promise<boolean>;
  linkMessage(accountId: string, messageId: string, interactionId: string): Promise<void>;
  messageInteraction(accountId: string, messageId: string): Promise<string | null>;
  /** Every contact's id and email addresses (what a message's addresses are matched against). */
  contactEmails(accountId: string): Promise<{ id: string; emails: string[] }[]>;
  addCorrespondentMessage(accountId: string, userId: string, row: CorrespondentMessage): Promise<void>;
  /**
   * The member's unknown people — their mailbox's correspondents and their calendars' attendees
   * (`calendar_attendee`), one per address — with at least `minCount` messages and meetings together, not
   * dismissed, most first. `givenAddress`: the address as a calendar wrote it (null when only mail saw it).
   */
  correspondents(
    accountId: string,
    userId: string,
    minCount: number,
    limit: number,
  ): Promise<
    {
      address: string;
      givenAddress: string | null;
      name: string | null;
      count: number;
      messages: number;
      meetings: number;
      lastAt: string;
    }[]
  >;
  correspondentMessages(accountId: string, userId: string, address: string): Promise<CorrespondentMessage[]>;
  forgetCorrespondent(accountId: string, userId: string, address: string): Promise<void>;
  dismiss(accountId: string, userId: string, address: string, nowAt: string): Promise<void>;
  /**
   * The interactions logged from messages this member's mailbox held and no other member's did (what a disconnect
   * that removes its captures may remove: a message two mailboxes held stays for the other).
   */
  capturedOnlyBy(accountId: string, userId: string): Promise<string[]>;
  /**
   * Drops this member from the ledger: their reader rows, and the messages only they held; a message another
   * member's mailbox holds too stays, as that member's (its stored text, this member's, is dropped).
   */
  forgetMessages(accountId: string, userId: string): Promise<void>;
  /**
   * The whole ledger, for a backup: each message with its interaction and every member whose mailbox held it (with
   * their sign-in address when they are a user of the server; null for a reader restored by address only).
   */
  ledgerMessages(accountId: string): Promise<LedgerMessage[]>;
  /** A restored ledger row with its readers; nothing when the account's ledger already holds the message. */
  restoreMessage(
    accountId: string,
    row: Omit<LedgerMessage, "readers"> & { userId: string; readerIds: string[] },
  ): Promise<void>;
  /** Takes a message and its readers out of the ledger (a failed restore's undo). */
  deleteMessage(accountId: string, messageId: string): Promise<void>;
}

/** A message of the ledger as a backup sees it (never its stored body). */
export interface LedgerMessage {
  messageId: string;
  interactionId: string | null;
  occurredAt: string;
  createdAt: string;
  readers: { userId: string; email: string | null }[];
}

/** An address as a header gives it: the name decoded (RFC 2047), the address as written. */
export interface MailAddress {
  address: string;
  name: string | null;
}

/** One message's headers (and text when asked), read from the server. */
export interface MailMessage {
  uid: number;
  messageId: string | null;
  /** The Date header as an ISO instant (the server's arrival date when the header is missing or broken). */
  date: string;
  subject: string;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  /** Envelope recipients the server recorded (Delivered-To, X-Original-To). */
  deliveredTo: string[];
  inReplyTo: string | null;
  listId: string | null;
  autoSubmitted: string | null;
  precedence: string | null;
  text: string | null;
}

export interface MailFolder {
  path: string;
  /** `\Sent`, `\Inbox`, `\Junk` … as the server flags it. */
  specialUse: string | null;
}

export interface ImapAccount {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
}

/** An open connection to the member's mail server. */
export interface MailSession {
  folders(): Promise<MailFolder[]>;
  /** Selects a folder; null when it does not exist. */
  open(path: string): Promise<{ uidValidity: string } | null>;
  /** Messages of the open folder with a UID above `afterUid` that arrived on or after `since`, by UID, ≤ limit. */
  fetch(afterUid: number, since: string, limit: number, opts: { withText: boolean }): Promise<MailMessage[]>;
  close(): Promise<void>;
}

/** Why the mail server could not be read, in words; `retryable` false only for what waits for the member. */
export class MailAccessError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "MailAccessError";
  }
}

/** A folder watched over a connection of its own (IMAP IDLE). */
export interface MailWatch {
  /** Ends the watch and closes its connection (no `onClosed` after). */
  stop(): Promise<void>;
}

export interface MailReader {
  connect(account: ImapAccount): Promise<MailSession>;
  /**
   * Watches a folder with IMAP IDLE over a connection of its own: `onNew` when messages arrive, `onClosed` once when
   * the connection ends by itself. Null when the server does not offer IDLE (polling stays the only way). Throws a
   * MailAccessError, in words, when it cannot connect. Absent: this reader never watches.
   */
  watch?(account: ImapAccount, path: string, events: { onNew(): void; onClosed(): void }): Promise<MailWatch | null>;
}
