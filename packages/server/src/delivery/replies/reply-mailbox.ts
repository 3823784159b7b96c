import { type DeliveryDeps, handleDigestReply, type ReplyOutcome } from "@kith/core";
import type { Config, ImapConfig } from "@kith/runtime";
import type { ImapFlow } from "imapflow";
import { parseIncoming } from "./parse-incoming.ts";

/** Where handled mail goes (flagged \Seen): acted on and answered, or ignored (strangers, forgeries, robots). */
export const PROCESSED_MAILBOX = ["Kith", "Processed"];
export const IGNORED_MAILBOX = ["Kith", "Ignored"];
/** Messages looked at per poll; the rest wait for the next tick. */
const BATCH = 50;
/** A reply is a few lines; anything this large is not one (and is not read into memory). */
const MAX_BYTES = 2 * 1024 * 1024;

export interface PollResult {
  /** Messages found in the mailbox this poll. */
  seen: number;
  /** Acted on (or found acted on before) and answered. */
  handled: number;
  ignored: number;
  /** Kept in the mailbox: the answer waits for a retry, or reading it failed (the next poll tries again). */
  waiting: number;
}

/** Our own addresses (the reply address, the sender): mail from them is a loop, never a member's reply. */
export function ownAddresses(config: Config): string[] {
  const from = config.smtp?.from ?? "";
  const fromAddress = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return [config.imap?.replyTo ?? "", fromAddress].filter((a) => a !== "").map((a) => a.toLowerCase());
}

export interface PollLog {
  warn(obj: object, msg: string): void;
}

/**
 * One poll of the reply mailbox: every message goes through `handleDigestReply` (the ledger makes each act once,
 * whatever the number of instances polling), then is flagged \Seen and moved out of the mailbox, so the mailbox
 * holds only what is still to do. A message whose answer could not be sent yet stays, and the next poll retries
 * the answer (on the ledger's backoff). Polling twice changes nothing more.
 */
export async function pollReplies(
  deps: DeliveryDeps,
  imap: ImapConfig,
  opts: { ownAddresses: readonly string[]; log?: PollLog; timeoutMs?: number },
): Promise<PollResult> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  // Loaded when a mailbox is configured: imapflow and its logger weigh ~28 MB that a server without IMAP never needs.
  const { ImapFlow } = await import("imapflow");
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: imap.pass },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  // A connection dropped between commands is reported here; the command in flight fails on its own.
  client.on("error", (error: unknown) => opts.log?.warn({ err: error }, "reply mailbox connection error"));
  await client.connect();
  const result: PollResult = { seen: 0, handled: 0, ignored: 0, waiting: 0 };
  try {
    const lock = await client.getMailboxLock(imap.mailbox);
    try {
      const box = client.mailbox;
      if (!box || box.exists === 0) return result;
      const listed = await client.fetchAll("1:*", { uid: true, size: true });
      const targets = new Map<string, string>();
      const targetPath = async (parts: string[]) => {
        const key = parts.join("/");
        const known = targets.get(key);
        if (known) return known;
        const created = (await client.mailboxCreate(parts)).path;
        targets.set(key, created);
        return created;
      };
      for (const message of listed.slice(0, BATCH)) {
        result.seen += 1;
        const outcome = await handleOne(deps, client, message, `${box.uidValidity}`, opts);
        if (outcome === null || (outcome.status === "handled" && !outcome.settled)) {
          result.waiting += 1;
          continue;
        }
        const to = outcome.status === "ignored" ? IGNORED_MAILBOX : PROCESSED_MAILBOX;
        await client.messageFlagsAdd(String(message.uid), ["\\Seen"], { uid: true });
        await client.messageMove(String(message.uid), await targetPath(to), { uid: true });
        result[outcome.status === "ignored" ? "ignored" : "handled"] += 1;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return result;
}

/** Reads and handles one message; null when that failed (logged; the message stays for the next poll). */
async function handleOne(
  deps: DeliveryDeps,
  client: ImapFlow,
  message: { uid: number; size?: number | undefined },
  uidValidity: string,
  opts: { ownAddresses: readonly string[]; log?: PollLog },
): Promise<ReplyOutcome | null> {
  if ((message.size ?? 0) > MAX_BYTES) return { status: "ignored", reason: "not-a-digest-reply" };
  try {
    const fetched = await client.fetchOne(String(message.uid), { source: true }, { uid: true });
    // fetchOne answers `false` when the message is gone (another instance moved it meanwhile).
    const source = fetched === false ? undefined : fetched.source;
    if (!source) return null;
    const incoming = await parseIncoming(source, `imap:${uidValidity}:${message.uid}`, opts.ownAddresses);
    return await handleDigestReply(deps, incoming);
  } catch (error) {
    opts.log?.warn({ err: error, uid: message.uid }, "a reply could not be handled; the next poll tries again");
    return null;
  }
}
