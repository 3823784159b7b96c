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

type IdentityKind = "linkedin" | "email" | "phone";

/** A person's identity keys: their LinkedIn profile(s), emails and E.164 phones, each in its one form. */
interface Keys {
  linkedin: Set<string>;
  email: Set<string>;
  phone: Set<string>;
}

/** Keys already worked out, by the emails list they came from (a row is matched, then added: the same lists). */
const keysOf = new WeakMap<object, { phones: object; links: object; country: string | null; keys: Keys }>();

/** Identity keys, in the order they are trusted: LinkedIn profile, email, E.164 phone. */
function identityKeys(c: Pick<ContactIdentity, "emails" | "phones" | "links">, country: string | null): Keys {
  const known = keysOf.get(c.emails);
  if (known && known.phones === c.phones && known.links === c.links && known.country === country) return known.keys;
  const keys = readKeys(c, country);
  keysOf.set(c.emails, { phones: c.phones, links: c.links, country, keys });
  return keys;
}

function readKeys(c: Pick<ContactIdentity, "emails" | "phones" | "links">, country: string | null): Keys {
  const keys: Keys = { linkedin: new Set(), email: new Set(), phone: new Set() };
  for (const l of c.links) {
    const li = normalizeLinkedIn(l.url);
    if (li) keys.linkedin.add(li);
  }
  for (const e of c.emails) keys.email.add(normalizeEmail(e.address));
  for (const p of c.phones) {
    const e164 = toE164(p.number, country);
    if (e164) keys.phone.add(e164);
  }
  return keys;
}

const IDENTITY_KINDS: readonly IdentityKind[] = ["linkedin", "email", "phone"];

const disjoint = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

/**
 * Whether two people are known to be different although they matched `by` one thing: two different LinkedIn
 * profiles are two people (unless the match is the profile itself), and so are two people who both have emails
 * and share none — unless an email or the profile is what matched (a work address and a home address are one
 * person's when their profile says so). A shared phone or a shared name never outweighs either.
 */
function knownDifferent(a: Keys, b: Keys, by: MatchKind): boolean {
  if (by === "linkedin") return false;
  if (disjoint(a.linkedin, b.linkedin)) return true;
  if (by === "email") return false;
  return disjoint(a.email, b.email);
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
  return { exact: name ? `${name}|${company}` : "", block };
}

/** Contacts someone is known not to be (dismissed as "not the same person"). */
type Others = ReadonlySet<string>;
const NO_ONE: Others = new Set();

/** One person in the index: their name and every identity key known for them so far (it grows with merges). */
type Entry = { id: string; name: string; keys: Keys };

/**
 * Who a row or contact is. **Identity, then similarity**: a LinkedIn profile, an email or an E.164 phone shared
 * with someone decides that it is the same person (unless the two are known to be different: other profiles, or
 * only other emails); the same or a similar name at the same company is only a suggestion, and none is made for
 * two people known to be different. Rows added during an import are indexed too, so within one file the same
 * rules hold between rows.
 */
export class DuplicateIndex {
  private readonly strong = new Map<string, Entry>();
  private readonly people = new Map<string, Entry>();
  private readonly byName = new Map<string, Entry[]>();
  /** Fuzzy matching compares given names only within a block, so it stays linear in the number of contacts. */
  private readonly similar = new Map<string, (Entry & { given: string })[]>();
  /**
   * Which (list, person) pairs the name lists hold already: a handful of names shared by thousands of people at
   * one company made a linear `includes` per add quadratic (seconds of event loop for a 20,000-contact account).
   */
  private readonly listed = new Set<string>();
  /**
   * The same lists, only the people who had no LinkedIn profile when listed (a profile, once known, stays). A row
   * with a profile nobody holds is known to differ from everyone with another profile, so its name match looks
   * only here: scanning thousands of namesakes, each with their own profile, for every row was quadratic.
   */
  private readonly byNameUnprofiled = new Map<string, Entry[]>();
  private readonly similarUnprofiled = new Map<string, (Entry & { given: string })[]>();

  constructor(private readonly country: string | null) {}

  add(c: ContactIdentity): void {
    const keys = identityKeys(c, this.country);
    let entry = this.people.get(c.id);
    if (!entry) {
      entry = { id: c.id, name: c.displayName, keys: { linkedin: new Set(), email: new Set(), phone: new Set() } };
      this.people.set(c.id, entry);
    }
    for (const kind of IDENTITY_KINDS) {
      for (const value of keys[kind]) {
        entry.keys[kind].add(value);
        const k = `${kind}:${value}`;
        if (!this.strong.has(k)) this.strong.set(k, entry);
      }
    }
    const { exact, block } = nameKeys(c.displayName, c.companyName);
    const unprofiled = entry.keys.linkedin.size === 0;
    if (exact && this.once(`n\u0000${exact}\u0000${c.id}`)) {
      push(this.byName, exact, entry);
      if (unprofiled) push(this.byNameUnprofiled, exact, entry);
    }
    if (block && this.once(`s\u0000${block.key}\u0000${c.id}\u0000${block.given}`)) {
      const listed = { ...entry, given: block.given };
      push(this.similar, block.key, listed);
      if (unprofiled) push(this.similarUnprofiled, block.key, listed);
    }
  }

  /** Whether `key` is new (and now known). */
  private once(key: string): boolean {
    if (this.listed.has(key)) return false;
    this.listed.add(key);
    return true;
  }

  /** The first identity key someone else holds, unless the two are known to be different people. */
  private identityMatch(keys: Keys, selfId: string | null, others: Others = NO_ONE): Match | null {
    for (const kind of IDENTITY_KINDS) {
      for (const value of keys[kind]) {
        const hit = this.strong.get(`${kind}:${value}`);
        if (hit && hit.id !== selfId && !others.has(hit.id) && !knownDifferent(keys, hit.keys, kind)) {
          return { contactId: hit.id, displayName: hit.name, by: kind };
        }
      }
    }
    return null;
  }

  /**
   * The name-and-company match, else the first of the similar-name block: never the contact itself, nor someone
   * known to be a different person.
   */
  private nameMatch(
    keys: Keys,
    displayName: string,
    companyName: string,
    selfId: string | null,
    others: Others = NO_ONE,
  ): Match | null {
    const { exact, block } = nameKeys(displayName, companyName);
    const fits = (e: Entry) =>
      e.id !== selfId && !others.has(e.id) && !knownDifferent(keys, e.keys, "name-and-company");
    // A profile no one holds: everyone listed with a profile is known to be someone else (same answer, fewer looks).
    const newProfile = keys.linkedin.size > 0 && ![...keys.linkedin].some((l) => this.strong.has(`linkedin:${l}`));
    const byName = newProfile ? this.byNameUnprofiled : this.byName;
    const similar = newProfile ? this.similarUnprofiled : this.similar;
    const same = exact ? byName.get(exact)?.find(fits) : undefined;
    if (same) return { contactId: same.id, displayName: same.name, by: "name-and-company" };
    if (!block) return null;
    const hit = similar.get(block.key)?.find((x) => similarGivenNames(x.given, block.given) && fits(x));
    return hit ? { contactId: hit.id, displayName: hit.name, by: "similar-name" } : null;
  }

  /**
   * A contact already indexed against those indexed before it (the "possible duplicates" list), never one of
   * `others`: the contacts the member said this one is not.
   */
  matchIdentity(c: ContactIdentity, others: Others = NO_ONE): Match | null {
    const keys = identityKeys(c, this.country);
    return this.identityMatch(keys, c.id, others) ?? this.nameMatch(keys, c.displayName, c.companyName, c.id, others);
  }

  /** The person a draft certainly is (the same LinkedIn profile, email or phone), if any. */
  strongMatch(d: ContactDraft): Match | null {
    return this.identityMatch(identityKeys(d, this.country), null);
  }

  /** Someone a draft only looks like: the same or a similar name at the same company, and not known to differ. */
  lookalike(d: ContactDraft): Match | null {
    return this.nameMatch(identityKeys(d, this.country), draftName(d), d.companyName, null);
  }

  /**
   * Someone with the same name at the same company whom the draft is known not to be (another profile or other
   * emails): said in the row's reason, so a reader sees why it was not taken for them.
   */
  namesake(d: ContactDraft): Match | null {
    const { exact } = nameKeys(draftName(d), d.companyName);
    const hit = exact ? this.byName.get(exact)?.[0] : undefined;
    return hit ? { contactId: hit.id, displayName: hit.name, by: "name-and-company" } : null;
  }
}

function push<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

const draftName = (d: ContactDraft) => `${d.firstName} ${d.lastName}`.trim();

export const identityOfDraft = (id: string, d: ContactDraft): ContactIdentity => ({
  id,
  displayName: draftName(d),
  companyName: d.companyName,
  emails: d.emails,
  phones: d.phones,
  links: d.links,
});
