import { type Actor, requireRole } from "../accounts/roles.ts";
import { freshEngineContext } from "../due-state/catch-up.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { type Page, type PageQuery, pageQuerySchema } from "../shared/pagination.ts";
import { parseInput } from "../shared/validate.ts";
import { sharedTags, sharesContact } from "../shares/scope.ts";
import { dedupe, newContact } from "./new-contact.ts";
import {
  type Contact,
  type CreateContactInput,
  contactListQuerySchema,
  createContactSchema,
  displayNameOf,
  NO_NAME_MESSAGE,
  updateContactSchema,
} from "./schemas.ts";

async function assertCompanyInAccount(tx: Repositories, accountId: string, companyId: string | null | undefined) {
  if (companyId == null) return;
  if (!(await tx.companies.findById(accountId, companyId))) throw invalid("companyId", "no such company");
}

/**
 * The contact as it is now, held until the transaction ends: for a transaction that writes it back (its fields or
 * its due state), so a concurrent writer waits instead of being overwritten.
 */
export async function lockedContact(tx: Repositories, accountId: string, id: string): Promise<Contact> {
  await tx.contacts.lockExisting(accountId, [id]);
  const contact = await tx.contacts.findById(accountId, id);
  if (!contact) throw notFound("contact", id);
  return contact;
}

export async function createContact(deps: Deps, actor: Actor, input: unknown): Promise<Contact> {
  requireRole(actor, "editor");
  const data = parseInput(createContactSchema, input);
  return deps.store.transaction((tx) => createContactIn(tx, deps, actor, data));
}

/** Stores a new contact inside a caller's transaction (an ask's name received creates one too). */
export async function createContactIn(
  tx: Repositories,
  deps: Deps,
  actor: Actor,
  data: CreateContactInput,
): Promise<Contact> {
  const contact = newContact(deps.ids.newId(), data, deps.clock.now().toISOString());
  await assertCompanyInAccount(tx, actor.accountId, contact.companyId);
  await tx.contacts.insert(actor.accountId, contact);
  return refreshed(tx, deps, actor, contact.id, { circle: contact.circle });
}

/** Reads bring aged due state up to date first, so a contact never shows yesterday's "next due". */
export async function getContact(deps: Deps, actor: Actor, id: string): Promise<Contact> {
  await freshEngineContext(deps, actor.accountId);
  const contact = await deps.store.contacts.findById(actor.accountId, id);
  // A contact not shared with a coach is answered like a missing one: whether it exists is not shared either.
  if (!contact || !sharesContact(actor, contact.tags)) throw notFound("contact", id);
  return contact;
}

export async function updateContact(deps: Deps, actor: Actor, id: string, input: unknown): Promise<Contact> {
  requireRole(actor, "editor");
  const patch = parseInput(updateContactSchema, input);
  return deps.store.transaction(async (tx) => {
    const current = await lockedContact(tx, actor.accountId, id);
    if (patch.companyId !== undefined) await assertCompanyInAccount(tx, actor.accountId, patch.companyId);
    const next: Contact = {
      ...current,
      ...definedOnly(patch),
      tags: patch.tags ? dedupe(patch.tags) : current.tags,
      interests: patch.interests ? dedupe(patch.interests) : current.interests,
      updatedAt: deps.clock.now().toISOString(),
    };
    next.displayName = displayNameOf(next);
    if (!next.displayName) throw invalid("firstName", NO_NAME_MESSAGE);
    await tx.contacts.update(actor.accountId, next);
    return refreshed(tx, deps, actor, id, { circle: patch.circle });
  });
}

/** Archiving hides a contact from lists and reminders but keeps every interaction; it can be undone. */
export async function setContactArchived(deps: Deps, actor: Actor, id: string, archived: boolean): Promise<Contact> {
  requireRole(actor, "editor");
  return deps.store.transaction(async (tx) => {
    const current = await lockedContact(tx, actor.accountId, id);
    const nowAt = deps.clock.now().toISOString();
    const next: Contact = { ...current, archivedAt: archived ? (current.archivedAt ?? nowAt) : null, updatedAt: nowAt };
    await tx.contacts.update(actor.accountId, next);
    return refreshed(tx, deps, actor, id);
  });
}

/** Hard delete exists for privacy requests only; the owner decides. */
export async function deleteContact(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "owner");
  // Held first, as every writer does: the delete then never holds the account row (habit triggers) while waiting.
  const removed = await deps.store.transaction(async (tx) => {
    await tx.contacts.lockExisting(actor.accountId, [id]);
    return tx.contacts.hardDelete(actor.accountId, id);
  });
  if (!removed) throw notFound("contact", id);
}

/**
 * A page of contact summaries (what a list shows; see `contactSummarySchema`), filtered, searched and sorted. The
 * services that use every field of the contacts they page through take `listWholeContacts`.
 */
export async function listContacts(deps: Deps, actor: Actor, query: unknown, page: unknown) {
  const q = parseInput(contactListQuerySchema, query);
  const p: PageQuery = parseInput(pageQuerySchema, page);
  const ctx = await freshEngineContext(deps, actor.accountId);
  const onlyTags = sharedTags(actor);
  return deps.store.contacts.list(
    actor.accountId,
    { ...q, connectionTarget: ctx.settings.engine.connectionTarget, ...(onlyTags ? { onlyTags } : {}) },
    p,
  );
}

/**
 * `listContacts`'s page with each contact whole (read by primary key after the page): for an export, a campaign's
 * recipients, the calendar's birthdays. A contact deleted between the two reads is left out of the page.
 */
export async function listWholeContacts(
  deps: Deps,
  actor: Actor,
  query: unknown,
  page: unknown,
): Promise<Page<Contact> & { total: number | null }> {
  const summaries = await listContacts(deps, actor, query, page);
  const ids = summaries.items.map((c) => c.id);
  return { ...summaries, items: await deps.store.contacts.findMany(actor.accountId, ids) };
}

/** Recomputes the contact's due state in the same transaction and returns the contact as stored. */
export async function refreshed(
  tx: Repositories,
  deps: Deps,
  actor: Actor,
  id: string,
  given: { circle?: string | undefined } = {},
): Promise<Contact> {
  const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
  // A circle the account does not have is the caller's mistake (400), not the engine's (which would throw).
  if (given.circle !== undefined && !Object.hasOwn(ctx.settings.engine.circles, given.circle)) {
    throw invalid(
      "circle",
      `is not one of this account's circles (${Object.keys(ctx.settings.engine.circles).join(", ")})`,
    );
  }
  await refreshContacts(tx, ctx, [id], { mode: "stored" });
  const stored = await tx.contacts.findById(actor.accountId, id);
  if (!stored) throw notFound("contact", id);
  return stored;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
