import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("sign-up does not tell whether an address is registered, on %s", (dialect) => {
  const s = useTestServer(dialect);

  const signUpAs = (email: string, password = "another long passphrase") =>
    s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: { name: "Someone", email, password },
    });
  const shapeOf = (body: { user: Record<string, unknown> }) => ({
    keys: Object.keys(body).sort(),
    userKeys: Object.keys(body.user).sort(),
    email: body.user.email,
    name: body.user.name,
  });

  it("answers a taken address with the status and shape of a new one, and changes nothing", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const taken = await signUpAs("ADA@example.com");
    const fresh = await signUpAs("new@example.com");
    expect(taken.statusCode).toBe(200);
    expect(fresh.statusCode).toBe(200);
    expect(taken.headers["content-type"]).toBe(fresh.headers["content-type"]);
    expect({ ...shapeOf(taken.json()), email: "" }).toEqual({ ...shapeOf(fresh.json()), email: "" });
    expect(taken.json().user.email).toBe("ada@example.com");
    // Nobody is signed in as Ada, no user is added, and the stranger's password does not open her account.
    expect(taken.cookies.some((c) => c.name.endsWith("session_token"))).toBe(false);
    expect(await s.deps.store.users.count()).toBe(2);
    const signIn = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: TEST_ORIGIN },
      payload: { email: "ada@example.com", password: "another long passphrase" },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it("checks the input the same way first: a bad field is a 400 for a taken address too", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const res = await signUpAs("ada@example.com", "password123");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("password");
  });
});

describe.each(DIALECTS)("closed sign-up refuses a free and a registered address alike, on %s", (dialect) => {
  const s = useTestServer(dialect, { env: { KITH_ALLOW_SIGNUP: "false" } });

  const signUpAs = (email: string) =>
    s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: { name: "Someone", email, password: "another long passphrase" },
    });

  it("lets the first user of an empty installation in, then answers every address with the same 403", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const taken = await signUpAs("ada@example.com");
    const free = await signUpAs("new@example.com");
    expect(taken.statusCode).toBe(403);
    expect(free.statusCode).toBe(403);
    expect(taken.headers["content-type"]).toBe(free.headers["content-type"]);
    expect(taken.body).toBe(free.body);
    expect(taken.json().detail).toContain("sign-up is closed");
    expect([taken.headers["set-cookie"], free.headers["set-cookie"]]).toEqual([undefined, undefined]);
    expect(await s.deps.store.users.count()).toBe(1);
  });
});
