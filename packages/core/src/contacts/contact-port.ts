import type { Page, PageQuery } from "../shared/pagination.ts";
import type { Contact, ContactListQuery } from "./schemas.ts";

/**
 * A contact's own fields, its tags and its search entry; the state the engine derives for it is
 * `DueStateRepository`'s (due-state/due-state-port.ts). Scoped by account like every port.
 */
export interface ContactRepository {
  insert(accountId: string, contact: Contact): Promise<void>;
  update(accountId: string, contact: Contact): Promise<void>;
  findById(accountId: string, id: string): Promise<Contact | null>;
  /** Ids that exist in this account (archived ones included); used to validate references. */
  existingIds(accountId: string, ids: readonly string[]): Promise<Set<string>>;
  /** `connectionTarget` tells the progress filter where "connected" starts. */
  list(
    accountId: string,
    query: ContactListQuery & { connectionTarget: number },
    page: PageQuery,
  ): Promise<Page<Contact>>;
  /** Privacy request: removes the contact, its follow-ups and its links to interactions. */
  hardDelete(accountId: string, id: string): Promise<boolean>;
}
