import type { AskStatus } from "../asks/schemas.ts";
import type { CadenceOverride } from "../engine/circles.ts";
import type { InteractionKind } from "../interactions/schemas.ts";

/** One meaningful outbound message to one person, and when that person first answered after it (if they did). */
export interface SentMessageFact {
  kind: InteractionKind;
  contactId: string;
  sentAt: string;
  repliedAt: string | null;
  /** The template a message sent from a draft started from, and its name when sent (migration 0037). */
  templateId?: string | null;
  templateName?: string | null;
}

/** One ask made in the window, with the person asked and how many names it brought. */
export interface AskFact {
  askId: string;
  contactId: string;
  displayName: string;
  status: AskStatus;
  askedAt: string;
  names: number;
}

/** A person whose cadence the trend reconstructs: what the engine reads of them besides their history. */
export interface CadencePerson {
  contactId: string;
  displayName: string;
  circle: string;
  createdAt: string;
  tags: string[];
  cadenceOverride: CadenceOverride | null;
  muted: boolean;
}

/** One interaction with one person, as the engine's history fold reads it. */
export interface HistoryFact extends ExchangeFact {
  awaitsReply: boolean;
}

/** One interaction with one person, as the exchange count reads it. */
export interface ExchangeFact {
  contactId: string;
  occurredAt: string;
  direction: "outbound" | "inbound" | "mutual";
  meaningful: boolean;
}

export interface OwedReplyFact {
  contactId: string;
  displayName: string;
  wroteAt: string;
}

export interface CircleDueFact {
  circle: string;
  /** The cadence is overdue: the stored due item's reason, or due beside it (`alsoDue`). */
  overdue: boolean;
}

/**
 * What the analytics read; every method is scoped to one account and bounded. `onlyTags` (a coach's share, lower
 * case) limits a read to the contacts carrying any of those tags, in the query; undefined reads the whole account.
 */
export interface AnalyticsRepository {
  /** Meaningful outbound messages since `sinceAt`, newest first, at most `limit`, each with its first answer. */
  sentMessages(
    accountId: string,
    sinceAt: string,
    limit: number,
    onlyTags?: readonly string[],
  ): Promise<SentMessageFact[]>;
  /** People (not archived) whose latest meaningful interaction is inbound, oldest first, at most `limit`. */
  owedReplies(accountId: string, limit: number): Promise<OwedReplyFact[]>;
  /** Every interaction of the people whose stored exchange count reached `target` (at most `limit` rows). */
  exchangesOfConnected(
    accountId: string,
    target: number,
    limit: number,
    onlyTags?: readonly string[],
  ): Promise<ExchangeFact[]>;
  /** Each person's (not archived) circle and due reason. */
  circleDue(accountId: string): Promise<CircleDueFact[]>;
  /** Asks made since `sinceAt`, newest first, at most `limit`, each with its person and count of names. */
  asks(accountId: string, sinceAt: string, limit: number): Promise<AskFact[]>;
  /** People (not archived) in one of `circles`, at most `limit`, by id. */
  cadencePeople(accountId: string, circles: readonly string[], limit: number): Promise<CadencePerson[]>;
  /** Those people's interactions before `beforeAt`, newest first, at most `limit` rows. */
  historyOf(accountId: string, circles: readonly string[], beforeAt: string, limit: number): Promise<HistoryFact[]>;
}
