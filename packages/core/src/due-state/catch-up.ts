import type { Deps, Repositories } from "../ports/index.ts";
import { type EngineContext, loadEngineContext } from "./engine-context.ts";
import { refreshContacts } from "./refresh-contacts.ts";

const CATCH_UP_BATCH = 500;

/**
 * Recomputes one batch of contacts whose stored due item has aged (a cadence turned overdue, a nudge came due, a
 * setting changed) and returns their ids, or null when none is left. Idempotent: running it twice, or on two
 * instances at once, leaves the same rows.
 */
export async function catchUpDueState(tx: Repositories, ctx: EngineContext, previous = ""): Promise<string[] | null> {
  const ids = await tx.dueState.staleIds(ctx.accountId, ctx.todayOn, CATCH_UP_BATCH);
  // A batch that comes back unchanged would loop forever; the engine never asks for today, so stop.
  if (ids.length === 0 || ids.join() === previous) return null;
  await refreshContacts(tx, ctx, ids, { mode: "stored" });
  return ids;
}

/**
 * The account's engine context with every aged row brought up to date first: what any read of due state (the
 * today list, a contact's next due date) goes through. When nothing has aged it costs one indexed lookup.
 */
export async function freshEngineContext(deps: Deps, accountId: string): Promise<EngineContext> {
  let ctx = await loadEngineContext(deps.store, accountId, deps.clock.now());
  // The common case, nothing aged, needs no transaction; catching up takes one (and rereads the context in it).
  if ((await deps.store.dueState.staleIds(accountId, ctx.todayOn, 1)).length === 0) return ctx;
  // One transaction per batch: each holds its contacts in lock order, and batches (picked by date) taken in one
  // transaction would not be, so a writer holding two of them could wait on it in a circle.
  let previous = "";
  for (;;) {
    const ids = await deps.store.transaction(async (tx) => {
      ctx = await loadEngineContext(tx, accountId, deps.clock.now());
      return catchUpDueState(tx, ctx, previous);
    });
    if (!ids) return ctx;
    previous = ids.join();
  }
}
