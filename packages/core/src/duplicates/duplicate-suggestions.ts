import type { Actor } from "../accounts/roles.ts";
import { DuplicateIndex } from "../imports/plan/duplicate-index.ts";
import type { Deps } from "../ports/index.ts";
import type { Duplicate } from "./merge-schemas.ts";

/**
 * Contacts that look like the same person as an earlier one: by email, LinkedIn, phone, or name and company. A pair
 * dismissed as "not the same person" is never suggested again (the contact may still match someone else).
 */
export async function listDuplicates(deps: Deps, actor: Actor): Promise<Duplicate[]> {
  const account = await deps.store.accounts.findById(actor.accountId);
  const index = new DuplicateIndex(account?.country ?? null);
  const notThem = new Map<string, Set<string>>();
  for (const [a, b] of await deps.store.duplicates.dismissedPairs(actor.accountId)) {
    notThem.set(a, (notThem.get(a) ?? new Set()).add(b));
    notThem.set(b, (notThem.get(b) ?? new Set()).add(a));
  }
  const found: Duplicate[] = [];
  for (const identity of await deps.store.duplicates.identities(actor.accountId)) {
    const match = index.matchIdentity(identity, notThem.get(identity.id));
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
