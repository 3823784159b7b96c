import type { InteractionKind } from "../interactions/schemas.ts";

/** One meaningful outbound message to one person, and when that person first answered after it (if they did). */
export interface SentMessageFact {
  kind: InteractionKind;
  contactId: string;
  sentAt: string;
  repliedAt: string | null;
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
  /** The stored due item's reason, or null when nothing is due. */
  reasonKind: string | null;
}

/** What the analytics read; every method is scoped to one account and bounded. */
export interface AnalyticsRepository {
  /** Meaningful outbound messages since `sinceAt`, newest first, at most `limit`, each with its first answer. */
  sentMessages(accountId: string, sinceAt: string, limit: number): Promise<SentMessageFact[]>;
  /** People (not archived) whose latest meaningful interaction is inbound, oldest first, at most `limit`. */
  owedReplies(accountId: string, limit: number): Promise<OwedReplyFact[]>;
  /** Every interaction of the people whose stored exchange count reached `target` (at most `limit` rows). */
  exchangesOfConnected(accountId: string, target: number, limit: number): Promise<ExchangeFact[]>;
  /** Each person's (not archived) circle and due reason. */
  circleDue(accountId: string): Promise<CircleDueFact[]>;
}
