import type { Actor } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { FollowUp } from "../follow-ups/schemas.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import type { AskRecord } from "./ask-port.ts";
import { type AskMoves, askMoves } from "./ask-rules.ts";
import type { Ask } from "./schemas.ts";

/** Creates and closes the follow-ups a move asks for, then brings the person's due state up to date. */
export async function applyMoves(
  tx: Repositories,
  deps: Deps,
  actor: Actor,
  ask: AskRecord,
  moves: AskMoves,
  refresh: boolean,
): Promise<void> {
  const nowAt = deps.clock.now().toISOString();
  for (const c of moves.create) {
    const followUp: FollowUp = {
      id: deps.ids.newId(),
      contactId: ask.contactId,
      dueOn: c.dueOn,
      title: c.title,
      notes: "",
      status: "open",
      snoozedUntilOn: null,
      completedAt: null,
      interactionId: null,
      opportunityId: null,
      askId: ask.id,
      askStep: c.step,
      createdAt: nowAt,
      updatedAt: nowAt,
    };
    await tx.followUps.insert(actor.accountId, followUp);
  }
  for (const c of moves.close) {
    const current = await tx.followUps.findById(actor.accountId, c.id);
    if (!current) continue;
    await tx.followUps.update(actor.accountId, {
      ...current,
      status: c.status,
      completedAt: nowAt,
      snoozedUntilOn: null,
      updatedAt: nowAt,
    });
  }
  if (!refresh) return;
  const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
  await refreshContacts(tx, ctx, [ask.contactId], { mode: "stored" });
}

/** Moves an ask to a status, creating and closing the follow-ups the rules say (`ask-rules.ts`). */
export async function moveIn(tx: Repositories, deps: Deps, actor: Actor, ask: AskRecord, to: Ask["status"]) {
  const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
  const person = await tx.contacts.findById(actor.accountId, ask.contactId);
  const existing = await tx.asks.followUpsOf(actor.accountId, [ask.id]);
  const moves = askMoves(ask.status, to, ctx.todayOn, person?.displayName ?? "", existing);
  const nowAt = deps.clock.now().toISOString();
  const next: AskRecord = ask.status === to ? ask : { ...ask, status: to, statusChangedAt: nowAt, updatedAt: nowAt };
  if (next !== ask) await tx.asks.update(actor.accountId, next);
  await applyMoves(tx, deps, actor, next, moves, true);
  return next;
}

/** A touch meets the names of open asks when it is meaningful and not only a message the member sent. */
const meets = (interaction: { kind: string; direction: string; meaningful?: boolean }) =>
  interaction.meaningful !== false && (interaction.direction !== "outbound" || interaction.kind === "meeting");

/**
 * The people asked whose open asks a touch with `contactIds` would move to met: a writer that logs the touch locks
 * them with the touch's contacts, in one statement (one order by id for all), before `asksMetThrough` moves them.
 * Read before the locks; `asksMetThrough` reads again under them.
 */
export async function introducersMetBy(
  tx: Repositories,
  accountId: string,
  interaction: { contactIds: readonly string[]; kind: string; direction: string; meaningful?: boolean },
): Promise<string[]> {
  if (!meets(interaction)) return [];
  const asks = await tx.asks.openAsksNaming(accountId, interaction.contactIds);
  return [...new Set(asks.map((a) => a.contactId))];
}

/**
 * A touch logged with someone an open ask named (named or introduced): the member has met them, so that ask moves
 * to met, with its thank-you and "how it went" (once each). Called inside the transaction that logs the touch, whose
 * writer locked the people asked with the touch's contacts (`introducersMetBy`); a name added since is locked here,
 * all at once. A message the member only sent does not count, a meeting or call does, as does anything that went
 * both ways.
 */
export async function asksMetThrough(
  tx: Repositories,
  deps: Deps,
  actor: Actor,
  interaction: { contactIds: readonly string[]; kind: string; direction: string; meaningful: boolean },
): Promise<void> {
  if (!meets(interaction)) return;
  const asks = await tx.asks.openAsksNaming(actor.accountId, interaction.contactIds);
  if (asks.length === 0) return;
  await tx.contacts.lockExisting(actor.accountId, [...new Set(asks.map((a) => a.contactId))]);
  for (const ask of asks) await moveIn(tx, deps, actor, ask, "met");
}
