import type { Repositories } from "../ports/index.ts";

/**
 * Last touch and touch count are derived from interactions, never typed. Every change to interactions calls
 * this inside the same transaction, for each contact the change touched (before and after an edit), so the
 * stored, indexed state is never stale. Recomputing from the index (rather than adding and subtracting) keeps
 * edits and deletes exact.
 */
export async function refreshContactState(
  tx: Repositories,
  accountId: string,
  contactIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(contactIds)];
  if (unique.length === 0) return;
  const stats = await tx.interactions.touchStats(accountId, unique);
  const byId = new Map(stats.map((s) => [s.contactId, s]));
  for (const contactId of unique) {
    const s = byId.get(contactId);
    await tx.contacts.setTouchState(accountId, contactId, {
      lastTouchAt: s?.lastTouchAt ?? null,
      touchCount: s?.touchCount ?? 0,
    });
  }
}
