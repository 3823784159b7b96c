import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

const base = {
  KITH_DATA_DIR: "/nonexistent-kith-test",
  KITH_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  KITH_PUBLIC_URL: "https://kith.example.org",
};
const smtp = { SMTP_HOST: "smtp.example.org", SMTP_FROM: "Kith <kith@example.org>" };
const imap = { IMAP_HOST: "imap.example.org", IMAP_USER: "replies@example.org", IMAP_PASS: "secret" };

describe("reply mailbox configuration", () => {
  it("is off without IMAP_HOST, and without SMTP (an answer could not go out)", () => {
    expect(loadConfig({ ...base, ...smtp }).imap).toBeNull();
    expect(loadConfig({ ...base, ...imap }).imap).toBeNull();
  });

  it("defaults to implicit TLS on 993 and INBOX; replies go to the IMAP login when it is an address", () => {
    expect(loadConfig({ ...base, ...smtp, ...imap }).imap).toEqual({
      host: "imap.example.org",
      port: 993,
      secure: true,
      user: "replies@example.org",
      pass: "secret",
      mailbox: "INBOX",
      replyTo: "replies@example.org",
    });
  });

  it("takes KITH_REPLY_TO, else SMTP_FROM's address when the login is a plain name", () => {
    const plain = { ...base, ...smtp, ...imap, IMAP_USER: "kith", IMAP_PORT: "143", IMAP_SECURE: "false" };
    expect(loadConfig(plain).imap).toMatchObject({
      user: "kith",
      port: 143,
      secure: false,
      replyTo: "kith@example.org",
    });
    expect(loadConfig({ ...plain, KITH_REPLY_TO: "reply@example.org" }).imap?.replyTo).toBe("reply@example.org");
  });

  it("names what is missing or wrong", () => {
    expect(() => loadConfig({ ...base, ...smtp, IMAP_HOST: "imap.example.org" })).toThrow(
      "IMAP_USER, IMAP_PASS: required with IMAP_HOST",
    );
    expect(() => loadConfig({ ...base, ...smtp, ...imap, KITH_REPLY_TO: "not an address" })).toThrow("KITH_REPLY_TO");
    expect(() => loadConfig({ ...base, ...smtp, ...imap, IMAP_PORT: "0" })).toThrow("IMAP_PORT");
  });
});

describe("KITH_TRUST_PROXY", () => {
  it("is off by default; takes true, false, a hop count, or addresses and CIDR ranges", () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, KITH_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, KITH_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, KITH_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, KITH_TRUST_PROXY: "10.0.0.0/8, 192.168.1.4,fd00::/8" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.4",
      "fd00::/8",
    ]);
  });

  it("refuses what is no address or range, naming the variable", () => {
    for (const value of ["yes", "10.0.0.0/33", "10.0.0/8", "example.org", "::1/129"]) {
      expect(() => loadConfig({ ...base, KITH_TRUST_PROXY: value }), value).toThrow(/KITH_TRUST_PROXY/);
    }
  });
});

describe("single sign-on configuration", () => {
  const oidc = { KITH_OIDC_ISSUER: "https://auth.example.org/application/o/kith/", KITH_OIDC_CLIENT_ID: "kith" };

  it("is off without KITH_OIDC_ISSUER (an empty one too)", () => {
    expect(loadConfig(base).oidc).toBeNull();
    expect(loadConfig({ ...base, KITH_OIDC_ISSUER: "" }).oidc).toBeNull();
  });

  it("takes the issuer or its discovery address, the client, and the button's name", () => {
    expect(
      loadConfig({ ...base, ...oidc, KITH_OIDC_CLIENT_SECRET: "s3cret", KITH_OIDC_NAME: " Authentik " }).oidc,
    ).toEqual({
      providerId: "oidc",
      discoveryUrl: "https://auth.example.org/application/o/kith/.well-known/openid-configuration",
      clientId: "kith",
      clientSecret: "s3cret",
      name: "Authentik",
    });
    const google = loadConfig({
      ...base,
      KITH_OIDC_ISSUER: "https://accounts.google.com/.well-known/openid-configuration",
      KITH_OIDC_CLIENT_ID: "123.apps.googleusercontent.com",
    }).oidc;
    expect(google?.discoveryUrl).toBe("https://accounts.google.com/.well-known/openid-configuration");
    expect(google?.clientSecret).toBeUndefined();
    expect(google?.name).toBe("single sign-on");
  });

  it("names what is missing or wrong", () => {
    expect(() => loadConfig({ ...base, KITH_OIDC_ISSUER: "https://auth.example.org" })).toThrow(
      /KITH_OIDC_CLIENT_ID: required with KITH_OIDC_ISSUER/,
    );
    expect(() => loadConfig({ ...base, KITH_OIDC_CLIENT_ID: "kith" })).toThrow(/KITH_OIDC_ISSUER: required/);
    expect(() => loadConfig({ ...base, ...oidc, KITH_OIDC_ISSUER: "auth.example.org" })).toThrow(/KITH_OIDC_ISSUER/);
  });
});
