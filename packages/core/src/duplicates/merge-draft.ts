import type { Contact } from "../contacts/schemas.ts";
import { type ContactDraft, caselessKey, normalizeEmail, toE164 } from "../imports/plan/contact-draft.ts";
import { isConnectedOnNote, normalizeLinkedIn } from "../imports/read/linkedin.ts";

const MAX_ENTRIES = 20;
/** A contact keeps 50 interests (the contact schema's limit). */
const MAX_INTERESTS = 50;

function unionBy<T>(current: readonly T[], extra: readonly T[], key: (x: T) => string, max = MAX_ENTRIES): T[] {
  const seen = new Set(current.map(key));
  const added = extra.filter((x) => !seen.has(key(x)) && seen.add(key(x)));
  return [...current, ...added].slice(0, Math.max(max, current.length));
}

/**
 * What an import row adds to a contact that is already there: every email, phone, link, tag and interest it lacks
 * (interests without case or accents: "Cyclíng" is "cycling"), and title, company, birthday, how you met or notes
 * where the contact has none. Nothing the user typed is overwritten: a how-we-met is filled only when empty or when
 * it is the "Connected on LinkedIn on …" line an earlier import wrote.
 */
export function mergeDraftInto(
  contact: Contact,
  d: ContactDraft,
  companyId: string | null,
  country: string | null,
): { next: Contact; added: string[] } {
  const next: Contact = {
    ...contact,
    emails: unionBy(contact.emails, d.emails, (e) => normalizeEmail(e.address)),
    phones: unionBy(contact.phones, d.phones, (p) => toE164(p.number, country) ?? p.number),
    links: unionBy(contact.links, d.links, (l) => normalizeLinkedIn(l.url) ?? l.url),
    tags: unionBy(contact.tags, d.tags, (t) => t.toLowerCase()),
    interests: unionBy(contact.interests, d.interests, caselessKey, MAX_INTERESTS),
    howWeMet: d.howWeMet && (!contact.howWeMet || isConnectedOnNote(contact.howWeMet)) ? d.howWeMet : contact.howWeMet,
    title: contact.title || d.title,
    companyId: contact.companyId ?? companyId,
    birthday: contact.birthday ?? d.birthday,
    dates: unionBy(contact.dates, d.dates, (x) => [x.kind, (x.label ?? "").toLowerCase(), x.month, x.day].join("|")),
    notes:
      !d.notes || contact.notes.includes(d.notes)
        ? contact.notes
        : [contact.notes, d.notes].filter(Boolean).join("\n\n"),
  };
  const fields = [
    "emails",
    "phones",
    "links",
    "tags",
    "interests",
    "title",
    "companyId",
    "birthday",
    "dates",
    "howWeMet",
    "notes",
  ] as const;
  const added = fields.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(contact[k]));
  return { next, added };
}
