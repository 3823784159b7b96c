import { type Actor, requireRole } from "../accounts/roles.ts";
import { asksMetThrough, introducersMetBy } from "../asks/ask-moves.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import { sentTemplateOf } from "../messages/sent-template.ts";
import { moveCheckInsAfterTouch } from "../opportunities/check-in-moves.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { pageQuerySchema } from "../shared/pagination.ts";
import { parseInput } from "../shared/validate.ts";
import { scopeOf, sharesContact } from "../shares/scope.ts";
import {
  type Interaction,
  interactionListQuerySchema,
  type LogInteractionInput,
  logInteractionSchema,
  MEANINGFUL_BY_KIND,
  type UpdateInteractionInput,
  updateInteractionSchema,
} from "./schemas.ts";

/**
 * Validates the references and holds those contacts (their due state is written back in the same transaction),
 * with `also` (other contacts the write changes) in the same statement: every contact a write touches is locked in
 * one order, by id, so two writes that touch the same people never wait for each other crosswise.
 */
export async function assertContactsInAccount(
  tx: Repositories,
  accountId: string,
  ids: readonly string[],
  also: readonly string[] = [],
) {
  const unique = [...new Set(ids)];
  const found = await tx.contacts.lockExisting(accountId, [...new Set([...unique, ...also])]);
  const missing = unique.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(`contactIds.${ids.indexOf(unique[missing]!)}`, "no such contact");
  return unique;
}

/**
 * The interaction as it is now, with its contacts (and `also`) held first: a writer takes contacts before the rows
 * it changes (store's row-locks.ts). Read again after the lock, since a concurrent edit or merge may have moved it.
 */
async function lockedInteraction(tx: Repositories, accountId: string, id: string, also: readonly string[] = []) {
  for (;;) {
    const seen = await tx.interactions.findById(accountId, id);
    if (!seen) throw notFound("interaction", id);
    await tx.contacts.lockExisting(accountId, [...seen.contactIds, ...also]);
    const current = await tx.interactions.findById(accountId, id);
    if (!current) throw notFound("interaction", id);
    if (current.contactIds.every((c) => seen.contactIds.includes(c))) return current;
  }
}

/** Logs an interaction and updates each contact's last touch in the same transaction. */
export async function logInteraction(deps: Deps, actor: Actor, input: unknown): Promise<Interaction> {
  requireRole(actor, "editor");
  const data = parseInput(logInteractionSchema, input);
  return deps.store.transaction((tx) => logInteractionIn(deps, tx, actor, data));
}

/**
 * `logInteraction` inside a caller's transaction, on input already checked (a service that logs what it did in
 * the same transaction as its own rows: sending a message and its ledger row).
 */
export async function logInteractionIn(
  deps: Deps,
  tx: Repositories,
  actor: Actor,
  data: LogInteractionInput,
): Promise<Interaction> {
  const nowAt = deps.clock.now().toISOString();
  // The people who introduced anyone this touch meets have their asks moved (`asksMetThrough`): held with them.
  const meaningful = data.meaningful ?? MEANINGFUL_BY_KIND[data.kind];
  const introducers = await introducersMetBy(tx, actor.accountId, { ...data, meaningful });
  const contactIds = await assertContactsInAccount(tx, actor.accountId, data.contactIds, introducers);
  const template = await sentTemplateOf(tx.messageTemplates, actor.accountId, data.templateId);
  const interaction: Interaction = {
    id: deps.ids.newId(),
    contactIds,
    kind: data.kind,
    direction: data.direction,
    occurredAt: data.occurredAt ?? nowAt,
    summary: data.summary ?? "",
    meaningful,
    awaitsReply: data.awaitsReply ?? true,
    source: data.source ?? "manual",
    createdAt: nowAt,
    updatedAt: nowAt,
    ...template,
  };
  await tx.interactions.insert(actor.accountId, interaction);
  const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
  await refreshContacts(tx, ctx, contactIds, { mode: "apply", facts: [interaction] });
  if (interaction.meaningful) await moveCheckInsAfterTouch(tx, ctx, contactIds);
  await asksMetThrough(tx, deps, actor, interaction);
  return interaction;
}

export async function getInteraction(deps: Deps, actor: Actor, id: string): Promise<Interaction> {
  const found = await deps.store.interactions.findById(actor.accountId, id);
  if (!found) throw notFound("interaction", id);
  return found;
}

export async function updateInteraction(deps: Deps, actor: Actor, id: string, input: unknown): Promise<Interaction> {
  requireRole(actor, "editor");
  const patch = parseInput(updateInteractionSchema, input);
  return deps.store.transaction((tx) => updateInteractionIn(deps, tx, actor.accountId, id, patch));
}

/**
 * `updateInteraction` inside a caller's transaction, on a patch already checked (a sync that updates what it logged
 * in the same transaction as its ledger).
 */
export async function updateInteractionIn(
  deps: Deps,
  tx: Repositories,
  accountId: string,
  id: string,
  patch: UpdateInteractionInput,
): Promise<Interaction> {
  const current = await lockedInteraction(tx, accountId, id, patch.contactIds);
  const contactIds = patch.contactIds
    ? await assertContactsInAccount(tx, accountId, patch.contactIds)
    : current.contactIds;
  const next: Interaction = {
    ...current,
    contactIds,
    kind: patch.kind ?? current.kind,
    direction: patch.direction ?? current.direction,
    occurredAt: patch.occurredAt ?? current.occurredAt,
    summary: patch.summary ?? current.summary,
    meaningful: patch.meaningful ?? current.meaningful,
    awaitsReply: patch.awaitsReply ?? current.awaitsReply,
    updatedAt: deps.clock.now().toISOString(),
  };
  await tx.interactions.update(accountId, next);
  const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
  await refreshContacts(tx, ctx, [...current.contactIds, ...contactIds], { mode: "rebuild" });
  if (next.meaningful) await moveCheckInsAfterTouch(tx, ctx, contactIds);
  return next;
}

export async function deleteInteraction(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  await deps.store.transaction((tx) => deleteInteractionIn(deps, tx, actor.accountId, id));
}

/** `deleteInteraction` inside a caller's transaction (a sync removing what it logged, with its ledger row). */
export async function deleteInteractionIn(deps: Deps, tx: Repositories, accountId: string, id: string): Promise<void> {
  const current = await lockedInteraction(tx, accountId, id);
  await tx.interactions.delete(accountId, id);
  const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
  await refreshContacts(tx, ctx, current.contactIds, { mode: "rebuild" });
}

export async function listInteractions(deps: Deps, actor: Actor, query: unknown, page: unknown) {
  const q = parseInput(interactionListQuerySchema, query);
  const p = parseInput(pageQuerySchema, page);
  if (q.contactId) await getContactOrThrow(deps, actor, q.contactId);
  // A coach reads a shared contact's timeline, never the account's whole history.
  else if (scopeOf(actor))
    throw invalid("contactId", "name a contact shared with you: the whole history is not shared");
  return deps.store.interactions.list(actor.accountId, q, p);
}

async function getContactOrThrow(deps: Deps, actor: Actor, contactId: string) {
  const contact = await deps.store.contacts.findById(actor.accountId, contactId);
  if (!contact || !sharesContact(actor, contact.tags)) throw notFound("contact", contactId);
}
