import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { dismissDuplicateSchema } from "./merge-schemas.ts";

/** A pair in its stored order: the smaller id (code-unit order) first, so either order finds the same row. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** Both contacts held (in lock order) and the account's, or the same 404 as a missing contact; two, not one. */
async function bothContacts(tx: Repositories, accountId: string, pair: [string, string]): Promise<void> {
  const held = await tx.contacts.lockExisting(accountId, pair);
  for (const id of pair) if (!held.has(id)) throw notFound("contact", id);
  if (pair[0] === pair[1]) throw invalid("contactIds", "names the same contact twice: give two different contacts");
}

/**
 * "Not the same person": the pair leaves the duplicates list and never returns, through merges undone and later
 * imports, until the member undoes it. A merge of the pair is still allowed (the row goes with the merged contact).
 */
export async function dismissDuplicate(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  requireRole(actor, "editor");
  const { contactIds } = parseInput(dismissDuplicateSchema, input);
  const [a, b] = orderedPair(...contactIds);
  await deps.store.transaction(async (tx) => {
    await bothContacts(tx, actor.accountId, [a, b]);
    await tx.duplicates.insertDismissal(actor.accountId, a, b, deps.clock.now().toISOString());
  });
}

/** Undoes `dismissDuplicate`: the pair may be suggested again. Nothing happens when it was not dismissed. */
export async function undoDismissDuplicate(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  requireRole(actor, "editor");
  const { contactIds } = parseInput(dismissDuplicateSchema, input);
  const [a, b] = orderedPair(...contactIds);
  await deps.store.transaction(async (tx) => {
    await bothContacts(tx, actor.accountId, [a, b]);
    await tx.duplicates.removeDismissal(actor.accountId, a, b);
  });
}
