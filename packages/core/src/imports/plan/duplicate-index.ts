import { normalizeLinkedIn } from "../read/linkedin.ts";
import type { MatchKind } from "../schemas.ts";
import { type ContactDraft, normalizeEmail, toE164 } from "./contact-draft.ts";
import { companyCore, foldName, nameParts, similarGivenNames } from "./similar-names.ts";

/** What duplicate detection needs to know of a contact already in the account. */
export interface ContactIdentity {
  id: string;
  displayName: string;
  companyName: string;
  emails: readonly { address: string }[];
  phones: readonly { number: string }[];
  links: readonly { url: string }[];
}

export type { MatchKind };

export interface Match {
  contactId: string;
  displayName: string;
  by: MatchKind;
}

type StrongKey = [MatchKind, string];

/** Keys already worked out, by the emails list they came from (a row is matched, then added: the same lists). */
const strongKeysOf = new WeakMap<
  object,
  { phones: object; links: object; country: string | null; keys: StrongKey[] }
>();

/** Strong keys, in the order they are trusted: email, LinkedIn profile, E.164 phone. */
function strongKeys(c: Pick<ContactIdentity, "emails" | "phones" | "links">, country: string | null) {
  const known = strongKeysOf.get(c.emails);
  if (known && known.phones === c.phones && known.links === c.links && known.country === country) return known.keys;
  const keys = readStrongKeys(c, country);
  strongKeysOf.set(c.emails, { phones: c.phones, links: c.links, country, keys });
  return keys;
}

function readStrongKeys(c: Pick<ContactIdentity, "emails" | "phones" | "links">, country: string | null) {
  const keys: StrongKey[] = [];
  for (const e of c.emails) keys.push(["email", normalizeEmail(e.address)]);
  for (const l of c.links) {
    const li = normalizeLinkedIn(l.url);
    if (li) keys.push(["linkedin", li]);
  }
  for (const p of c.phones) {
    const e164 = toE164(p.number, country);
    if (e164) keys.push(["phone", e164]);
  }
  return keys;
}

/**
 * The name keys of a contact: the exact one (folded name and company) and, when the name has a given and a family
 * part and the company a name, the similar-name block (same family name at the same company, its legal form aside).
 */
function nameKeys(displayName: string, companyName: string) {
  if (lastNameKeys.displayName === displayName && lastNameKeys.companyName === companyName) return lastNameKeys.keys;
  const keys = readNameKeys(displayName, companyName);
  lastNameKeys = { displayName, companyName, keys };
  return keys;
}

/** A row is matched and then added under the same name: the keys of the last name asked for are kept. */
let lastNameKeys = { displayName: "", companyName: "", keys: readNameKeys("", "") };

function readNameKeys(displayName: string, companyName: string) {
  const name = foldName(displayName);
  const company = foldName(companyName);
  const parts = nameParts(name);
  const core = parts ? companyCore(company) : "";
  const block = parts && core ? { key: `${parts.family}|${core}`, given: parts.given } : null;
  return { exact: `${name}|${company}`, block };
}

type Entry = { id: string; name: string };

/**
 * Finds the contact a draft is the same person as. Email, LinkedIn URL and phone are certain matches; the same
 * name at the same company, or a similar one, is only a suggestion. Rows added during an import are indexed too,
 * so a file that names someone twice creates one contact.
 */
export class DuplicateIndex {
  private readonly strong = new Map<string, Entry>();
  private readonly byName = new Map<string, Entry>();
  /** Fuzzy matching compares given names only within a block, so it stays linear in the number of contacts. */
  private readonly similar = new Map<string, (Entry & { given: string })[]>();

  constructor(private readonly country: string | null) {}

  add(c: ContactIdentity): void {
    const entry = { id: c.id, name: c.displayName };
    for (const [kind, value] of strongKeys(c, this.country)) {
      const k = `${kind}:${value}`;
      if (!this.strong.has(k)) this.strong.set(k, entry);
    }
    const { exact, block } = nameKeys(c.displayName, c.companyName);
    if (!this.byName.has(exact)) this.byName.set(exact, entry);
    if (block) {
      const list = this.similar.get(block.key) ?? [];
      if (!list.some((x) => x.id === c.id && x.given === block.given)) list.push({ ...entry, given: block.given });
      this.similar.set(block.key, list);
    }
  }

  /** The name-and-company match, else the first contact of the similar-name block (never the contact itself). */
  private byNameOf(displayName: string, companyName: string, selfId: string | null): Match | null {
    const { exact, block } = nameKeys(displayName, companyName);
    const same = this.byName.get(exact);
    if (same && same.id !== selfId) return { contactId: same.id, displayName: same.name, by: "name-and-company" };
    if (!block) return null;
    const hit = this.similar.get(block.key)?.find((x) => x.id !== selfId && similarGivenNames(x.given, block.given));
    return hit ? { contactId: hit.id, displayName: hit.name, by: "similar-name" } : null;
  }

  /** A contact already indexed against those indexed before it (the "possible duplicates" list). */
  matchIdentity(c: ContactIdentity): Match | null {
    for (const [kind, value] of strongKeys(c, this.country)) {
      const hit = this.strong.get(`${kind}:${value}`);
      if (hit && hit.id !== c.id) return { contactId: hit.id, displayName: hit.name, by: kind };
    }
    return this.byNameOf(c.displayName, c.companyName, c.id);
  }

  /** The contact a draft certainly is (same email, LinkedIn profile or phone), if any. */
  strongMatch(d: ContactDraft): Match | null {
    for (const [kind, value] of strongKeys(d, this.country)) {
      const hit = this.strong.get(`${kind}:${value}`);
      if (hit) return { contactId: hit.id, displayName: hit.name, by: kind };
    }
    return null;
  }

  match(d: ContactDraft): Match | null {
    const strong = this.strongMatch(d);
    if (strong) return strong;
    return this.byNameOf(`${d.firstName} ${d.lastName}`, d.companyName, null);
  }
}

export const identityOfDraft = (id: string, d: ContactDraft): ContactIdentity => ({
  id,
  displayName: `${d.firstName} ${d.lastName}`.trim(),
  companyName: d.companyName,
  emails: d.emails,
  phones: d.phones,
  links: d.links,
});
