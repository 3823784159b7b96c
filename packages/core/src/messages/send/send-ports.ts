import type { SmtpSecurity } from "./send-schemas.ts";

/** A member's own SMTP account as stored: the password sealed with the server key (never in clear). */
export interface MemberSmtpRecord {
  accountId: string;
  userId: string;
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  sealedPassword: string | null;
  fromName: string;
  fromAddress: string;
  createdAt: string;
  updatedAt: string;
}

/** One SMTP account per member (user × account). */
export interface MemberSmtpRepository {
  find(accountId: string, userId: string): Promise<MemberSmtpRecord | null>;
  /** Inserts or replaces the member's account. */
  save(accountId: string, record: MemberSmtpRecord): Promise<void>;
  delete(accountId: string, userId: string): Promise<boolean>;
}

export type MessageSendStatus = "sending" | "sent" | "failed";

/** The send ledger: one row per (account, key), written before the mail goes and completed after. */
export interface MessageSendRecord {
  accountId: string;
  key: string;
  userId: string;
  contactId: string;
  /** A hash of what was asked: the same key for another message is refused. */
  requestHash: string;
  status: MessageSendStatus;
  toAddress: string;
  messageId: string;
  interactionId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MessageSendRepository {
  /** Inserts the row unless its key exists; answers the row as stored, and whether this call made it. */
  begin(accountId: string, record: MessageSendRecord): Promise<{ created: boolean; row: MessageSendRecord }>;
  /** A failed send taken again (`failed` → `sending`); false when another caller took it first. */
  retake(accountId: string, key: string, nowAt: string): Promise<boolean>;
  /** `sending` → `sent`, naming the logged interaction; false when the row was not `sending`. */
  complete(accountId: string, key: string, interactionId: string, nowAt: string): Promise<boolean>;
  /** `sending` → `failed`, with the error in words. */
  fail(accountId: string, key: string, error: string, nowAt: string): Promise<void>;
}

/** What the mailer needs to reach the member's server, the password opened. */
export interface SmtpAccount {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password: string | null;
  fromName: string;
  fromAddress: string;
}

export interface MemberMail {
  to: string;
  subject: string;
  text: string;
  /** Made by core, recorded in the ledger before the mail goes. */
  messageId: string;
}

/** `error` in Kith's words (what failed: connecting, TLS, signing in, the recipient), never the server's banner. */
export type SmtpOutcome = { ok: true } | { ok: false; error: string };

/** Mail through a member's own SMTP account (never Kith's system sender). */
export interface MemberMailer {
  send(account: SmtpAccount, mail: MemberMail): Promise<SmtpOutcome>;
  /** Connects and signs in, sending nothing. */
  verify(account: SmtpAccount): Promise<SmtpOutcome>;
}

/**
 * Seals a secret for storage with the server key, and opens it. `context` names the row it belongs to (a sealed
 * value moved to another row does not open). `open` throws when the key changed or the value is damaged.
 */
export interface SecretSealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}
