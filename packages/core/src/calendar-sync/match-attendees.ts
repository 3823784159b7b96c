/**
 * An e-mail address as calendars and contacts are compared: trimmed, NFC, lower case, and an internationalised
 * domain in its ASCII (punycode) form, so `zoe@müller.example` in a contact matches `zoe@xn--mller-kva.example` in
 * an invitation. The local part is compared as written (lower-cased), as every mail provider Kith meets does.
 */
export function addressKey(address: string): string {
  const clean = address.trim().normalize("NFC").toLowerCase();
  const at = clean.lastIndexOf("@");
  if (at <= 0) return clean;
  const domain = clean.slice(at + 1);
  try {
    return `${clean.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
  } catch {
    return clean;
  }
}

/** The account's contacts by address key (an address two contacts share links both). */
export function contactsByAddress(rows: readonly { contactId: string; address: string }[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const row of rows) {
    const key = addressKey(row.address);
    const ids = index.get(key) ?? [];
    if (!ids.includes(row.contactId)) ids.push(row.contactId);
    index.set(key, ids);
  }
  return index;
}

/** The contacts an occurrence's attendees and organizer are, each once, in the order the calendar lists them. */
export function contactsOf(emails: readonly string[], index: ReadonlyMap<string, string[]>): string[] {
  const ids = new Set<string>();
  for (const email of emails) for (const id of index.get(addressKey(email)) ?? []) ids.add(id);
  return [...ids];
}
