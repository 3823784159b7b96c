import type { DeliveryKey } from "../delivery-ports.ts";

/**
 * A digest's Message-ID names its ledger key and carries a tag (an HMAC of the key under the server's secret), so a
 * reply points back at the digest it answers and a forged reply must have seen the digest:
 * `<kind.account.period.tag@host>`. Each part is kept readable: bytes outside `[A-Za-z0-9-]` become `_XX` (hex).
 */
const SAFE = /^[A-Za-z0-9-]$/;

export function encodeIdPart(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += SAFE.test(ch) ? ch : `_${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function decodeIdPart(part: string): string | null {
  if (!/^(?:[A-Za-z0-9-]|_[0-9A-F]{2})*$/.test(part)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < part.length; ) {
    if (part[i] === "_") {
      bytes.push(Number.parseInt(part.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(part.charCodeAt(i));
      i += 1;
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    // Not UTF-8: not an id we made.
    return null;
  }
}

export function digestMessageId(key: DeliveryKey, tag: string, host: string): string {
  const parts = [key.kind, key.accountId, key.period].map(encodeIdPart);
  return `<${parts.join(".")}.${tag}@${host}>`;
}

/** The key and tag of one of our digest Message-IDs, or null for any other id (the tag is checked by the caller). */
export function parseDigestMessageId(messageId: string): { key: DeliveryKey; tag: string } | null {
  const bare = messageId.trim().replace(/^<|>$/g, "");
  const at = bare.lastIndexOf("@");
  if (at <= 0 || bare.length > 1000) return null;
  const parts = bare.slice(0, at).split(".");
  if (parts.length !== 4) return null;
  const [kind, accountId, period] = parts.slice(0, 3).map(decodeIdPart);
  const tag = parts[3] ?? "";
  if (!kind || !accountId || !period || !/^[A-Za-z0-9_-]{16,}$/.test(tag)) return null;
  return { key: { kind, accountId, period }, tag };
}

/** Compares two tags in time independent of where they differ. */
export function sameTag(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Every Message-ID in a References or In-Reply-To header value. */
export function messageIdsIn(value: string): string[] {
  return value.match(/<[^<>\s]+>/g) ?? [];
}
