import { type MailboxDeps, runMailboxSyncTick, type SyncResult } from "@kith/core";
import { openMailboxSync } from "@kith/runtime";
import type { Dialect } from "@kith/store";
import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { DovecotServer } from "../../delivery/testing/dovecot.ts";
import { type Call, signUp, useTestServer } from "../../testing/test-server.ts";

/** The member's sign-in address in these tests; `ALIAS` is one more of theirs. */
export const ADA = "ada@example.com";
export const ALIAS = "ada@work.example";

let messages = 0;

/** A message as a mail client writes it (names RFC 2047-encoded by the composer); any header can be given. */
export function mail(opts: {
  from: string;
  to?: string | string[];
  cc?: string | string[];
  subject?: string;
  date?: string;
  messageId?: string;
  headers?: Record<string, string>;
  text?: string;
}): Promise<Buffer> {
  const composer = new MailComposer({
    from: opts.from,
    to: opts.to,
    cc: opts.cc,
    subject: opts.subject ?? "Hello",
    date: new Date(opts.date ?? "2026-10-20T10:00:00Z"),
    messageId: opts.messageId ?? `<m${++messages}.${Date.now()}@mail.test>`,
    headers: opts.headers,
    text: opts.text ?? "Hi there",
  });
  return composer.compile().build();
}

/**
 * A real Dovecot for the enclosing `describe` (emptied before each test), a test server, and Ada signed in with her
 * mailbox on that Dovecot: enough to drive append → sync → interactions end to end.
 */
export function useMailboxWorld(dialect: Dialect) {
  const dovecot = new DovecotServer();
  beforeAll(async () => {
    await dovecot.start();
  }, 30_000);
  afterAll(async () => {
    await dovecot.stop();
  });
  const s = useTestServer(dialect);
  const world = {
    s,
    dovecot,
    ada: null as unknown as Call,
    adaId: "",
    /** The sync deps a server's job gets (real IMAP reader, sealer under the server key). */
    deps: (): MailboxDeps => openMailboxSync(s.config, s.deps),
    async imap<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
      const client = new ImapFlow({
        host: "127.0.0.1",
        port: dovecot.port,
        secure: false,
        auth: { user: dovecot.user, pass: dovecot.pass },
        logger: false,
      });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.logout();
      }
    },
    async append(folder: string, raw: Buffer | Promise<Buffer>): Promise<void> {
      const bytes = await raw;
      await world.imap(async (c) => {
        if (!(await c.list()).some((b) => b.path === folder)) await c.mailboxCreate(folder);
        await c.append(folder, bytes);
      });
    },
    /** The mailbox form pointing at this Dovecot. */
    form(extra: Record<string, unknown> = {}) {
      return {
        host: "127.0.0.1",
        port: dovecot.port,
        tls: false,
        user: dovecot.user,
        password: dovecot.pass,
        folders: ["INBOX", "Sent"],
        startOn: "2026-01-01",
        aliases: [ALIAS],
        ...extra,
      };
    },
    async contact(firstName: string, email: string): Promise<string> {
      const res = await world.ada("POST", "/api/contacts", { firstName, emails: [{ address: email }] });
      if (res.statusCode !== 201) throw new Error(`contact: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    },
    /** One pass of the job, as instance `owner`, after `minutes` have passed. */
    async tick(owner = "instance-a", minutes = 10): Promise<SyncResult[]> {
      s.clock.set(new Date(s.clock.now().getTime() + minutes * 60_000).toISOString());
      return runMailboxSyncTick(world.deps(), { owner });
    },
    /** Interactions the mailbox logged, with their contacts, oldest first. */
    async logged() {
      const rows = await s.db.db
        .selectFrom("interaction as i")
        .leftJoin("interaction_contact as ic", "ic.interaction_id", "i.id")
        .select(["i.id", "i.direction", "i.summary", "i.meaningful", "i.occurred_at", "ic.contact_id"])
        .where("i.source", "=", "mailbox")
        .orderBy("i.occurred_at")
        .orderBy("i.id")
        .orderBy("ic.contact_id")
        .execute();
      const byId = new Map<string, { direction: string; summary: string; meaningful: boolean; contacts: string[] }>();
      for (const r of rows) {
        const item = byId.get(r.id) ?? {
          direction: r.direction,
          summary: r.summary,
          meaningful: Number(r.meaningful) === 1,
          contacts: [],
        };
        if (r.contact_id) item.contacts.push(r.contact_id);
        byId.set(r.id, item);
      }
      return [...byId.values()];
    },
  };
  beforeEach(async () => {
    await world.imap(async (c) => {
      for (const box of await c.list()) {
        if (box.path === "INBOX") {
          const lock = await c.getMailboxLock("INBOX");
          try {
            if (c.mailbox && c.mailbox.exists > 0) await c.messageDelete("1:*");
          } finally {
            lock.release();
          }
        } else {
          await c.mailboxDelete(box.path);
        }
      }
    });
    const signed = await signUp(s, "Ada Lovelace", ADA);
    world.ada = signed.call;
    world.adaId = signed.userId;
  });
  return world;
}
