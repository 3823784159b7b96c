import type { Page, PageQuery } from "../shared/pagination.ts";
import type { Contact, ContactListQuery, ContactSummary } from "./schemas.ts";

/**
 * A contact's own fields, its tags and its search entry; the state the engine derives for it is
 * `DueStateRepository`'s (due-state/due-state-port.ts). Scoped by account like every port.
 */
export interface ContactRepository {
  insert(accountId: string, contact: Contact): Promise<void>;
  update(accountId: string, contact: Contact): Promise<void>;
  findById(accountId: string, id: string): Promise<Contact | null>;
  /** These contacts whole, in the order of `ids` (an id not in this account is left out). */
  findMany(accountId: string, ids: readonly string[]): Promise<Contact[]>;
  /**
   * Holds these contacts' rows until the transaction ends and says which exist in this account (archived ones
   * included). Every writing transaction takes its contacts this way first, before reading what it will write back:
   * a concurrent writer then waits instead of overwriting (PostgreSQL; SQLite has one writer at a time).
   */
  lockExisting(accountId: string, ids: readonly string[]): Promise<Set<string>>;
  /**
   * `connectionTarget` tells the progress filter where "connected" starts. `total` counts every contact the
   * filters match, on the first page (no cursor); null on the pages after it. `onlyTags` limits the list to contacts
   * carrying any of them (a coach's scope; empty: none). Summaries, read with a narrow select: a list never needs
   * a contact's every field (`findById` has them).
   */
  list(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number; onlyTags?: readonly string[] },
    page: PageQuery,
  ): Promise<Page<ContactSummary> & { total: number | null }>;
  /** Privacy request: removes the contact, its follow-ups and its links to interactions. */
  hardDelete(accountId: string, id: string): Promise<boolean>;
}
