import type { Page, PageQuery } from "../shared/pagination.ts";
import type { Contact, ContactListQuery } from "./schemas.ts";

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
