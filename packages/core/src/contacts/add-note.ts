import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { invalid } from "../shared/errors.ts";
import { localDateOf } from "../time/index.ts";
import { lockedContact } from "./contact-service.ts";
import type { Contact } from "./schemas.ts";

const NOTES_MAX = 100_000;

/**
 * Adds a dated paragraph to the end of a contact's notes (markdown), read under lock and written in one transaction
 * so a concurrent edit is not lost. The date is the account's local date; `source` says where the note came from.
 */
export async function addContactNote(
  deps: Deps,
  actor: Actor,
  contactId: string,
  input: { text: string; source: string },
): Promise<Contact> {
  requireRole(actor, "editor");
  const text = input.text.trim();
  if (text === "") throw invalid("text", "must not be empty");
  return deps.store.transaction(async (tx) => {
    const current = await lockedContact(tx, actor.accountId, contactId);
    const account = await tx.accounts.findById(actor.accountId);
    const nowAt = deps.clock.now().toISOString();
    const on = localDateOf(nowAt, account?.timeZone ?? "UTC");
    const entry = `**${on}** (${input.source}): ${text}`;
    const notes = current.notes.trim() === "" ? entry : `${current.notes.trimEnd()}\n\n${entry}`;
    if (notes.length > NOTES_MAX) throw invalid("notes", `would exceed ${NOTES_MAX} characters`);
    const next: Contact = { ...current, notes, updatedAt: nowAt };
    await tx.contacts.update(actor.accountId, next);
    return next;
  });
}
