import { type DeliveryDeps, runDigestTick } from "@kith/core";
import { openDelivery } from "@kith/runtime";
import { SmtpSink } from "@kith/runtime/testing/smtp-sink";
import type { Dialect } from "@kith/store";
import { useEach } from "@kith/store/testing";
import { ImapFlow } from "imapflow";
import type { ParsedMail } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll } from "vitest";
import { type Call, openTestServer, signUp, TEST_ORIGIN, type TestServer } from "../../testing/test-server.ts";
import { ownAddresses, type PollResult, pollReplies } from "../replies/reply-mailbox.ts";
import { DovecotServer } from "./dovecot.ts";

/** 08:00 in New York on 2026-11-03 (UTC-5): the digest goes out. */
export const AT_8 = "2026-11-03T13:00:00.000Z";

const subjectOf = (m: ParsedMail) => m.subject ?? "";
let replies = 0;

/**
 * One account, a real SMTP sink for what Kith sends, and a real Dovecot mailbox for what members reply: enough to
 * drive digest → reply → poll → answer end to end.
 */
export class ReplyWorld {
  private constructor(
    readonly s: TestServer,
    readonly sink: SmtpSink,
    readonly dovecot: DovecotServer,
    readonly delivery: DeliveryDeps & { mailer: { close(): void } },
  ) {}

  static async open(dialect: Dialect, dovecot: DovecotServer): Promise<ReplyWorld> {
    const sink = await new SmtpSink().start();
    const s = await openTestServer(dialect, { ...sink.env(), ...dovecot.env() });
    const delivery = openDelivery(s.config, s.deps).delivery;
    if (!delivery) throw new Error("SMTP should be configured");
    const world = new ReplyWorld(s, sink, dovecot, delivery);
    await world.clearMailboxes();
    return world;
  }

  async dispose(): Promise<void> {
    this.delivery.mailer.close();
    await this.s.dispose();
    await this.sink.stop();
  }

  /** Mail Kith sent, by kind: digests, answers to replies, verification mails. */
  digests = () => this.sink.messages.filter((m) => m.messageId?.startsWith("<digest-email."));
  answers = () => this.sink.messages.filter((m) => m.messageId?.startsWith("<reply-answer."));
  verifications = () => this.sink.messages.filter((m) => subjectOf(m) === "Kith: confirm your email address");

  /** Signs up in New York; follows the verification link from the mail unless told not to. */
  async member(name: string, email: string, opts: { verify: boolean } = { verify: true }): Promise<Call> {
    const member = await signUp(this.s, name, email);
    await member.call("PATCH", "/api/account", { timeZone: "America/New_York" });
    if (opts.verify) {
      const mail = this.verifications().find((m) => JSON.stringify(m.to).includes(email));
      const link = /https?:\/\/\S+verify-email\S+/.exec(mail?.text ?? "")?.[0] ?? "";
      const res = await this.s.app.inject({ method: "GET", url: link.slice(TEST_ORIGIN.length) });
      if (res.statusCode !== 302) throw new Error(`verification failed: ${res.statusCode} ${res.body}`);
    }
    return member.call;
  }

  /** A contact with a follow-up due on the digest's day; returns its id. */
  async dueContact(call: Call, firstName: string, lastName: string): Promise<string> {
    const contact = (await call("POST", "/api/contacts", { firstName, lastName })).json();
    await call("POST", "/api/follow-ups", { contactId: contact.id, dueOn: "2026-11-03", title: `Call ${firstName}` });
    return contact.id as string;
  }

  /** Runs the digest tick (08:00 on the 3rd by default) and returns the digest it sent; the reply comes 10 min on. */
  async digest(at = AT_8): Promise<ParsedMail> {
    const count = this.digests().length;
    this.s.clock.set(at);
    await runDigestTick(this.delivery);
    const digest = this.digests()[count];
    if (!digest) throw new Error("no digest was sent");
    this.s.clock.set(new Date(Date.parse(at) + 10 * 60_000).toISOString());
    return digest;
  }

  /** The number the digest gave a person ("2. Rosa Diaz — …"). */
  static numberOf(digest: ParsedMail, name: string): number {
    const m = new RegExp(`^(\\d+)\\. ${name} — `, "m").exec(digest.text ?? "");
    if (!m) throw new Error(`${name} is not in the digest`);
    return Number(m[1]);
  }

  /**
   * A reply as a mail client writes it: the new text on top, a signature, then the digest quoted with an
   * attribution line. `overrides` change any header (From, In-Reply-To, Message-ID…) or the parts.
   */
  async reply(digest: ParsedMail, body: string, overrides: Record<string, unknown> = {}): Promise<Buffer> {
    const quoted = (digest.text ?? "")
      .split("\n")
      .map((l) => `> ${l}`)
      .join("\n");
    const text = `${body}\n\n-- \nAlice Example\nSent from my laptop\n\nOn Tue, Nov 3, 2026 at 8:00 AM Kith <kith@kith.test> wrote:\n${quoted}\n`;
    const mail = new MailComposer({
      from: "Alice Example <alice@example.com>",
      to: this.s.config.imap?.replyTo ?? "",
      subject: `Re: ${digest.subject}`,
      messageId: `<reply-${++replies}@example.com>`,
      inReplyTo: digest.messageId ?? "",
      references: [digest.messageId ?? ""],
      text,
      textEncoding: "quoted-printable",
      ...overrides,
    });
    return mail.compile().build();
  }

  async imap<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({
      host: "127.0.0.1",
      port: this.dovecot.port,
      secure: false,
      auth: { user: this.dovecot.user, pass: this.dovecot.pass },
      logger: false,
    });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout();
    }
  }

  async append(raw: Buffer | string): Promise<void> {
    await this.imap((c) => c.append("INBOX", raw));
  }

  /** One poll of the reply mailbox, as this instance or as another one (`delivery` with its own lease name). */
  poll(delivery: DeliveryDeps = this.delivery): Promise<PollResult> {
    const imap = this.s.config.imap;
    if (!imap) throw new Error("IMAP should be configured");
    return pollReplies(delivery, imap, { ownAddresses: ownAddresses(this.s.config) });
  }

  /** Another instance's delivery side on the same database (its own lease name and SMTP connection). */
  otherInstance(): DeliveryDeps & { mailer: { close(): void } } {
    const other = openDelivery(this.s.config, this.s.deps).delivery;
    if (!other) throw new Error("SMTP should be configured");
    return other;
  }

  /** What each mailbox holds: the Message-ID and lasting flags (not \Recent, which is per session) of every message. */
  async mailboxes(): Promise<Record<string, { messageId: string; flags: string[] }[]>> {
    return this.imap(async (c) => {
      const out: Record<string, { messageId: string; flags: string[] }[]> = {};
      for (const box of await c.list()) {
        if (box.flags.has("\\Noselect") || box.flags.has("\\NonExistent")) continue;
        const lock = await c.getMailboxLock(box.path);
        try {
          const all = c.mailbox && c.mailbox.exists > 0 ? await c.fetchAll("1:*", { envelope: true, flags: true }) : [];
          out[box.path] = all.map((m) => ({
            messageId: m.envelope?.messageId ?? "",
            flags: [...(m.flags ?? [])].filter((f) => f !== "\\Recent"),
          }));
        } finally {
          lock.release();
        }
      }
      return out;
    });
  }

  /** Each test starts with empty mailboxes (the Dovecot server is shared by the file's tests). */
  private async clearMailboxes(): Promise<void> {
    await this.imap(async (c) => {
      for (const box of await c.list()) {
        if (box.flags.has("\\Noselect") || box.flags.has("\\NonExistent")) continue;
        const lock = await c.getMailboxLock(box.path);
        try {
          if (c.mailbox && c.mailbox.exists > 0) await c.messageDelete("1:*");
        } finally {
          lock.release();
        }
      }
    });
  }
}

/**
 * One Dovecot for the enclosing `describe` (started before its first test, stopped after its last) and a fresh
 * ReplyWorld on it for each test; the object returned reads the current test's world (`w.s`, `w.dovecot`).
 */
export function useReplyWorld(dialect: Dialect): Omit<ReplyWorld, "dispose"> {
  let dovecot: DovecotServer | undefined;
  beforeAll(async () => {
    dovecot = await new DovecotServer().start();
  }, 30_000);
  afterAll(async () => {
    await dovecot?.stop();
  });
  return useEach(
    () => ReplyWorld.open(dialect, dovecot!),
    (world) => world.dispose(),
  );
}
