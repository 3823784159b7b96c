import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

/** What a credential may do: API tokens stay in their account and cannot mint tokens; session tokens stay in cookies. */
describe.each(DIALECTS)("credentials on %s", (dialect) => {
  const s = useTestServer(dialect);

  /** Ada (her own account) is also an editor in Bob's; her API token belongs to her own. */
  async function adaWithToken() {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    await bob.call("POST", "/api/contacts", { firstName: "Bob's contact" });
    await addMember(bob.call, ada.call, "ada@example.com", "editor");
    const adaAccount = (await ada.call("GET", "/api/account")).json().id as string;
    const bobAccount = (await bob.call("GET", "/api/account")).json().id as string;
    const token = (await ada.call("POST", "/api/tokens", { name: "cli" })).json().token as string;
    const withToken = (method: "GET" | "POST", url: string, headers: Record<string, string> = {}, payload?: object) =>
      s.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(payload ? { payload } : {}),
      });
    return { ada, adaAccount, bobAccount, token, withToken };
  }

  it("an API token asked to act in another account is refused, naming the header, even for a member there", async () => {
    const { ada, adaAccount, bobAccount, withToken } = await adaWithToken();
    const other = await withToken("GET", "/api/contacts", { "x-kith-account": bobAccount });
    expect(other.statusCode).toBe(403);
    expect(other.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(other.json().errors).toEqual([
      { path: "headers.x-kith-account", message: "is not the account this API token belongs to" },
    ]);
    expect(other.body).not.toContain("Bob's contact");
    const write = await withToken("POST", "/api/contacts", { "x-kith-account": bobAccount }, { firstName: "Stray" });
    expect(write.statusCode).toBe(403);
    // Naming the token's own account is fine, and the session may still pick either account.
    expect((await withToken("GET", "/api/contacts", { "x-kith-account": adaAccount })).statusCode).toBe(200);
    const viaSession = await ada.call("GET", "/api/contacts", undefined, { "x-kith-account": bobAccount });
    expect(viaSession.json().items.map((c: { firstName: string }) => c.firstName)).toEqual(["Bob's contact"]);
  });

  it("the Bearer scheme is case-insensitive, and a lower-case one is still not a cookie request", async () => {
    const { token } = await adaWithToken();
    for (const scheme of ["bearer", "BEARER", "Bearer"]) {
      const headers = { authorization: `${scheme} ${token}` };
      expect((await s.app.inject({ method: "GET", url: "/api/contacts", headers })).statusCode, scheme).toBe(200);
      // No Origin: the same-origin guard only asks it of cookie requests.
      const write = await s.app.inject({
        method: "POST",
        url: "/api/contacts",
        headers,
        payload: { firstName: scheme },
      });
      expect(write.statusCode, scheme).toBe(201);
    }
    const empty = await s.app.inject({ method: "GET", url: "/api/contacts", headers: { authorization: "bearer" } });
    expect(empty.statusCode).toBe(401);
  });

  it("an API token cannot create API tokens; a signed-in session can", async () => {
    const { ada, withToken } = await adaWithToken();
    const minted = await withToken("POST", "/api/tokens", {}, { name: "successor" });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().errors[0].path).toBe("headers.authorization");
    const names = (await ada.call("GET", "/api/tokens")).json().items.map((t: { name: string }) => t.name);
    expect(names).toEqual(["cli"]);
    // Reading and revoking with a token stay allowed (a script may revoke itself).
    expect((await withToken("GET", "/api/tokens")).statusCode).toBe(200);
    expect((await ada.call("POST", "/api/tokens", { name: "laptop" })).statusCode).toBe(201);
  });

  it("sign-up and sign-in answer the user without the session token; the cookie carries it", async () => {
    const up = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: { name: "Cy", email: "cy@example.com", password: "correct horse battery" },
    });
    expect(up.statusCode).toBe(200);
    expect(up.json().user.email).toBe("cy@example.com");
    expect(up.json()).not.toHaveProperty("token");
    const session = up.cookies.find((c) => c.name.endsWith("session_token"));
    expect(session?.httpOnly).toBe(true);
    expect(up.body).not.toContain(decodeURIComponent(session?.value ?? "").split(".")[0]);
    const cookie = up.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await s.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(200);

    const signIn = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: TEST_ORIGIN },
      payload: { email: "cy@example.com", password: "correct horse battery" },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().user.email).toBe("cy@example.com");
    expect(signIn.json()).not.toHaveProperty("token");
    expect(signIn.cookies.some((c) => c.name.endsWith("session_token"))).toBe(true);
  });
});
