import { describe, expect, it } from "vitest";
import {
  baseAddress,
  ContactEmailIndex,
  classifyMessage,
  isAutomated,
  messageKey,
  normalAddress,
} from "./classify-message.ts";
import type { MailMessage } from "./mailbox-port.ts";

const ada = { own: ["ada@example.com", "ada@work.example"], logAddress: "ada+kith@example.com", inLogFolder: false };
const contacts = new ContactEmailIndex([
  { id: "rosa", emails: ["Rosa@Example.com"] },
  { id: "zoe", emails: ["zoë@exämple.com"] },
  { id: "bob", emails: ["bob@example.com", "robert@example.com"] },
]);
const at = (address: string, name: string | null = null) => ({ address, name });
const msg = (m: Partial<MailMessage>): MailMessage => ({
  ...{ uid: 1, messageId: "<a@b>", date: "2026-10-01T09:00:00.000Z", subject: "Hi", from: [], to: [], cc: [], bcc: [] },
  ...{ deliveredTo: [], inReplyTo: null, listId: null, autoSubmitted: null, precedence: null, text: null },
  ...m,
});

describe("an address compared as written by anyone", () => {
  it("ignores case, brackets, Unicode composition and the domain's IDNA form", () => {
    expect(normalAddress(" <Rosa@Example.COM> ")).toBe("rosa@example.com");
    expect(normalAddress("zoë@exämple.com")).toBe(normalAddress("zoë@xn--exmple-cua.com"));
    expect(normalAddress("zoe\u0308@example.com")).toBe(normalAddress("zoë@example.com"));
    expect(baseAddress("ada+kith@example.com")).toBe("ada@example.com");
    expect(contacts.contactsOf("ZOË@XN--EXMPLE-CUA.COM")).toEqual(["zoe"]);
  });
});

describe("what a message means for the member", () => {
  it("inbound from a contact: the sender only, not the contacts copied", () => {
    const c = classifyMessage(
      msg({ from: [at("rosa@example.com")], to: [at("ada@example.com")], cc: [at("bob@example.com")] }),
      ada,
      contacts,
    );
    expect(c).toEqual({ action: "log", direction: "inbound", contactIds: ["rosa"], meaningful: true, unknown: [] });
  });

  it("outbound from any own address or +tag to several contacts and a stranger: one interaction, the stranger kept", () => {
    const c = classifyMessage(
      msg({
        from: [at("Ada+lists@Example.com")],
        to: [at("rosa@example.com"), at("robert@example.com")],
        cc: [at("carol@example.com", "Carol")],
        bcc: [at("bob@example.com")],
      }),
      ada,
      contacts,
    );
    expect(c).toEqual({
      action: "log",
      direction: "outbound",
      contactIds: ["rosa", "bob"],
      meaningful: true,
      unknown: [{ address: "carol@example.com", name: "Carol" }],
    });
  });

  it("self-sent (to own addresses only) logs nothing; no sender logs nothing", () => {
    expect(
      classifyMessage(
        msg({ from: [at("ada@example.com")], to: [at("ada@work.example"), at("ada+notes@example.com")] }),
        ada,
        contacts,
      ),
    ).toEqual({ action: "skip", reason: "self-sent" });
    expect(classifyMessage(msg({ to: [at("rosa@example.com")] }), ada, contacts)).toEqual({
      action: "skip",
      reason: "no-sender",
    });
  });

  it("lists, automated and bulk mail are a record, not a touch, and suggest no one", () => {
    for (const headers of [
      { listId: "<club.example>" },
      { autoSubmitted: "auto-replied" },
      { precedence: "Bulk" },
      { precedence: "junk" },
    ]) {
      const c = classifyMessage(
        msg({ from: [at("rosa@example.com")], cc: [at("x@example.org")], ...headers }),
        ada,
        contacts,
      );
      expect(c).toMatchObject({ action: "log", direction: "inbound", contactIds: ["rosa"], meaningful: false });
      expect(isAutomated(msg(headers))).toBe(true);
    }
    expect(isAutomated(msg({ autoSubmitted: "no", precedence: "first-class" }))).toBe(false);
    expect(classifyMessage(msg({ from: [at("news@shop.example")], precedence: "bulk" }), ada, contacts)).toMatchObject({
      contactIds: [],
      unknown: [],
    });
  });

  it("BCC-to-log: a message to the log address (or in the log folder) is logged to its To/Cc contacts, whoever sent it", () => {
    const bcc = msg({
      from: [at("ada@phone.example")],
      to: [at("zoë@exämple.com")],
      deliveredTo: ["ADA+kith@example.com"],
    });
    expect(classifyMessage(bcc, ada, contacts)).toMatchObject({ direction: "outbound", contactIds: ["zoe"] });
    const filed = msg({ from: [at("ada@phone.example")], to: [at("rosa@example.com")] });
    expect(classifyMessage(filed, { ...ada, inLogFolder: true }, contacts)).toMatchObject({
      direction: "outbound",
      contactIds: ["rosa"],
    });
    // A contact writing to the log address is still inbound from that contact.
    const toLog = msg({ from: [at("rosa@example.com")], to: [at("ada+kith@example.com")] });
    expect(classifyMessage(toLog, ada, contacts)).toMatchObject({ direction: "inbound", contactIds: ["rosa"] });
  });

  it("keys the ledger by Message-ID, or by the headers when there is none", () => {
    expect(messageKey(msg({ messageId: " <abc@mail.test> " }))).toBe("abc@mail.test");
    const a = messageKey(msg({ messageId: null, from: [at("Rosa@example.com")] }));
    expect(a).toBe("no-id:2026-10-01T09:00:00.000Z:rosa@example.com:Hi");
    expect(messageKey(msg({ messageId: "x".repeat(900) }))).toHaveLength(500);
  });
});
