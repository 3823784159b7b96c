import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets Kith must read back to use (a member's SMTP password, later IMAP passwords) are sealed at rest with
 * AES-256-GCM under one server key: `KITH_SECRET_KEY` (base64, 32 bytes), or else a key derived by HKDF-SHA256 from
 * the auth secret with a purpose label of its own (so it is never the key that signs sessions or links).
 *
 * Format, versioned: `ks1.<key id>.<nonce>.<ciphertext>.<tag>` (base64url parts). The nonce is 12 random bytes per
 * seal; the key id (8 characters of an HMAC of the key) tells a value sealed under another key apart from a damaged
 * one before any decryption; the context (which row the value belongs to, e.g. `member-smtp:<account>:<user>`) is
 * the additional data, so a sealed value copied to another row does not open.
 */
export const SEALED_VERSION = "ks1";

const HKDF_INFO = "kith:sealed-secrets:v1";

export type SealedSecretProblem = "key-changed" | "damaged";

export class SealedSecretError extends Error {
  constructor(
    readonly problem: SealedSecretProblem,
    message: string,
  ) {
    super(message);
    this.name = "SealedSecretError";
  }
}

/** The 32-byte key: `KITH_SECRET_KEY` (base64) when given, else HKDF-SHA256 of the auth secret for this use only. */
export function sealingKey(secretKey: string | undefined, authSecret: string): Buffer {
  if (secretKey !== undefined) {
    const key = Buffer.from(secretKey, "base64");
    if (key.length !== 32) throw new Error("KITH_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
    return key;
  }
  return Buffer.from(hkdfSync("sha256", Buffer.from(authSecret, "utf8"), Buffer.alloc(0), HKDF_INFO, 32));
}

export interface SecretSealer {
  seal(plaintext: string, context: string): string;
  /** The plaintext; a SealedSecretError when the key changed since it was sealed, or the value is damaged. */
  open(sealed: string, context: string): string;
}

export function sealedSecrets(key: Buffer): SecretSealer {
  if (key.length !== 32) throw new Error("a sealing key is 32 bytes");
  const keyId = createHmac("sha256", key)
    .update("kith:sealed-secret-key-id")
    .digest()
    .subarray(0, 6)
    .toString("base64url");
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [nonce, body, cipher.getAuthTag()].map((b) => b.toString("base64url"));
      return [SEALED_VERSION, keyId, ...parts].join(".");
    },
    open(sealed, context) {
      const [version, id, nonce, body, tag, extra] = sealed.split(".");
      if (version !== SEALED_VERSION || !id || !nonce || body === undefined || !tag || extra !== undefined) {
        throw new SealedSecretError("damaged", "the stored secret is not in a format this server reads");
      }
      if (id !== keyId) {
        throw new SealedSecretError("key-changed", "the server key changed since this secret was saved");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SealedSecretError("damaged", "the stored secret does not open: it was changed or belongs elsewhere");
      }
    },
  };
}
