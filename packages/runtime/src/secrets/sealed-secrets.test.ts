import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SealedSecretError, sealedSecrets, sealingKey } from "./sealed-secrets.ts";

const AUTH_SECRET = "an-auth-secret-of-at-least-32-characters!";

describe("sealed secrets", () => {
  const sealer = sealedSecrets(sealingKey(undefined, AUTH_SECRET));

  it("opens what it sealed, in any script, and never shows the plaintext", () => {
    for (const plain of ["hunter2-but-longer", "pässwörd 密码 🔑", "", "x".repeat(2000)]) {
      const sealed = sealer.seal(plain, "member-smtp:a:u");
      expect(sealed).toMatch(/^ks1\.[\w-]{8}\.[\w-]{16}\.[\w-]*\.[\w-]{22}$/);
      if (plain) expect(sealed).not.toContain(plain);
      expect(sealer.open(sealed, "member-smtp:a:u")).toBe(plain);
    }
  });

  it("uses a fresh nonce for every seal", () => {
    const a = sealer.seal("same", "c");
    const b = sealer.seal("same", "c");
    expect(a).not.toBe(b);
    expect(a.split(".")[2]).not.toBe(b.split(".")[2]);
  });

  it("says the server key changed when opened under another key (another auth secret or KITH_SECRET_KEY)", () => {
    const sealed = sealer.seal("secret", "c");
    const others = [
      sealedSecrets(sealingKey(undefined, `${AUTH_SECRET}-other`)),
      sealedSecrets(sealingKey(randomBytes(32).toString("base64"), AUTH_SECRET)),
    ];
    for (const other of others) {
      expect(() => other.open(sealed, "c")).toThrow(SealedSecretError);
      expect(() => other.open(sealed, "c")).toThrow("the server key changed");
    }
  });

  it("refuses a value moved to another row (the context is authenticated) or changed by one character", () => {
    const sealed = sealer.seal("secret", "member-smtp:a:u1");
    expect(() => sealer.open(sealed, "member-smtp:a:u2")).toThrow(/does not open/);
    const parts = sealed.split(".");
    const body = parts[3] ?? "";
    parts[3] = (body[0] === "A" ? "B" : "A") + body.slice(1);
    expect(() => sealer.open(parts.join("."), "member-smtp:a:u1")).toThrow(/does not open/);
    expect(() => sealer.open("plain text", "c")).toThrow(/not in a format/);
    expect(() => sealer.open(`ks2${sealed.slice(3)}`, "c")).toThrow(/not in a format/);
  });

  it("takes KITH_SECRET_KEY as 32 bytes of base64 and refuses any other length", () => {
    const key = randomBytes(32);
    expect(sealingKey(key.toString("base64"), AUTH_SECRET).equals(key)).toBe(true);
    expect(() => sealingKey(randomBytes(16).toString("base64"), AUTH_SECRET)).toThrow(/32 bytes/);
    // The derived key is stable for one auth secret (a restart opens what was sealed before) and is not the secret.
    expect(sealingKey(undefined, AUTH_SECRET).equals(sealingKey(undefined, AUTH_SECRET))).toBe(true);
    expect(sealingKey(undefined, AUTH_SECRET).toString("utf8")).not.toContain(AUTH_SECRET.slice(0, 8));
  });
});
