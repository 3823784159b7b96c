import {
  type Deps,
  type ImapAccount,
  MailAccessError,
  type MailAddress,
  type MailboxDeps,
  type MailMessage,
  type MailReader,
  type MailSession,
  requiresStartTls,
} from "@kith/core";
import type { FetchMessageObject, ImapFlow, MailboxLockObject } from "imapflow";
import type { AddressObject, ParsedMail } from "mailparser";
import type { Config } from "../config.ts";
import { sealedSecrets, sealingKey } from "../secrets/sealed-secrets.ts";

/** A message larger than this is read by its headers only, even when the member keeps bodies. */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** What went wrong, in words for the member (never the server's own text, which may echo anything). */
function inWords(error: unknown, account: ImapAccount): MailAccessError {
  const e = error as { authenticationFailed?: boolean; code?: string; message?: string };
  if (e?.authenticationFailed) {
    return new MailAccessError("The mail server refused the user name or password", true);
  }
  const code = e?.code ?? "";
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNRESET"].includes(code)) {
    return new MailAccessError(`The mail server ${account.host}:${account.port} could not be reached`, true);
  }
  if (/timeout|ETIMEDOUT/i.test(code) || /timed? ?out/i.test(e?.message ?? "")) {
    return new MailAccessError(`The mail server ${account.host}:${account.port} did not answer in time`, true);
  }
  if (/ssl|tls|cert/i.test(`${code} ${e?.message ?? ""}`)) {
    return new MailAccessError(
      "A secure connection to the mail server failed: check the port and the TLS setting",
      true,
    );
  }
  return new MailAccessError("The mail server answered with an error; it will be tried again", true);
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): MailAddress[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.flatMap(function flat(a): MailAddress[] {
      if (a.group) return a.group.flatMap(flat);
      return a.address ? [{ address: a.address, name: a.name || null }] : [];
    }),
  );

function headerText(parsed: ParsedMail, name: string): string | null {
  const value = parsed.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object" && "text" in value) return String((value as { text: unknown }).text);
  if (typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  return String(value);
}

/** mailparser gathers the List-* headers under `list` ({ id: { id, name } }). */
function listIdOf(parsed: ParsedMail): string | null {
  const list = parsed.headers.get("list") as { id?: { id?: string; name?: string } } | undefined;
  const id = list?.id?.id ?? list?.id?.name ?? headerText(parsed, "list-id");
  return id ? String(id) : null;
}

async function toMessage(msg: FetchMessageObject, withText: boolean): Promise<MailMessage> {
  const { simpleParser } = await import("mailparser");
  const useSource = withText && msg.source && (msg.size ?? 0) <= MAX_SOURCE_BYTES;
  const raw = useSource ? msg.source! : Buffer.concat([msg.headers ?? Buffer.alloc(0), Buffer.from("\r\n")]);
  const parsed = await simpleParser(raw, { skipHtmlToText: !useSource, skipTextToHtml: true, skipImageLinks: true });
  const arrived = msg.internalDate instanceof Date ? msg.internalDate : new Date(String(msg.internalDate ?? 0));
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : arrived;
  const delivered = ["delivered-to", "x-original-to"].flatMap((h) => {
    const v = headerText(parsed, h);
    return v ? v.split(",").map((s) => s.trim().replace(/^.*<([^>]*)>.*$/, "$1")) : [];
  });
  const inReplyTo = parsed.inReplyTo ?? null;
  return {
    uid: msg.uid,
    messageId: parsed.messageId ?? null,
    date: date.toISOString(),
    subject: parsed.subject ?? "",
    from: addressesOf(parsed.from),
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    bcc: addressesOf(parsed.bcc),
    deliveredTo: delivered,
    inReplyTo,
    listId: listIdOf(parsed),
    autoSubmitted: headerText(parsed, "auto-submitted"),
    precedence: headerText(parsed, "precedence"),
    text: useSource ? (parsed.text ?? null) : null,
  };
}

class ImapSession implements MailSession {
  private lock: MailboxLockObject | null = null;

  constructor(
    private readonly client: ImapFlow,
    private readonly account: ImapAccount,
  ) {}

  async folders() {
    try {
      const listed = await this.client.list();
      return listed.map((f) => ({ path: f.path, specialUse: f.specialUse ?? null }));
    } catch (error) {
      throw inWords(error, this.account);
    }
  }

  async open(path: string) {
    this.lock?.release();
    this.lock = null;
    try {
      this.lock = await this.client.getMailboxLock(path, { readOnly: true });
    } catch (error) {
      if ((error as { responseStatus?: string }).responseStatus === "NO") return null;
      throw inWords(error, this.account);
    }
    const box = this.client.mailbox;
    if (!box) return null;
    return { uidValidity: String(box.uidValidity) };
  }

  async fetch(afterUid: number, since: string, limit: number, opts: { withText: boolean }) {
    try {
      const found = await this.client.search(
        { uid: `${afterUid + 1}:*`, since: new Date(`${since}T00:00:00Z`) },
        { uid: true },
      );
      // `n:*` always names the last message, even below n.
      const uids = (found || [])
        .filter((u) => u > afterUid)
        .sort((a, b) => a - b)
        .slice(0, limit);
      if (uids.length === 0) return [];
      const fetched: FetchMessageObject[] = [];
      const query = { uid: true, size: true, internalDate: true, headers: true, source: opts.withText };
      for await (const msg of this.client.fetch(uids.join(","), query, { uid: true })) fetched.push(msg);
      const messages: MailMessage[] = [];
      for (const msg of fetched.sort((a, b) => a.uid - b.uid)) messages.push(await toMessage(msg, opts.withText));
      return messages;
    } catch (error) {
      if (error instanceof MailAccessError) throw error;
      throw inWords(error, this.account);
    }
  }

  async close() {
    this.lock?.release();
    this.lock = null;
    await this.client.logout().catch(() => this.client.close());
  }
}

/**
 * The member's mail server through imapflow (loaded on first use, like the reply mailbox's): implicit TLS, or
 * STARTTLS required anywhere but this machine; every failure in words.
 */
export function createImapMailReader(opts: { timeoutMs?: number } = {}): MailReader {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const open = async (account: ImapAccount, extra: { autoIdleDelay?: number } = {}) => {
    const { ImapFlow } = await import("imapflow");
    return new ImapFlow({
      ...extra,
      host: account.host,
      port: account.port,
      secure: account.tls,
      ...(requiresStartTls(account.host, account.tls) ? { doSTARTTLS: true } : {}),
      auth: { user: account.user, pass: account.password },
      logger: false,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  };
  return {
    /**
     * A connection of its own on `path`, read-only, left to imapflow's automatic IDLE (it renews IDLE before servers
     * drop it); EXISTS growing is new mail. Null when the server does not offer IDLE: imapflow would fall back to a
     * NOOP every two minutes, no better than the job's poll, for a connection held open.
     */
    async watch(account, path, events) {
      // IDLE again within a second of any command (imapflow waits 15 s by default).
      const client = await open(account, { autoIdleDelay: 1000 });
      client.on("error", () => undefined);
      try {
        await client.connect();
      } catch (error) {
        throw inWords(error, account);
      }
      if (!client.capabilities.has("IDLE")) {
        await client.logout().catch(() => client.close());
        return null;
      }
      let ending = false;
      client.on("close", () => {
        if (!ending) events.onClosed();
      });
      client.on("exists", (data: { count: number; prevCount: number }) => {
        if (data.count > data.prevCount) events.onNew();
      });
      try {
        await client.mailboxOpen(path, { readOnly: true });
        // Into IDLE now; it ends on its own when the connection does (imapflow renews it before servers drop it).
        void client.idle().catch(() => undefined);
      } catch (error) {
        ending = true;
        await client.logout().catch(() => client.close());
        throw inWords(error, account);
      }
      return {
        async stop() {
          ending = true;
          await client.logout().catch(() => client.close());
        },
      };
    },
    async connect(account: ImapAccount): Promise<MailSession> {
      const client = await open(account);
      // A connection dropped between commands: the command in flight fails on its own.
      client.on("error", () => undefined);
      try {
        await client.connect();
      } catch (error) {
        throw inWords(error, account);
      }
      return new ImapSession(client, account);
    },
  };
}

/** What mailbox sync needs: the sealer under the server key and the IMAP reader. */
export function openMailboxSync(config: Config, deps: Deps, reader: MailReader = createImapMailReader()): MailboxDeps {
  return { ...deps, sealer: sealedSecrets(sealingKey(config.secretKey, config.authSecret)), mailReader: reader };
}
