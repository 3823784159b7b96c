import { type Actor, requireRole } from "../accounts/roles.ts";
import { type Contact, contactFieldsSchema } from "../contacts/schemas.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { type ContactMergeRecord, type MergeResult, mergeContactsSchema } from "./merge-schemas.ts";
import { moveHistory, moveNetwork, movePhoto, putNetworkBack, putPhotoBack, unionContacts } from "./merge-steps.ts";

async function contactOrThrow(tx: Repositories, accountId: string, id: string): Promise<Contact> {
  const contact = await tx.contacts.findById(accountId, id);
  if (!contact) throw notFound("contact", id);
  return contact;
}

async function refreshed(tx: Repositories, deps: Deps, accountId: string, ids: string[]): Promise<void> {
  const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
  await refreshContacts(tx, ctx, ids, { mode: "rebuild" });
}

/** The lists and texts a merge adds up, with the limits every contact keeps. */
const unionLimits = contactFieldsSchema.pick({
  ...{ emails: true, phones: true, links: true, tags: true, interests: true, howWeMet: true, notes: true },
});

/**
 * The merged contact must be one the API would store (and a backup restore): a union past a limit (25 emails, 60
 * tags, notes over 100,000 characters) is refused, naming the field, and the person removes some first.
 */
function withinLimits(c: Contact): Contact {
  const { emails, phones, links, tags, interests, howWeMet, notes } = c;
  const result = unionLimits.safeParse({ emails, phones, links, tags, interests, howWeMet, notes });
  if (result.success) return c;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? "contact");
  throw invalid(
    field,
    `the merged contact would be too long here (${issue?.message}); remove some from one of them first`,
  );
}

/**
 * Folds one contact into another: every email, phone, link, tag, interest and note is kept, interactions and
 * follow-ups move over, and the merged contact goes. The merge is recorded, so undo puts everything back (its
 * "not the same person" pairs too). A pair dismissed as not the same person may still be merged.
 */
export async function mergeContacts(deps: Deps, actor: Actor, input: unknown): Promise<MergeResult> {
  requireRole(actor, "editor");
  const { keepId, mergeId } = parseInput(mergeContactsSchema, input);
  if (keepId === mergeId) throw invalid("mergeId", "is the contact being kept");
  return deps.store.transaction(async (tx) => {
    // Both held (in lock order) before either is read: each is written back, and their history moves.
    await tx.contacts.lockExisting(actor.accountId, [keepId, mergeId]);
    const kept = await contactOrThrow(tx, actor.accountId, keepId);
    const merged = await contactOrThrow(tx, actor.accountId, mergeId);
    const nowAt = deps.clock.now().toISOString();
    const union = withinLimits(unionContacts(kept, merged));
    const moved = await moveHistory(tx, actor.accountId, merged.id, kept.id);
    const photo = await movePhoto(tx, actor.accountId, merged.id, kept.id);
    const network = await moveNetwork(tx, actor.accountId, merged.id, kept.id);
    // Its "not the same person" pairs go with it (the rows cascade); the record keeps them for undo.
    const dismissals = (await tx.duplicates.dismissedPairs(actor.accountId)).filter((p) => p.includes(merged.id));
    await tx.contacts.hardDelete(actor.accountId, merged.id);
    await tx.contacts.update(actor.accountId, { ...union, updatedAt: nowAt });
    await refreshed(tx, deps, actor.accountId, [kept.id]);
    const record: ContactMergeRecord = {
      ...{ id: deps.ids.newId(), keptId: kept.id, mergedId: merged.id, keptBefore: kept, mergedBefore: merged },
      ...{ interactions: moved.interactions, followUpIds: moved.followUpIds, keptUpdatedAt: nowAt, ...photo },
      dismissals,
      network,
      ...{ mergedAt: nowAt, undoneAt: null },
    };
    await tx.duplicates.insertMerge(actor.accountId, record);
    return { mergeId: record.id, contact: await contactOrThrow(tx, actor.accountId, kept.id) };
  });
}

/** The merged contact's "not the same person" pairs again, with each other contact still there. */
async function putDismissalsBack(tx: Repositories, accountId: string, record: ContactMergeRecord, at: string) {
  for (const [a, b] of record.dismissals ?? []) {
    const other = a === record.mergedId ? b : a;
    if (await tx.contacts.findById(accountId, other)) await tx.duplicates.insertDismissal(accountId, a, b, at);
  }
}

/** Puts both contacts back as they were before the merge, with their own interactions and follow-ups. */
export async function undoMerge(deps: Deps, actor: Actor, mergeId: string): Promise<Contact[]> {
  requireRole(actor, "editor");
  return deps.store.transaction(async (tx) => {
    const seen = await tx.duplicates.findMerge(actor.accountId, mergeId);
    if (!seen) throw notFound("merge", mergeId);
    // The contacts first, then the record read again: a concurrent undo of the same merge has finished by then.
    await tx.contacts.lockExisting(actor.accountId, [seen.keptId, seen.mergedId]);
    const record = await tx.duplicates.findMerge(actor.accountId, mergeId);
    if (!record) throw notFound("merge", mergeId);
    if (record.undoneAt) throw conflict("this merge has already been undone");
    const kept = await contactOrThrow(tx, actor.accountId, record.keptId);
    if (kept.updatedAt !== record.keptUpdatedAt) {
      throw conflict(`${kept.displayName} changed after the merge; undo would lose those changes`);
    }
    // The photo comes back with putPhotoBack; a record from before dates has none.
    const mergedBefore = { ...record.mergedBefore, dates: record.mergedBefore.dates ?? [], photoUpdatedAt: null };
    await tx.contacts.insert(actor.accountId, mergedBefore);
    await tx.contacts.update(actor.accountId, { ...record.keptBefore, dates: record.keptBefore.dates ?? [] });
    await putPhotoBack(tx, actor.accountId, record);
    await putNetworkBack(tx, actor.accountId, record);
    for (const { id, contactIds } of record.interactions) {
      const interaction = await tx.interactions.findById(actor.accountId, id);
      if (interaction) await tx.interactions.update(actor.accountId, { ...interaction, contactIds });
    }
    for (const id of record.followUpIds) {
      const followUp = await tx.followUps.findById(actor.accountId, id);
      if (followUp) await tx.followUps.update(actor.accountId, { ...followUp, contactId: record.mergedId });
    }
    await putDismissalsBack(tx, actor.accountId, record, deps.clock.now().toISOString());
    await tx.duplicates.markMergeUndone(actor.accountId, mergeId, deps.clock.now().toISOString());
    await refreshed(tx, deps, actor.accountId, [record.keptId, record.mergedId]);
    return [
      await contactOrThrow(tx, actor.accountId, record.keptId),
      await contactOrThrow(tx, actor.accountId, record.mergedId),
    ];
  });
}
