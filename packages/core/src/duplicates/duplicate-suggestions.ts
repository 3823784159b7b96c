import type { Actor } from "../accounts/roles.ts";
import { DuplicateIndex } from "../imports/plan/duplicate-index.ts";
import type { Deps } from "../ports/index.ts";
import type { Duplicate } from "./merge-schemas.ts";

/** Contacts that look like the same person as an earlier one: by email, LinkedIn, phone, or name and company. */
export async function listDuplicates(deps: Deps, actor: Actor): Promise<Duplicate[]> {
  const account = await deps.store.accounts.findById(actor.accountId);
  const index = new DuplicateIndex(account?.country ?? null);
  const found: Duplicate[] = [];
  for (const identity of await deps.store.duplicates.identities(actor.accountId)) {
    const match = index.matchIdentity(identity);
    if (match) {
      const { id: contactId, displayName } = identity;
      found.push({
        contactId,
        displayName,
        duplicateOfId: match.contactId,
        duplicateOfName: match.displayName,
        by: match.by,
      });
    }
    index.add(identity);
  }
  return found;
}
