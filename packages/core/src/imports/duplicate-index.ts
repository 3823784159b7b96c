import { type ContactDraft, normalizeEmail, normalizeLinkedIn, toE164 } from "./contact-draft.ts";

/** What duplicate detection needs to know of a contact already in the account. */
export interface ContactIdentity {
  id: string;
  displayName: string;
  companyName: string;
  emails: readonly { address: string }[];
  phones: readonly { number: string }[];
  links: readonly { url: string }[];
}

export type MatchKind = "email" | "linkedin" | "phone" | "name-and-company";

export interface Match {
  contactId: string;
  displayName: string;
  by: MatchKind;
}

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Strong keys, in the order they are trusted: email, LinkedIn profile, E.164 phone. */
function strongKeys(c: Pick<ContactIdentity, "emails" | "phones" | "links">, country: string | null) {
  const keys: [MatchKind, string][] = [];
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

const nameKey = (displayName: string, companyName: string) => `${fold(displayName)}|${fold(companyName)}`;

/**
 * Finds the contact a draft is the same person as. Email, LinkedIn URL and phone are certain matches; the same
 * name at the same company is only a suggestion. Rows added during an import are indexed too, so a file that
 * names someone twice creates one contact.
 */
export class DuplicateIndex {
  private readonly strong = new Map<string, { id: string; name: string }>();
  private readonly byName = new Map<string, { id: string; name: string }>();

  constructor(private readonly country: string | null) {}

  add(c: ContactIdentity): void {
    const entry = { id: c.id, name: c.displayName };
    for (const [kind, value] of strongKeys(c, this.country)) {
      const k = `${kind}:${value}`;
      if (!this.strong.has(k)) this.strong.set(k, entry);
    }
    const nk = nameKey(c.displayName, c.companyName);
    if (!this.byName.has(nk)) this.byName.set(nk, entry);
  }

  /** A contact already indexed against those indexed before it (the "possible duplicates" list). */
  matchIdentity(c: ContactIdentity): Match | null {
    for (const [kind, value] of strongKeys(c, this.country)) {
      const hit = this.strong.get(`${kind}:${value}`);
      if (hit && hit.id !== c.id) return { contactId: hit.id, displayName: hit.name, by: kind };
    }
    const hit = this.byName.get(nameKey(c.displayName, c.companyName));
    return hit && hit.id !== c.id ? { contactId: hit.id, displayName: hit.name, by: "name-and-company" } : null;
  }

  match(d: ContactDraft): Match | null {
    for (const [kind, value] of strongKeys(d, this.country)) {
      const hit = this.strong.get(`${kind}:${value}`);
      if (hit) return { contactId: hit.id, displayName: hit.name, by: kind };
    }
    const hit = this.byName.get(nameKey(`${d.firstName} ${d.lastName}`, d.companyName));
    return hit ? { contactId: hit.id, displayName: hit.name, by: "name-and-company" } : null;
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
