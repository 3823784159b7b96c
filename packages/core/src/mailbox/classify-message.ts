import type { MailAddress, MailMessage } from "./mailbox-port.ts";

/**
 * What one message means for the member's follow-ups (pure): whose exchange it is, which way it went, whether it
 * counts, and which addresses are strangers worth suggesting.
 *
 * - From one of the member's own addresses (sign-in address, aliases, any +tag of them) → outbound, to the contacts
 *   among To/Cc/Bcc; with no one else among the recipients it is self-sent and logs nothing.
 * - From anyone else → inbound, from the contacts among From (a cc'd contact did not talk to the member).
 * - BCC-to-log (the log folder, or the log address among the recipients or the envelope) → outbound to the contacts
 *   among To/Cc, whoever is in From.
 * - Mailing lists (List-Id), automated mail (Auto-Submitted other than `no`) and bulk mail (Precedence bulk, list,
 *   junk) are logged as NOT meaningful (a record, not a touch: last touch and outreach stay as they were) and
 *   never make suggestions.
 */
export type Classified =
  | { action: "skip"; reason: "self-sent" | "no-sender" }
  | {
      action: "log";
      direction: "inbound" | "outbound";
      contactIds: string[];
      meaningful: boolean;
      /** Correspondents who are not contacts (none for automated mail). */
      unknown: MailAddress[];
    };

/** An address compared as written by anyone: trimmed, lower-cased, NFC, its domain in ASCII (IDNA) form. */
export function normalAddress(address: string): string {
  const a = address.trim().replace(/^<|>$/g, "").normalize("NFC").toLowerCase();
  const at = a.lastIndexOf("@");
  if (at < 0) return a;
  const domain = a.slice(at + 1);
  if (/^[\x21-\x7e]*$/.test(domain)) return a;
  try {
    return `${a.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
  } catch {
    return a;
  }
}

/** The address without its +tag: ada+kith@example.com is ada@example.com's. */
export const baseAddress = (normal: string) => normal.replace(/^([^@+]+)\+[^@]*@/, "$1@");

/** Which contacts have which addresses, by normal address. */
export class ContactEmailIndex {
  private readonly byAddress = new Map<string, string[]>();

  constructor(contacts: readonly { id: string; emails: readonly string[] }[]) {
    for (const c of contacts) {
      for (const e of c.emails) {
        const key = normalAddress(e);
        const ids = this.byAddress.get(key) ?? [];
        if (!ids.includes(c.id)) ids.push(c.id);
        this.byAddress.set(key, ids);
      }
    }
  }

  contactsOf(address: string): string[] {
    return this.byAddress.get(normalAddress(address)) ?? [];
  }
}

export interface MemberAddresses {
  /** Sign-in address and aliases. */
  own: readonly string[];
  logAddress: string | null;
  /** The folder being read is the BCC-to-log folder. */
  inLogFolder: boolean;
}

const BULK_PRECEDENCE = new Set(["bulk", "list", "junk"]);

/** Mailing-list, automated or bulk mail: a record, never a touch or a suggestion. */
export function isAutomated(m: Pick<MailMessage, "listId" | "autoSubmitted" | "precedence">): boolean {
  if (m.listId) return true;
  const auto = m.autoSubmitted?.trim().toLowerCase();
  if (auto && auto !== "no") return true;
  return BULK_PRECEDENCE.has(m.precedence?.trim().toLowerCase() ?? "");
}

export function classifyMessage(m: MailMessage, member: MemberAddresses, contacts: ContactEmailIndex): Classified {
  const own = new Set(member.own.map((a) => baseAddress(normalAddress(a))));
  const logAddress = member.logAddress ? normalAddress(member.logAddress) : null;
  if (logAddress) own.add(baseAddress(logAddress));
  const isOwn = (a: MailAddress) => own.has(baseAddress(normalAddress(a.address)));
  const automated = isAutomated(m);
  const sender = m.from[0];
  const logged =
    member.inLogFolder ||
    (logAddress !== null &&
      [...m.to, ...m.cc, ...m.bcc]
        .map((a) => a.address)
        .concat(m.deliveredTo)
        .some((a) => normalAddress(a) === logAddress));

  const people = (list: readonly MailAddress[]) => {
    const seen = new Set<string>();
    const out: MailAddress[] = [];
    for (const a of list) {
      const key = normalAddress(a.address);
      if (!key.includes("@") || isOwn(a) || seen.has(key)) continue;
      seen.add(key);
      out.push(a);
    }
    return out;
  };
  const split = (list: MailAddress[]) => {
    const contactIds: string[] = [];
    const unknown: MailAddress[] = [];
    for (const a of list) {
      const ids = contacts.contactsOf(a.address);
      if (ids.length === 0) unknown.push({ address: normalAddress(a.address), name: a.name });
      for (const id of ids) if (!contactIds.includes(id)) contactIds.push(id);
    }
    return { contactIds, unknown: automated ? [] : unknown };
  };

  const toCc = people([...m.to, ...m.cc]);
  if (logged && toCc.length > 0) {
    return { action: "log", direction: "outbound", meaningful: !automated, ...split(toCc) };
  }
  if (!sender) return { action: "skip", reason: "no-sender" };
  if (isOwn(sender)) {
    const recipients = people([...m.to, ...m.cc, ...m.bcc]);
    if (recipients.length === 0) return { action: "skip", reason: "self-sent" };
    return { action: "log", direction: "outbound", meaningful: !automated, ...split(recipients) };
  }
  return { action: "log", direction: "inbound", meaningful: !automated, ...split(people(m.from)) };
}

/** The ledger's key: the Message-ID without brackets; a made-up one from the headers when it is missing. */
export function messageKey(m: Pick<MailMessage, "messageId" | "date" | "from" | "subject">): string {
  const id = m.messageId?.trim().replace(/^<|>$/g, "");
  if (id) return id.slice(0, 500);
  const from = m.from[0] ? normalAddress(m.from[0].address) : "";
  return `no-id:${m.date}:${from}:${m.subject.slice(0, 200)}`.slice(0, 500);
}
