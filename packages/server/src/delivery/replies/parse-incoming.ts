import { type IncomingReply, messageIdsIn } from "@kith/core";
import type { HeaderValue } from "mailparser";

const headerText = (value: HeaderValue | undefined): string =>
  value === undefined ? "" : typeof value === "string" ? value : Array.isArray(value) ? value.join(" ") : "";

/**
 * Whether a mail was sent by a machine: an out-of-office or other auto-reply (RFC 3834 `Auto-Submitted`, the
 * common X- headers), a bulk or list mail, a bounce (empty return path, delivery report), or our own address (a
 * loop). Such mail is never obeyed nor answered.
 */
function isAutomatic(headers: Map<string, HeaderValue>, from: string | null, own: readonly string[]): boolean {
  const auto = headerText(headers.get("auto-submitted")).trim().toLowerCase();
  if (auto !== "" && auto !== "no") return true;
  if (headers.has("x-autoreply") || headers.has("x-autorespond") || headers.has("list-id")) return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(headerText(headers.get("precedence")).trim())) return true;
  if (headerText(headers.get("return-path")).replace(/\s/g, "") === "<>") return true;
  const type = headers.get("content-type");
  if (type && typeof type === "object" && "value" in type && type.value === "multipart/report") return true;
  return from !== null && own.includes(from);
}

/**
 * One raw message (RFC 822) as the reply handler reads it. mailparser decodes MIME, transfer encodings and
 * charsets; an HTML-only reply is turned into text by it, with quoted blocks marked by `>`.
 */
export async function parseIncoming(
  source: Buffer,
  fallbackId: string,
  ownAddresses: readonly string[],
): Promise<IncomingReply> {
  // Loaded on the first reply: a server that reads no mailbox never pays for the MIME parser.
  const { simpleParser } = await import("mailparser");
  const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const fromValue = mail.from?.value[0]?.address;
  const from = fromValue ? fromValue.toLowerCase() : null;
  const references = Array.isArray(mail.references) ? mail.references.join(" ") : (mail.references ?? "");
  const messageId = mail.messageId ? messageIdsIn(mail.messageId)[0] : undefined;
  return {
    id: messageId ?? fallbackId,
    hasMessageId: messageId !== undefined,
    from,
    inReplyTo: messageIdsIn(mail.inReplyTo ?? ""),
    references: messageIdsIn(references),
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    automatic: isAutomatic(
      mail.headers,
      from,
      ownAddresses.map((a) => a.toLowerCase()),
    ),
  };
}
