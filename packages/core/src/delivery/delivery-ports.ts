import type { DigestItemRef } from "./replies/reply-commands.ts";
import type { ActionClaim, DeliveryStatus, NotifySettings } from "./schemas.ts";

/** One outgoing mail; the face's mailer turns it into SMTP. */
export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Stable per (account, kind, period): a resend after a crash carries the same id, so receivers can drop it. */
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Builds the public, signed one-click links (from the configured public URL only). */
export interface ActionLinks {
  link(claim: ActionClaim): string;
  /** The app's own page for the today list. */
  readonly todayUrl: string;
  /** Mail domain for Message-IDs. */
  readonly host: string;
  /** The tag a digest's Message-ID carries (an HMAC of its key): a reply that names it has seen the digest. */
  replyTag(key: DeliveryKey): string;
}

export interface DeliveryKey {
  accountId: string;
  kind: string;
  period: string;
}

export interface DeliveryRow extends DeliveryKey {
  status: DeliveryStatus;
  attempts: number;
  leaseOwner: string | null;
  leaseUntilAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DigestTarget {
  accountId: string;
  timeZone: string;
  country: string | null;
  /** The account's settings JSON (the week start lives there). */
  accountSettings: string;
  /** Null until the account changes them: the defaults apply. */
  notify: NotifySettings | null;
}

/**
 * The idempotency ledger: one row per (account, kind, period). `claim` takes a lease on a pending row whose
 * attempt is due and whose lease has lapsed, atomically, so one instance acts on it at a time.
 */
export interface DeliveryRepository {
  claim(key: DeliveryKey, owner: string, nowAt: string, leaseUntilAt: string): Promise<DeliveryRow | null>;
  finish(key: DeliveryKey, owner: string, result: { status: "sent" | "skipped"; at: string }): Promise<boolean>;
  /** A failed attempt: retried at `nextAttemptAt`, or given up (`failed`) when that is null. */
  fail(key: DeliveryKey, owner: string, error: string, nowAt: string, nextAttemptAt: string | null): Promise<boolean>;
  find(key: DeliveryKey): Promise<DeliveryRow | null>;
  recent(accountId: string, limit: number): Promise<DeliveryRow[]>;
  /** Marks a one-time key used; false when it was used already. */
  useOnce(key: DeliveryKey, nowAt: string): Promise<boolean>;
  /** Gives a one-time key back (the act it guarded failed). */
  release(key: DeliveryKey): Promise<void>;
  /** The entry of this kind with the greatest period (the latest digest or test of one channel), if any. */
  latest(accountId: string, kind: string): Promise<DeliveryRow | null>;
  /**
   * System scan for the retry sweep (not a member's query): pending entries of these kinds (exact names, or names
   * starting with a prefix) whose next attempt is due at `nowAt` and whose lease has lapsed, in (next attempt, key)
   * order after `after`. Read from a partial index of pending entries.
   */
  retriesDue(
    nowAt: string,
    kinds: { exact: readonly string[]; prefixes: readonly string[] },
    after: DeliveryRow | null,
    limit: number,
  ): Promise<DeliveryRow[]>;
  getSettings(accountId: string): Promise<NotifySettings | null>;
  setSettings(accountId: string, settings: NotifySettings, nowAt: string): Promise<void>;
  /**
   * System scan for the scheduler (not a member's query): accounts after `afterId` in id order with what deciding
   * their digest time needs.
   */
  digestTargets(afterId: string | null, limit: number): Promise<DigestTarget[]>;
}

/**
 * What replies to a digest need remembered: the numbered items each sent digest showed (keyed like its ledger
 * entry), and the answer to each reply (so an answer whose sending failed can be sent again, unchanged).
 */
export interface DigestReplyRepository {
  /** Replaces the items stored for this digest (a resend after a crash shows the list it was rebuilt with). */
  saveItems(key: DeliveryKey, items: readonly DigestItemRef[], nowAt: string): Promise<void>;
  findItems(key: DeliveryKey): Promise<DigestItemRef[] | null>;
  /** Keeps the first answer written for a reply; a second write for the same reply changes nothing. */
  saveAnswer(accountId: string, replyKey: string, answer: OutgoingMail, nowAt: string): Promise<void>;
  findAnswer(accountId: string, replyKey: string): Promise<OutgoingMail | null>;
}
