import ICAL from "ical.js";
import type { Contact } from "../contacts/schemas.ts";

type Params = Record<string, string>;

function add(card: ICAL.Component, name: string, value: string | string[], params: Params = {}, type?: string) {
  const prop = new ICAL.Property(name, card);
  if (type) prop.resetType(type);
  if (Array.isArray(value)) prop.setValue(value as never);
  else prop.setValue(value);
  for (const [k, v] of Object.entries(params)) prop.setParameter(k, v);
  card.addProperty(prop);
}

const labelParams = (label: string | undefined): Params => (label ? { type: label.toLowerCase() } : {});

const pad = (n: number) => String(n).padStart(2, "0");

/** RFC 6350 dates: `19750415`, or `--0802` when the year is not known. */
const vcardDate = (b: NonNullable<Contact["birthday"]>) =>
  `${b.year != null ? String(b.year).padStart(4, "0") : "--"}${pad(b.month)}${pad(b.day)}`;

function cardOf(c: Contact, companyName: string): ICAL.Component {
  const card = new ICAL.Component("vcard");
  add(card, "version", "4.0");
  add(card, "fn", c.displayName || c.firstName);
  add(card, "n", [c.lastName, c.firstName, "", "", ""]);
  for (const e of c.emails) add(card, "email", e.address, labelParams(e.label));
  for (const p of c.phones) {
    const e164 = /^\+\d{6,15}$/.test(p.number);
    add(card, "tel", e164 ? `tel:${p.number}` : p.number, labelParams(p.label), e164 ? "uri" : "text");
  }
  for (const l of c.links) add(card, "url", l.url, labelParams(l.label));
  if (companyName) add(card, "org", companyName);
  if (c.title) add(card, "title", c.title);
  if (c.tags.length > 0) {
    const prop = new ICAL.Property("categories", card);
    prop.setValues(c.tags);
    card.addProperty(prop);
  }
  if (c.birthday) add(card, "bday", vcardDate(c.birthday), {}, "date-and-or-time");
  if (c.notes) add(card, "note", c.notes);
  add(card, "uid", `urn:kith:contact:${c.id}`);
  return card;
}

/** vCard 4.0 (RFC 6350) of every contact, written by ical.js so escaping and line folding are right. */
export function contactsToVcard(contacts: readonly Contact[], companyNames: ReadonlyMap<string, string>): string {
  return contacts
    .map((c) => cardOf(c, c.companyId ? (companyNames.get(c.companyId) ?? "") : "").toString())
    .join("\r\n")
    .concat("\r\n");
}
