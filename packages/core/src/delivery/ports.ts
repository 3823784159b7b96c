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
  getSettings(accountId: string): Promise<NotifySettings | null>;
  setSettings(accountId: string, settings: NotifySettings, nowAt: string): Promise<void>;
  /**
   * System scan for the scheduler (not a member's query): accounts after `afterId` in id order with what deciding
   * their digest time needs.
   */
  digestTargets(afterId: string | null, limit: number): Promise<DigestTarget[]>;
}
