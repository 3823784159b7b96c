import type { Company } from "../companies/schemas.ts";
import type { ContactPhoto } from "../contacts/contact-photo-port.ts";
import type { Contact } from "../contacts/schemas.ts";
import type { DerivedState } from "../due-state/due-state-port.ts";
import type { Interaction } from "../interactions/schemas.ts";

/** A contact created by an import, with the derived state the engine computed for it in memory. */
export interface ImportedContact {
  contact: Contact;
  companyName: string | null;
  derived: DerivedState;
  /** The photo the file carried for it, written with it (its `photoUpdatedAt` already says so). */
  photo?: ContactPhoto | null;
}

/**
 * What an import reads and writes in bulk beyond the contact and company repositories: a chunk of rows is a handful
 * of multi-row statements, not ten statements a row. Scoped by account like every port.
 */
export interface ImportRepository {
  companies(accountId: string): Promise<{ id: string; name: string }[]>;
  insertCompanies(accountId: string, companies: readonly Company[]): Promise<void>;
  /** New contacts with their tags, search index rows, derived state and photos, in multi-row statements. */
  insertContacts(accountId: string, contacts: readonly ImportedContact[]): Promise<void>;
  insertInteractions(accountId: string, interactions: readonly Interaction[]): Promise<void>;
}
