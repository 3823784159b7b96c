import type { DraftSlot, TemplateChannel } from "./schemas.ts";

/**
 * An account's own template, or its copy of a default (same `default:…` id) that overrides Kith's text; a deleted
 * default is a copy with `hidden` set, so "restore" is deleting the copy.
 */
export interface StoredTemplate {
  id: string;
  name: string;
  channel: TemplateChannel;
  slots: DraftSlot[];
  subject: string;
  body: string;
  hidden: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MessageTemplateRepository {
  /** The account's stored templates, by name then id; at most `limit`. */
  list(accountId: string, limit: number): Promise<StoredTemplate[]>;
  findById(accountId: string, id: string): Promise<StoredTemplate | null>;
  /** Inserts or replaces the account's row with this id. */
  save(accountId: string, template: StoredTemplate): Promise<void>;
  delete(accountId: string, id: string): Promise<boolean>;
  count(accountId: string): Promise<number>;
}

/** What a draft says about a person, read for many contacts at once (the today list) in a few statements. */
export interface DraftFacts {
  contactId: string;
  firstName: string;
  lastName: string;
  displayName: string;
  company: string;
  title: string;
  howWeMet: string;
  interests: string[];
  /** The last meaningful touch (the one `lastTouchAt` names), or null. */
  lastTouch: { occurredAt: string; kind: string; summary: string } | null;
}

export interface DraftFactsReader {
  /** The contacts of this account among `contactIds` (at most a few hundred), by id. */
  factsOf(accountId: string, contactIds: readonly string[]): Promise<Map<string, DraftFacts>>;
  /** The member's name as the account shows it ("" when unknown). */
  memberName(accountId: string, userId: string): Promise<string>;
}
