import type { AskAboutKind, AskListQuery, AskStatus, AskStep } from "./schemas.ts";

/** An ask as stored. */
export interface AskRecord {
  id: string;
  /** The person asked (the introducer of the names received). */
  contactId: string;
  aboutKind: AskAboutKind;
  aboutText: string;
  aboutCompanyId: string | null;
  note: string;
  status: AskStatus;
  askedAt: string;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface AskNameRecord {
  askId: string;
  contactId: string;
  relationshipId: string | null;
  receivedAt: string;
}

/** One of an ask's follow-ups, as the rules read it. */
export interface AskFollowUp {
  id: string;
  askId: string;
  step: AskStep;
  title: string;
  dueOn: string;
  status: "open" | "done" | "snoozed" | "skipped";
}

/** Asks per account; every read and write is scoped by `accountId`. */
export interface AskRepository {
  insert(accountId: string, ask: AskRecord): Promise<void>;
  update(accountId: string, ask: AskRecord): Promise<void>;
  findById(accountId: string, id: string): Promise<AskRecord | null>;
  delete(accountId: string, id: string): Promise<boolean>;
  /** Newest first. */
  list(accountId: string, query: AskListQuery, limit: number): Promise<AskRecord[]>;
  /** Every ask of the account, oldest first (backups). */
  all(accountId: string): Promise<AskRecord[]>;
  /** False when the contact is already a name of this ask. */
  addName(accountId: string, name: AskNameRecord): Promise<boolean>;
  namesOf(accountId: string, askIds: readonly string[]): Promise<AskNameRecord[]>;
  /** Every name of the account's asks (backups). */
  allNames(accountId: string): Promise<AskNameRecord[]>;
  /** The follow-ups the asks created (any status). */
  followUpsOf(accountId: string, askIds: readonly string[]): Promise<AskFollowUp[]>;
  /** The asks made to a contact, by id (a merge moves them). */
  askIdsTo(accountId: string, contactId: string): Promise<string[]>;
  /** The asks that received a contact as a name. */
  askIdsNaming(accountId: string, contactId: string): Promise<string[]>;
  /** Makes these asks asks to `contactId` (a merge and its undo). */
  reassign(accountId: string, askIds: readonly string[], contactId: string): Promise<void>;
  /** These asks' name `fromId` becomes `toId`; where the ask already has `toId` the name is dropped. */
  renameNames(accountId: string, askIds: readonly string[], fromId: string, toId: string): Promise<void>;
  /** Open asks (named or introduced) that received one of these contacts as a name. */
  openAsksNaming(accountId: string, contactIds: readonly string[]): Promise<AskRecord[]>;
}
