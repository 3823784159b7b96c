import { type Contact, DomainError } from "@kith/core";
import type { KithClient } from "../client/kith-client.ts";
import { renderTable } from "../output/table.ts";

const ID_LIKE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_CANDIDATES = 10;

async function byId(client: KithClient, ref: string): Promise<Contact | null> {
  if (!ID_LIKE.test(ref)) return null;
  try {
    return await client.getContact(ref);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  }
}

/**
 * `<contact>` is an id or a search that must match exactly one contact (then read whole: a search answers with
 * summaries). With several matches the candidates go to stderr and the command fails: guessing whom a call was
 * with would put the touch on the wrong person.
 */
export async function resolveContact(client: KithClient, ref: string, warn: (text: string) => void): Promise<Contact> {
  const found = await byId(client, ref);
  if (found) return found;
  const page = await client.listContacts({ q: ref }, { limit: MAX_CANDIDATES });
  const [first, ...others] = page.items;
  if (!first) throw new DomainError("not_found", `no contact matches "${ref}"`);
  if (others.length === 0) return client.getContact(first.id);
  const rows = page.items.map((c) => [c.id, c.displayName, c.email ?? "", c.title]);
  warn(`${renderTable(["ID", "NAME", "EMAIL", "TITLE"], rows)}\n`);
  const count = page.nextCursor ? `more than ${page.items.length}` : String(page.items.length);
  throw new DomainError("validation", `"${ref}" matches ${count} contacts; pass one of the ids above`);
}
