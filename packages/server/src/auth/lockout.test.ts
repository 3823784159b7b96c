import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";
import { backoffOffsetMs, LIMITS } from "./login-throttle.ts";

const RIGHT = "correct horse battery";
const WRONG = "wrong password!";
const OWNER = "198.51.100.7";
const ATTACKER = "203.0.113.66";

describe("the backoff schedule", () => {
  it("lets the free attempts through at once, then doubles each wait up to 15 minutes", () => {
    expect(backoffOffsetMs(LIMITS.freeAttempts)).toBe(0);
    const waits = [1, 2, 3, 4, 5, 6].map(
      (k) => backoffOffsetMs(LIMITS.freeAttempts + k) - backoffOffsetMs(LIMITS.freeAttempts + k - 1),
    );
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
    expect(backoffOffsetMs(60) - backoffOffsetMs(59)).toBe(LIMITS.maxDelaySeconds * 1000);
  });
});

describe.each(DIALECTS)("lockout by account and address on %s", (dialect) => {
  const s = useTestServer(dialect);

  const signIn = (password: string, from: string, cookie?: string) =>
    s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      remoteAddress: from,
      headers: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}) },
      payload: { email: "ada@example.com", password },
    });
  const after = (seconds: number) => s.clock.set(new Date(s.clock.now().getTime() + seconds * 1000).toISOString());

  it("ten wrong passwords from someone else do not lock the owner out", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const codes: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      codes.push((await signIn(WRONG, ATTACKER)).statusCode);
      after(1);
    }
    expect(codes).toContain(429);
    expect((await signIn(RIGHT, OWNER)).statusCode).toBe(200);
  });

  it("slows one place guessing one account exponentially: 1 s, 2 s, 4 s, and waiting does not add to it", async () => {
    await signUp(s, "Ada", "ada@example.com");
    for (let i = 0; i < LIMITS.freeAttempts; i += 1) expect((await signIn(WRONG, ATTACKER)).statusCode).toBe(401);
    for (const seconds of [1, 2, 4]) {
      const early = await signIn(WRONG, ATTACKER);
      expect(early.statusCode).toBe(429);
      expect(Number(early.headers["retry-after"])).toBeLessThanOrEqual(seconds);
      // Asking again while told to wait is no guess: it does not lengthen the wait.
      expect((await signIn(WRONG, ATTACKER)).statusCode).toBe(429);
      after(seconds);
      expect((await signIn(WRONG, ATTACKER)).statusCode).toBe(401);
    }
    // Even the right password waits its turn from that place; the owner's own place is free.
    expect((await signIn(RIGHT, ATTACKER)).statusCode).toBe(429);
    expect((await signIn(RIGHT, OWNER)).statusCode).toBe(200);
  });

  it("many places guessing one account lock it, but a known device gets through with the right password", async () => {
    await signUp(s, "Ada", "ada@example.com");
    // The owner signed in from her laptop once: it carries the signed device cookie.
    const first = await signIn(RIGHT, OWNER);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === "kith_device");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/auth/sign-in" });
    const deviceCookie = `kith_device=${device?.value}`;
    const guesses = await Promise.all(
      Array.from({ length: LIMITS.perAccount }, (_, i) => signIn(WRONG, `203.0.113.${i + 1}`)),
    );
    expect(guesses.map((g) => g.statusCode)).toEqual(Array(LIMITS.perAccount).fill(401));
    // The account is locked for a new place with no device cookie, even with the right password…
    expect((await signIn(RIGHT, "192.0.2.1")).statusCode).toBe(429);
    // …a forged or foreign device cookie does not help…
    expect((await signIn(RIGHT, "192.0.2.1", "kith_device=1798000000.forged")).statusCode).toBe(429);
    // …and the owner's known device gets through, from anywhere.
    expect((await signIn(RIGHT, "192.0.2.1", deviceCookie)).statusCode).toBe(200);
    // A known device guessing wrong still meets the backoff of its place.
    for (let i = 0; i < LIMITS.freeAttempts; i += 1) {
      expect((await signIn(WRONG, "192.0.2.2", deviceCookie)).statusCode).toBe(401);
    }
    expect((await signIn(WRONG, "192.0.2.2", deviceCookie)).statusCode).toBe(429);
  });

  it("a device cookie made for another address does not open this one", async () => {
    await signUp(s, "Ada", "ada@example.com");
    await signUp(s, "Eve", "eve@example.com");
    const eve = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      remoteAddress: ATTACKER,
      headers: { origin: TEST_ORIGIN },
      payload: { email: "eve@example.com", password: RIGHT },
    });
    const eveDevice = `kith_device=${eve.cookies.find((c) => c.name === "kith_device")?.value}`;
    await Promise.all(Array.from({ length: LIMITS.perAccount }, (_, i) => signIn(WRONG, `203.0.113.${i + 1}`)));
    expect((await signIn(RIGHT, ATTACKER, eveDevice)).statusCode).toBe(429);
  });
});

describe.each(DIALECTS)("the client address behind a proxy on %s", (dialect) => {
  describe("with KITH_TRUST_PROXY=127.0.0.0/8", () => {
    const s = useTestServer(dialect, { env: { KITH_TRUST_PROXY: "127.0.0.0/8" } });

    it("takes the address the trusted proxy forwards, for the throttle and the sessions list", async () => {
      const ada = await signUp(s, "Ada", "ada@example.com");
      const viaProxy = (password: string, client: string) =>
        s.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          remoteAddress: "127.0.0.1",
          headers: { origin: TEST_ORIGIN, "x-forwarded-for": client, "user-agent": "Proxied/1.0" },
          payload: { email: "ada@example.com", password },
        });
      for (let i = 0; i < LIMITS.freeAttempts; i += 1) expect((await viaProxy(WRONG, ATTACKER)).statusCode).toBe(401);
      expect((await viaProxy(WRONG, ATTACKER)).statusCode).toBe(429);
      // Behind the same balancer, the owner is another client: not slowed by the attacker's guesses.
      expect((await viaProxy(RIGHT, OWNER)).statusCode).toBe(200);
      const sessions = (await ada.call("GET", "/api/sessions")).json().items as {
        userAgent: string;
        address: string;
      }[];
      expect(sessions.find((x) => x.userAgent === "Proxied/1.0")?.address).toBe(OWNER);
    });

    it("does not believe a forwarded address from an untrusted peer", async () => {
      await signUp(s, "Ada", "ada@example.com");
      const spoofed = (i: number) =>
        s.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          remoteAddress: ATTACKER,
          headers: { origin: TEST_ORIGIN, "x-forwarded-for": `192.0.2.${i}` },
          payload: { email: "ada@example.com", password: WRONG },
        });
      const codes: number[] = [];
      for (let i = 0; i < LIMITS.freeAttempts + 1; i += 1) codes.push((await spoofed(i)).statusCode);
      expect(codes.at(-1)).toBe(429);
    });
  });

  describe("by default", () => {
    const s = useTestServer(dialect);

    it("ignores X-Forwarded-For: every client behind a proxy is the proxy", async () => {
      await signUp(s, "Ada", "ada@example.com");
      const codes: number[] = [];
      for (let i = 0; i < LIMITS.freeAttempts + 1; i += 1) {
        const res = await s.app.inject({
          method: "POST",
          url: "/api/auth/sign-in/email",
          remoteAddress: "127.0.0.1",
          headers: { origin: TEST_ORIGIN, "x-forwarded-for": `192.0.2.${i}` },
          payload: { email: "ada@example.com", password: WRONG },
        });
        codes.push(res.statusCode);
      }
      expect(codes.at(-1)).toBe(429);
    });
  });
});

describe.each(DIALECTS)("KITH_TRUST_PROXY as a hop count on %s", (dialect) => {
  const s = useTestServer(dialect, { env: { KITH_TRUST_PROXY: "1" } });

  it("takes the client from the one proxy in front", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const res = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      remoteAddress: "10.0.0.2",
      headers: { origin: TEST_ORIGIN, "x-forwarded-for": `192.0.2.1, ${OWNER}`, "user-agent": "Hop/1.0" },
      payload: { email: "ada@example.com", password: RIGHT },
    });
    expect(res.statusCode).toBe(200);
    const sessions = (await ada.call("GET", "/api/sessions")).json().items as { userAgent: string; address: string }[];
    expect(sessions.find((x) => x.userAgent === "Hop/1.0")?.address).toBe(OWNER);
  });
});
