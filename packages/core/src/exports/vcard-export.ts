import ICAL from "ical.js";
import type { ContactPhoto } from "../contacts/contact-photo-port.ts";
import { encodeBase64 } from "../contacts/photo-bytes.ts";
import type { Contact, ContactDate } from "../contacts/schemas.ts";

type Params = Record<string, string>;

function add(card: ICAL.Component, name: string, value: string | string[], params: Params = {}, type?: string) {
  const prop = new ICAL.Property(name, card);
  if (type) prop.resetType(type);
  if (Array.isArray(value)) prop.setValue(value as never);
  else prop.setValue(value);
  for (const [k, v] of Object.entries(params)) prop.setParameter(k, v);
  card.addProperty(prop);
}

/** vCard text escaping (RFC 6350 § 3.4), for a property ical.js does not know and would write as it is. */
const escapeText = (value: string) =>
  value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/;/g, "\\;")
    .replace(/\r\n|\r|\n/g, "\\n");

/** RFC 6715's INTEREST (one a property): ical.js writes unknown properties unescaped, so the value is escaped here. */
function addRaw(card: ICAL.Component, name: string, value: string) {
  const prop = new ICAL.Property(name, card);
  prop.setValue(escapeText(value));
  card.addProperty(prop);
}

const labelParams = (label: string | undefined): Params => (label ? { type: label.toLowerCase() } : {});

const pad = (n: number) => String(n).padStart(2, "0");

/** RFC 6350 dates: `19750415`, or `--0802` when the year is not known. */
const vcardDate = (b: { year?: number | null; month: number; day: number }) =>
  `${b.year != null ? String(b.year).padStart(4, "0") : "--"}${pad(b.month)}${pad(b.day)}`;

/** Links to these networks are social profiles (`X-SOCIALPROFILE;TYPE=linkedin`), the rest URLs. */
const SOCIAL_NETWORKS = new Set(["linkedin", "twitter", "x", "facebook", "instagram", "github", "mastodon", "bluesky"]);

function addLink(card: ICAL.Component, l: Contact["links"][number]) {
  const network = l.label?.toLowerCase();
  if (network && SOCIAL_NETWORKS.has(network)) add(card, "x-socialprofile", l.url, { type: network });
  else add(card, "url", l.url, labelParams(l.label));
}

/**
 * The first anniversary without a label is ANNIVERSARY (vCard 4.0 has one); every other date is Apple's
 * `itemN.X-ABDATE` with its `X-ABLabel` (an anniversary's label `_$!<Anniversary>!$_`, as Apple writes it).
 */
function addDates(card: ICAL.Component, dates: readonly ContactDate[]) {
  const plain = dates.find((d) => d.kind === "anniversary" && !d.label);
  if (plain) add(card, "anniversary", vcardDate(plain), {}, "date-and-or-time");
  let item = 0;
  for (const d of dates) {
    if (d === plain) continue;
    item += 1;
    const group = { group: `item${item}` };
    // Apple's way of a date without a year: the year 1604.
    // An anniversary under its own label ("Wedding") says its kind in TYPE, which Kith reads back.
    const kind: Params = d.kind === "anniversary" && d.label ? { type: "anniversary" } : {};
    add(card, "x-abdate", vcardDate({ ...d, year: d.year ?? 1604 }), { ...group, ...kind });
    add(card, "x-ablabel", d.label || (d.kind === "anniversary" ? "_$!<Anniversary>!$_" : ""), group);
  }
}

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
  for (const l of c.links) addLink(card, l);
  if (companyName) add(card, "org", companyName);
  if (c.title) add(card, "title", c.title);
  if (c.tags.length > 0) {
    const prop = new ICAL.Property("categories", card);
    prop.setValues(c.tags);
    card.addProperty(prop);
  }
  for (const interest of c.interests) addRaw(card, "interest", interest);
  if (c.birthday) add(card, "bday", vcardDate(c.birthday), {}, "date-and-or-time");
  addDates(card, c.dates);
  if (c.notes) add(card, "note", c.notes);
  add(card, "uid", `urn:kith:contact:${c.id}`);
  return card;
}

/** Lines of at most 75 characters, each after the first starting with a space (RFC 6350 folding; ASCII only). */
const fold = (line: string): string => {
  const parts = [line.slice(0, 75)];
  for (let at = 75; at < line.length; at += 74) parts.push(` ${line.slice(at, at + 74)}`);
  return parts.join("\r\n");
};

/**
 * The photo inline as a `data:` URI (RFC 6350 § 6.2.4), written here rather than by ical.js, which would escape the
 * URI's comma as if it were text.
 */
function withPhoto(card: string, photo: ContactPhoto | undefined): string {
  if (!photo) return card;
  const line = fold(`PHOTO:data:${photo.contentType};base64,${encodeBase64(photo.bytes)}`);
  return card.replace(/\r\nEND:VCARD$/, `\r\n${line}\r\nEND:VCARD`);
}

/** vCard 4.0 (RFC 6350) of every contact, written by ical.js so escaping and line folding are right. */
export function contactsToVcard(
  contacts: readonly Contact[],
  companyNames: ReadonlyMap<string, string>,
  photos: ReadonlyMap<string, ContactPhoto> = new Map(),
): string {
  return contacts
    .map((c) =>
      withPhoto(cardOf(c, c.companyId ? (companyNames.get(c.companyId) ?? "") : "").toString(), photos.get(c.id)),
    )
    .join("\r\n")
    .concat("\r\n");
}
