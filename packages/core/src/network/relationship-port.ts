import type { Relationship } from "./schemas.ts";

/** An edge as the path search reads it, from one end: the contact at the other end, its kind and strength. */
export interface NetworkEdge {
  /** The relationship's id. */
  id: string;
  /** The contact whose neighbours were asked for. */
  contactId: string;
  /** The contact at the other end. */
  otherId: string;
  kind: Relationship["kind"];
  strength: number;
  /** True when the edge was stored from `otherId` to `contactId` (it reads "other is contact's kind"). */
  inbound: boolean;
}

/** Relationships per account; every read and write is scoped by `accountId`. */
export interface RelationshipRepository {
  /** False when the pair already has an edge of that kind (nothing written). */
  insert(accountId: string, relationship: Relationship): Promise<boolean>;
  update(accountId: string, relationship: Relationship): Promise<void>;
  findById(accountId: string, id: string): Promise<Relationship | null>;
  /** The edge of that kind between the two, whichever way it was stored. */
  findByPair(accountId: string, kind: Relationship["kind"], a: string, b: string): Promise<Relationship | null>;
  delete(accountId: string, id: string): Promise<boolean>;
  /** Moves an edge to other ends (a merge and its undo); false, nothing written, when the pair has that kind already. */
  setEnds(accountId: string, id: string, fromContactId: string, toContactId: string): Promise<boolean>;
  /** Every edge that touches the contact, newest first. */
  listForContact(accountId: string, contactId: string, limit: number): Promise<Relationship[]>;
  /** Of these pair keys (`pairKeyOf`), the ones the account has an edge for. */
  existingPairKeys(accountId: string, pairKeys: readonly string[]): Promise<Set<string>>;
  /** Every edge of the account, oldest first (backups). */
  all(accountId: string): Promise<Relationship[]>;
}

/**
 * The network as the path search walks it: one account's edges only, a level at a time, and which contacts are
 * first degree (the member has had a touch with them).
 */
export interface NetworkGraph {
  /** The edges at each of these contacts (both directions), at most `limit` in all (ordered by contact, then id). */
  edgesOf(accountId: string, contactIds: readonly string[], limit: number): Promise<NetworkEdge[]>;
  /** Of these contacts, the first-degree ones (the member has had a touch), with their last touch. */
  firstDegree(accountId: string, contactIds: readonly string[]): Promise<Map<string, string>>;
  /** Display names (and company, title) of contacts of the account; missing ids are left out. */
  people(
    accountId: string,
    contactIds: readonly string[],
  ): Promise<Map<string, { displayName: string; companyId: string | null; title: string | null }>>;
  /** The contacts who work at a company (not archived), at most `limit`, by id. */
  employees(accountId: string, companyId: string, limit: number): Promise<string[]>;
}
