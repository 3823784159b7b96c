import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { DIALECTS } from "@kith/store/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { isNormalPath } from "../http/guards.ts";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";
import { LIMITS } from "./login-throttle.ts";

const RIGHT = "correct horse battery";
const WRONG = "wrong password!";

/** Ways to spell a path that a normalising router behind a catch-all would read as another path. */
const disguises = (path: string) => {
  const [head, tail] = [path.slice(0, path.lastIndexOf("/")), path.slice(path.lastIndexOf("/") + 1)];
  return [
    `/api/auth/x/..${path.slice("/api/auth".length)}`,
    `/api/auth/%2e${path.slice("/api/auth".length)}`,
    `/api/auth/%2E%2E/auth${path.slice("/api/auth".length)}`,
    `${head}/./${tail}`,
    `${head}//${tail}`,
    `${head}%2F${tail}`,
    `${head}%2f${tail}`,
  ];
};

describe("normal paths", () => {
  it("tells a path in normal form from a disguised one", () => {
    expect(isNormalPath("/api/auth/sign-in/email")).toBe(true);
    expect(isNormalPath("/api/contacts/id-1?q=a/../b")).toBe(true);
    expect(isNormalPath("/api/contacts/caf%C3%A9")).toBe(true);
    for (const url of [...disguises("/api/auth/sign-in/email"), "/api/auth/sign-in\\email", "//api/auth/me"]) {
      expect(isNormalPath(url), url).toBe(false);
    }
  });
});

describe.each(DIALECTS)("sign-in and the auth library's endpoints on %s", (dialect) => {
  const s = useTestServer(dialect);
  beforeEach(async () => {
    await signUp(s, "Ada", "ada@example.com");
  });

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    s.app.inject({ method: "POST", url, headers: { origin: TEST_ORIGIN, ...headers }, payload });
  const signIn = (password: string, url = "/api/auth/sign-in/email") =>
    post(url, { email: "ada@example.com", password });

  /**
   * A POST over a real socket with the path exactly as written: `app.inject` (like a browser) would resolve the dot
   * segments before the app saw them, which is not what an attacker's client does.
   */
  async function rawPost(path: string, payload: object): Promise<{ status: number; cookies: boolean }> {
    if (!s.app.server.listening) await s.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = s.app.server.address() as AddressInfo;
    const body = JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: "POST",
          headers: { origin: TEST_ORIGIN, "content-type": "application/json" },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, cookies: (res.headers["set-cookie"] ?? []).length > 0 }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  it("refuses every disguised path to sign-in, sign-up and the verification mail: 404, nothing done", async () => {
    for (const url of disguises("/api/auth/sign-in/email")) {
      expect(await rawPost(url, { email: "ada@example.com", password: RIGHT }), url).toEqual({
        status: 404,
        cookies: false,
      });
    }
    for (const url of disguises("/api/auth/sign-up/email")) {
      const res = await rawPost(url, { name: " ", email: `x${url.length}@example.com`, password: RIGHT });
      expect(res.status, url).toBe(404);
    }
    for (const url of disguises("/api/auth/send-verification-email")) {
      expect((await rawPost(url, { email: "ada@example.com" })).status, url).toBe(404);
    }
    // Nobody was created by the disguised sign-ups.
    expect(await s.deps.store.users.count()).toBe(1);
  });

  it("serves only the auth library's endpoints Kith means to expose", async () => {
    for (const [method, url] of [
      ["POST", "/api/auth/sign-up/email-otp"],
      ["POST", "/api/auth/update-user"],
      ["POST", "/api/auth/change-email"],
      ["GET", "/api/auth/list-accounts"],
      ["POST", "/api/auth/link-social"],
    ] as const) {
      const res = await s.app.inject({ method, url, headers: { origin: TEST_ORIGIN }, payload: {} });
      expect(res.statusCode, url).toBe(404);
    }
    const signedIn = await signIn(RIGHT);
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const out = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { origin: TEST_ORIGIN, cookie },
    });
    expect(out.statusCode).toBe(200);
    expect((await s.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("sign-up through the real path still gets Kith's checks (a blank or huge name is a 400 naming it)", async () => {
    for (const name of [" ", "x".repeat(300_000)]) {
      const res = await post("/api/auth/sign-up/email", { name, email: "blank@example.com", password: RIGHT });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain("name");
    }
  });

  it("an internationalised domain signs up and signs in in either spelling; a UTF-8 local part is a 400 saying why", async () => {
    const up = await post("/api/auth/sign-up/email", { name: "Kim", email: "Kim@Exämple.com", password: RIGHT });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().user.email).toBe("kim@xn--exmple-cua.com");
    for (const email of ["kim@exämple.com", "KIM@EXÄMPLE.COM", "kim@xn--exmple-cua.com"]) {
      const res = await post("/api/auth/sign-in/email", { email, password: RIGHT });
      expect(res.statusCode, email).toBe(200);
    }
    const taken = await post("/api/auth/sign-up/email", {
      name: "Kim",
      email: "kim@xn--exmple-cua.com",
      password: RIGHT,
    });
    expect(taken.statusCode).not.toBe(500);
    expect(await s.deps.store.users.count()).toBe(2); // Ada and Kim
    const utf8 = await post("/api/auth/sign-up/email", { name: "Zoë", email: "zoë@example.com", password: RIGHT });
    expect(utf8.statusCode).toBe(400);
    expect(JSON.stringify(utf8.json())).toMatch(/email.*ASCII/);
    expect(await s.deps.store.users.count()).toBe(2);
  });

  it("counts parallel wrong passwords one by one: only the free attempts are checked, then the right one waits", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => signIn(WRONG)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(LIMITS.freeAttempts);
    expect(codes.filter((c) => c === 429)).toHaveLength(40 - LIMITS.freeAttempts);
    expect((await signIn(RIGHT)).statusCode).toBe(429);
    s.clock.set("2026-11-02T14:00:01.000Z");
    expect((await signIn(RIGHT)).statusCode).toBe(200);
  });

  it("a right password clears the count; requests that were no guess are not counted", async () => {
    for (let i = 0; i < LIMITS.freeAttempts - 1; i += 1) expect((await signIn(WRONG)).statusCode).toBe(401);
    expect((await signIn(RIGHT)).statusCode).toBe(200);
    for (let i = 0; i < LIMITS.freeAttempts - 1; i += 1) expect((await signIn(WRONG)).statusCode).toBe(401);
    // A malformed body never reaches the password check, and a 400 from the library is not a guess either.
    for (let i = 0; i < 5; i += 1) {
      expect((await post("/api/auth/sign-in/email", { email: "ada@example.com" })).statusCode).toBe(400);
    }
    expect((await signIn(RIGHT)).statusCode).toBe(200);
  });
});
