import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

const PASSWORD = "correct horse battery";

describe.each(DIALECTS)("sessions and password changes on %s", (dialect) => {
  const s = useTestServer(dialect);

  /** Another browser of the same person: a sign-in with its own user agent and cookie. */
  async function signInElsewhere(email: string, userAgent: string, password = PASSWORD) {
    const res = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: TEST_ORIGIN, "user-agent": userAgent },
      payload: { email, password },
    });
    expect(res.statusCode).toBe(200);
    return res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  }
  const me = (cookie: string) => s.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });

  it("lists the member's sessions with device and address, this one first and marked, never a token", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    await signInElsewhere("ada@example.com", "Phone/1.0");
    await signUp(s, "Bob", "bob@example.com");
    const res = await ada.call("GET", "/api/sessions");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { current: boolean; userAgent: string | null; address: string | null }[];
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.current)).toEqual([true, false]);
    expect(items[1]?.userAgent).toBe("Phone/1.0");
    expect(items[1]?.address).toBe("127.0.0.1");
    // The auth library stamps sessions with the real clock; both instants come out as ISO text on both engines.
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    expect(items[0]).toMatchObject({ createdAt: expect.stringMatching(iso), lastSeenAt: expect.stringMatching(iso) });
    expect(res.body).not.toMatch(/token/i);
  });

  it("signs out one session, or every other one; another user's session is not found", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const phone = await signInElsewhere("ada@example.com", "Phone/1.0");
    const tablet = await signInElsewhere("ada@example.com", "Tablet/1.0");
    const bob = await signUp(s, "Bob", "bob@example.com");
    const ids = (await ada.call("GET", "/api/sessions")).json().items as { id: string; userAgent: string }[];
    const phoneId = ids.find((i) => i.userAgent === "Phone/1.0")?.id as string;
    expect((await bob.call("DELETE", `/api/sessions/${phoneId}`)).statusCode).toBe(404);
    expect((await me(phone)).statusCode).toBe(200);
    expect((await ada.call("DELETE", `/api/sessions/${phoneId}`)).statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(tablet)).statusCode).toBe(200);
    const others = await ada.call("POST", "/api/sessions/sign-out-others");
    expect(others.json()).toEqual({ signedOut: 1 });
    expect((await me(tablet)).statusCode).toBe(401);
    expect((await ada.call("GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await bob.call("GET", "/api/auth/me")).statusCode).toBe(200);
  });

  it("an API token can neither list nor end sessions nor change the password", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const token = (await ada.call("POST", "/api/tokens", { name: "cli" })).json().token as string;
    const headers = { authorization: `Bearer ${token}` };
    for (const [method, url, payload] of [
      ["GET", "/api/sessions", undefined],
      ["POST", "/api/sessions/sign-out-others", undefined],
      ["POST", "/api/password", { currentPassword: PASSWORD, newPassword: "a new long passphrase" }],
    ] as const) {
      const res = await s.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().errors[0].path).toBe("headers.authorization");
    }
  });

  it("changing the password signs out the other sessions and keeps this one", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const phone = await signInElsewhere("ada@example.com", "Phone/1.0");
    const changed = await ada.call("POST", "/api/password", {
      currentPassword: PASSWORD,
      newPassword: "a new long passphrase",
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    // This browser gets its renewed session cookie with the answer.
    const renewed = changed.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await me(renewed)).statusCode).toBe(200);
    expect(changed.body).not.toMatch(/token/i);
    await signInElsewhere("ada@example.com", "Laptop/1.0", "a new long passphrase");
    const old = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: TEST_ORIGIN },
      payload: { email: "ada@example.com", password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });

  it("a new password follows the policy, naming the field; a wrong current one names its field", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const cases: [object, string, string][] = [
      [{ currentPassword: PASSWORD, newPassword: "password123" }, "newPassword", "This password is too common"],
      [{ currentPassword: PASSWORD, newPassword: "short" }, "newPassword", "This password is too short"],
      [{ currentPassword: PASSWORD, newPassword: "ADA@example.com" }, "newPassword", "your email address"],
      [{ currentPassword: "not my password", newPassword: "a new long passphrase" }, "currentPassword", "is not"],
    ];
    for (const [body, path, words] of cases) {
      const res = await ada.call("POST", "/api/password", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
      expect(res.json().errors[0].message).toContain(words);
    }
    // Nothing changed: the old password still signs in.
    await signInElsewhere("ada@example.com", "Phone/1.0");
  });

  it("sign-up refuses a common password or the address itself, naming the field", async () => {
    for (const password of ["password123", "cy@example.com"]) {
      const res = await s.app.inject({
        method: "POST",
        url: "/api/auth/sign-up/email",
        headers: { origin: TEST_ORIGIN },
        payload: { name: "Cy", email: "cy@example.com", password },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe("password");
    }
    expect(await s.deps.store.users.count()).toBe(0);
  });
});
