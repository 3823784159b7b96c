import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { loadEngineContext } from "./engine-context.ts";
import { refreshContacts } from "./refresh-contacts.ts";

const BATCH = 500;

/**
 * Recomputes every contact's derived state from its whole history (`kith rebuild`). A test proves the result
 * equals what the incremental updates stored; it is also the repair tool if a bug ever let them drift.
 */
export async function rebuildDueState(deps: Deps, actor: Actor): Promise<{ contacts: number }> {
  requireRole(actor, "editor");
  let afterId: string | null = null;
  let count = 0;
  for (;;) {
    const ids = await deps.store.dueState.idsAfter(actor.accountId, afterId, BATCH);
    if (ids.length === 0) return { contacts: count };
    await deps.store.transaction(async (tx) => {
      const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
      await refreshContacts(tx, ctx, ids, { mode: "rebuild" });
    });
    count += ids.length;
    afterId = ids[ids.length - 1] ?? null;
  }
}
