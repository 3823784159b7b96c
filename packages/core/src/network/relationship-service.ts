import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { readEdge } from "./relationship-words.ts";
import {
  addRelationshipSchema,
  CONTACT_RELATIONSHIPS_MAX,
  type ContactRelationship,
  type Relationship,
  STRENGTH_DEFAULT,
  updateRelationshipSchema,
} from "./schemas.ts";

/** The two ends must be contacts of the account (another account's id reads as missing), and not the same one. */
async function checkEnds(tx: Repositories, accountId: string, fromContactId: string, toContactId: string) {
  if (fromContactId === toContactId) throw invalid("toContactId", "must be another contact than fromContactId");
  const held = await tx.contacts.lockExisting(accountId, [fromContactId, toContactId]);
  if (!held.has(fromContactId)) throw notFound("contact", fromContactId);
  if (!held.has(toContactId)) throw notFound("contact", toContactId);
}

/**
 * Stores an edge inside a caller's transaction (an ask's name uses it too): a self-loop is refused, and a second
 * edge of the same kind between the same two people is a conflict.
 */
export async function addRelationshipIn(
  tx: Repositories,
  accountId: string,
  relationship: Omit<Relationship, "createdAt" | "updatedAt">,
  nowAt: string,
): Promise<Relationship> {
  await checkEnds(tx, accountId, relationship.fromContactId, relationship.toContactId);
  const stored: Relationship = { ...relationship, createdAt: nowAt, updatedAt: nowAt };
  if (!(await tx.relationships.insert(accountId, stored))) {
    throw conflict(`these two contacts already have a "${relationship.kind}" relationship`);
  }
  return stored;
}

export async function addRelationship(deps: Deps, actor: Actor, input: unknown): Promise<Relationship> {
  requireRole(actor, "editor");
  const data = parseInput(addRelationshipSchema, input);
  const nowAt = deps.clock.now().toISOString();
  return deps.store.transaction((tx) =>
    addRelationshipIn(
      tx,
      actor.accountId,
      {
        id: deps.ids.newId(),
        fromContactId: data.fromContactId,
        toContactId: data.toContactId,
        kind: data.kind,
        how: data.how ?? "",
        strength: data.strength ?? STRENGTH_DEFAULT,
        sinceOn: data.sinceOn ?? null,
      },
      nowAt,
    ),
  );
}

export async function updateRelationship(deps: Deps, actor: Actor, id: string, input: unknown): Promise<Relationship> {
  requireRole(actor, "editor");
  const data = parseInput(updateRelationshipSchema, input);
  return deps.store.transaction(async (tx) => {
    const current = await tx.relationships.findById(actor.accountId, id);
    if (!current) throw notFound("relationship", id);
    const next: Relationship = {
      ...current,
      how: data.how ?? current.how,
      strength: data.strength ?? current.strength,
      sinceOn: data.sinceOn !== undefined ? data.sinceOn : current.sinceOn,
      updatedAt: deps.clock.now().toISOString(),
    };
    await tx.relationships.update(actor.accountId, next);
    return next;
  });
}

export async function deleteRelationship(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  if (!(await deps.store.relationships.delete(actor.accountId, id))) throw notFound("relationship", id);
}

/** A contact's relationships, each read from its side ("Ana is Leo's parent"), newest first. */
export async function contactRelationships(
  deps: Deps,
  actor: Actor,
  contactId: string,
): Promise<ContactRelationship[]> {
  requireRole(actor, "viewer");
  const contact = await deps.store.contacts.findById(actor.accountId, contactId);
  if (!contact) throw notFound("contact", contactId);
  const edges = await deps.store.relationships.listForContact(actor.accountId, contactId, CONTACT_RELATIONSHIPS_MAX);
  const others = edges.map((e) => (e.fromContactId === contactId ? e.toContactId : e.fromContactId));
  const people = await deps.store.network.people(actor.accountId, [...new Set(others)]);
  return edges.map((e, i) => {
    const otherId = others[i] ?? "";
    const otherName = people.get(otherId)?.displayName ?? "";
    const names =
      e.fromContactId === contactId
        ? { from: contact.displayName, to: otherName }
        : { from: otherName, to: contact.displayName };
    return { ...e, other: { id: otherId, displayName: otherName }, ...readEdge(e, names, contactId) };
  });
}
