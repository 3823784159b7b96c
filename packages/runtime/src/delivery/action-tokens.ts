import { createHmac, timingSafeEqual } from "node:crypto";
import { ACTION_PURPOSES, type ActionClaim, type ActionLinks, type DeliveryKey, invalid } from "@kith/core";
import { z } from "zod";

/**
 * One-click links carry their whole claim, signed with HMAC-SHA256 under a key derived from the auth secret for
 * this use only (a session signature can never pass as a link, nor the reverse). No login is needed: the signature
 * is the authority, limited to one purpose, one contact, one member, and an expiry.
 */
const claimSchema = z.strictObject({
  p: z.enum(ACTION_PURPOSES),
  a: z.string().min(1),
  u: z.string().min(1),
  c: z.string().min(1).nullable(),
  n: z.string().min(1).max(300),
  e: z.iso.datetime(),
});

const keyFor = (secret: string, use: string) => createHmac("sha256", secret).update(use).digest();

export class ActionTokens {
  private readonly key: Buffer;
  private readonly replyKey: Buffer;
  constructor(secret: string) {
    this.key = keyFor(secret, "kith:digest-action-link:v1");
    this.replyKey = keyFor(secret, "kith:digest-message-id:v1");
  }

  /**
   * The tag in a digest's Message-ID: 128 bits of an HMAC of its ledger key, under a key of its own. A reply that
   * names the Message-ID has seen the digest; no one can make one up for another account or period.
   */
  replyTag(key: DeliveryKey): string {
    const text = [key.accountId, key.kind, key.period].join("\n");
    return createHmac("sha256", this.replyKey).update(text).digest().subarray(0, 16).toString("base64url");
  }

  sign(claim: ActionClaim): string {
    const body = { p: claim.purpose, a: claim.accountId, u: claim.userId, c: claim.contactId, n: claim.nonce };
    const payload = Buffer.from(JSON.stringify({ ...body, e: claim.expiresAt })).toString("base64url");
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claim of a genuine token; a validation error naming `token` otherwise (expiry is the service's check). */
  verify(token: string): ActionClaim {
    const [payload, mac, extra] = token.split(".");
    if (!payload || !mac || extra !== undefined) throw invalid("token", "this link is malformed");
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw invalid("token", "this link's signature does not match; it was changed or is not from this server");
    }
    const parsed = claimSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    if (!parsed.success) throw invalid("token", "this link's content is not understood");
    const c = parsed.data;
    return { purpose: c.p, accountId: c.a, userId: c.u, contactId: c.c, nonce: c.n, expiresAt: c.e };
  }

  private mac(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url");
  }
}

/** Links are built from the configured public URL only, never from a request's Host header. */
export function actionLinks(publicUrl: string, tokens: ActionTokens): ActionLinks {
  return {
    link: (claim) => `${publicUrl}/act?token=${tokens.sign(claim)}`,
    todayUrl: `${publicUrl}/`,
    host: new URL(publicUrl).hostname,
    replyTag: (key) => tokens.replyTag(key),
  };
}
