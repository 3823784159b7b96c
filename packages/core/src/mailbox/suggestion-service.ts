import { type Actor, requireRole } from "../accounts/roles.ts";
import { refreshed } from "../contacts/contact-service.ts";
import { newContact } from "../contacts/new-contact.ts";
import { createContactSchema } from "../contacts/schemas.ts";
import { logInteractionIn, updateInteractionIn } from "../interactions/interaction-service.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { ContactEmailIndex, normalAddress } from "./classify-message.ts";
import { SUGGESTION_MIN_COUNT } from "./mailbox-service.ts";
import { acceptSuggestionSchema, type Suggestion, suggestionParamsSchema } from "./schemas.ts";

/**
 * Frequent unknown correspondents of the member's mailbox ("add as contact?"), most messages first: at least two
 * messages, not dismissed, and not (any longer) an address of a contact.
 */
export async function listSuggestions(deps: Deps, actor: Actor): Promise<Suggestion[]> {
  const rows = await deps.store.mailbox.correspondents(actor.accountId, actor.userId, SUGGESTION_MIN_COUNT, 200);
  const index = new ContactEmailIndex(await deps.store.mailbox.contactEmails(actor.accountId));
  return rows.filter((r) => index.contactsOf(r.address).length === 0).slice(0, 100);
}

/** A name from the header ("Zoë Ångström" → Zoë / Ångström), else the address's local part. */
function nameOf(name: string | null, address: string): { firstName: string; lastName?: string } {
  const words = (name ?? "").replace(/["']/g, "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: address.split("@")[0]!.slice(0, 100) };
  if (words.length === 1) return { firstName: words[0]!.slice(0, 100) };
  return { firstName: words.slice(0, -1).join(" ").slice(0, 100), lastName: words.at(-1)!.slice(0, 100) };
}

/**
 * Accepting in one transaction: the contact made with the address, each of its captured messages logged to it
 * (a message already logged to other contacts gains it as one more participant), the suggestion gone.
 */
async function acceptIn(
  deps: Deps,
  tx: Repositories,
  actor: Actor,
  address: string,
  given: { firstName?: string | undefined; lastName?: string | undefined },
): Promise<{ contactId: string; logged: number }> {
  const messages = await tx.mailbox.correspondentMessages(actor.accountId, actor.userId, address);
  if (messages.length === 0) throw notFound("suggestion", address);
  const name = given.firstName || given.lastName ? given : nameOf(messages.find((m) => m.name)?.name ?? null, address);
  const data = parseInput(createContactSchema, { ...name, emails: [{ address }] });
  const nowAt = deps.clock.now().toISOString();
  const contact = newContact(deps.ids.newId(), data, nowAt);
  await tx.contacts.insert(actor.accountId, contact);
  let logged = 0;
  for (const m of messages) {
    const existing = await tx.mailbox.messageInteraction(actor.accountId, m.messageId);
    const current = existing ? await tx.interactions.findById(actor.accountId, existing) : null;
    if (current) {
      if (current.contactIds.includes(contact.id) || current.contactIds.length >= 50) continue;
      await updateInteractionIn(deps, tx, actor.accountId, current.id, {
        contactIds: [...current.contactIds, contact.id],
      });
    } else {
      const interaction = await logInteractionIn(deps, tx, actor, {
        contactIds: [contact.id],
        kind: "email",
        direction: m.direction,
        occurredAt: m.occurredAt,
        summary: m.subject,
        source: "mailbox",
      });
      await tx.mailbox.linkMessage(actor.accountId, m.messageId, interaction.id);
    }
    logged += 1;
  }
  await tx.mailbox.forgetCorrespondent(actor.accountId, actor.userId, address);
  await refreshed(tx, deps, actor, contact.id);
  return { contactId: contact.id, logged };
}

export async function acceptSuggestion(deps: Deps, actor: Actor, params: unknown, input: unknown) {
  requireRole(actor, "editor");
  const { address } = parseInput(suggestionParamsSchema, params);
  const given = parseInput(acceptSuggestionSchema, input ?? {});
  return deps.store.transaction((tx) => acceptIn(deps, tx, actor, normalAddress(address), given));
}

export async function dismissSuggestion(deps: Deps, actor: Actor, params: unknown): Promise<void> {
  requireRole(actor, "editor");
  const { address } = parseInput(suggestionParamsSchema, params);
  const key = normalAddress(address);
  const messages = await deps.store.mailbox.correspondentMessages(actor.accountId, actor.userId, key);
  if (messages.length === 0) throw notFound("suggestion", address);
  await deps.store.mailbox.dismiss(actor.accountId, actor.userId, key, deps.clock.now().toISOString());
}

/** The member opted in to auto-create: every open suggestion becomes a contact. Answers the messages logged. */
export async function autoAcceptSuggestions(deps: Deps, actor: Actor): Promise<number> {
  let logged = 0;
  for (const s of await listSuggestions(deps, actor)) {
    logged += (await deps.store.transaction((tx) => acceptIn(deps, tx, actor, s.address, {}))).logged;
  }
  return logged;
}
