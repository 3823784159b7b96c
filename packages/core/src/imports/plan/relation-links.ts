import { pairKeyOf } from "../../network/relationship-words.ts";
import type { RelationshipKind } from "../../network/schemas.ts";
import { edgeOf, type RelationRef, roleWords } from "../read/relation-columns.ts";

/** A name a row gave, waiting for every row to be in: the row's line and contact, and the reference. */
export interface PendingLink {
  line: number;
  /** The contact the row created, merged into or found already there. */
  contactId: string;
  ref: RelationRef;
}

/** The exact form of a name: Unicode's composed form, spaces collapsed. */
const exactKey = (name: string) => name.normalize("NFC").replace(/\s+/g, " ").trim();

/** A name without case or accents ("José Ñúñez" and "jose nunez" are one). */
const caselessName = (name: string) =>
  name.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();

/** What a name was found to be: one contact, several (never guessed between), or nobody. */
export type NameMatch = { id: string } | { ambiguous: string[] } | null;

/**
 * The people a name can mean: the account's contacts, with the rows of the file as they went in. A name is the
 * contact with exactly that name; else the one with it without case or accents; two or more at either step are
 * ambiguous (a warning, never a guess).
 */
export class NameBook {
  private readonly exact = new Map<string, Set<string>>();
  private readonly folded = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();

  add(contact: { id: string; displayName: string }): void {
    const previous = this.names.get(contact.id);
    if (previous !== undefined) {
      this.exact.get(exactKey(previous))?.delete(contact.id);
      this.folded.get(caselessName(previous))?.delete(contact.id);
    }
    this.names.set(contact.id, contact.displayName);
    const put = (map: Map<string, Set<string>>, key: string) => {
      if (!key) return;
      const ids = map.get(key) ?? new Set<string>();
      ids.add(contact.id);
      map.set(key, ids);
    };
    put(this.exact, exactKey(contact.displayName));
    put(this.folded, caselessName(contact.displayName));
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? "";
  }

  find(name: string): NameMatch {
    for (const ids of [this.exact.get(exactKey(name)), this.folded.get(caselessName(name))]) {
      if (!ids || ids.size === 0) continue;
      if (ids.size === 1) return { id: [...ids][0] as string };
      return { ambiguous: [...ids].map((id) => this.nameOf(id)).sort() };
    }
    return null;
  }
}

export const LINK_STATUSES = ["link", "linked", "not-found", "ambiguous", "self"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** One name's fate: the edge it makes (or that is there already), or why it makes none. */
export interface LinkPlan {
  line: number;
  /** The column or property it came from. */
  field: string;
  name: string;
  /** Who they are to the row's person, in words: "spouse", "introduced by", "mother". */
  role: string;
  status: LinkStatus;
  /** The contact the name is (null when not found or ambiguous). */
  contactId: string | null;
  contactName: string | null;
  /** Why no edge is made, for the row's warnings (null for an edge). */
  message: string | null;
  edge: {
    fromContactId: string;
    toContactId: string;
    kind: RelationshipKind;
    how: string;
    pairKey: string;
  } | null;
}

/**
 * Decides every name a file's rows gave, once all rows are in: the contact each is (`book`), and the relationship
 * it makes with the row's contact. An edge already there (`existing`, by pair key) or made by an earlier name of the
 * file is `linked` (nothing written); a name that is nobody, several people or the row's own person is reported.
 */
export function planLinks(pending: readonly PendingLink[], book: NameBook, existing: ReadonlySet<string>): LinkPlan[] {
  const made = new Set<string>();
  return pending.map(({ line, contactId, ref }): LinkPlan => {
    const base = { line, field: ref.field, name: ref.name, role: roleWords(ref) };
    const said = `${ref.field} "${ref.name}" not linked`;
    const found = book.find(ref.name);
    if (found === null) {
      const message = `${said}: no contact has that name`;
      return { ...base, status: "not-found", contactId: null, contactName: null, message, edge: null };
    }
    if ("ambiguous" in found) {
      const message = `${said}: ${found.ambiguous.length} contacts have that name (${found.ambiguous.join(", ")}); link the right one by hand`;
      return { ...base, status: "ambiguous", contactId: null, contactName: null, message, edge: null };
    }
    const named = { contactId: found.id, contactName: book.nameOf(found.id) };
    if (found.id === contactId) {
      return { ...base, ...named, status: "self", message: `${said}: that is this row's own person`, edge: null };
    }
    const e = edgeOf(contactId, found.id, ref);
    const pairKey = pairKeyOf(e.kind, e.fromContactId, e.toContactId);
    const status = existing.has(pairKey) || made.has(pairKey) ? "linked" : "link";
    made.add(pairKey);
    return { ...base, ...named, status, message: null, edge: { ...e, pairKey } };
  });
}

/** A plan's counts: edges to make, already there, and names that make none. */
export function linkCounts(plans: readonly LinkPlan[]): { created: number; existing: number; unresolved: number } {
  const counts = { created: 0, existing: 0, unresolved: 0 };
  for (const p of plans) {
    if (p.status === "link") counts.created += 1;
    else if (p.status === "linked") counts.existing += 1;
    else counts.unresolved += 1;
  }
  return counts;
}
