import { TestOidcProvider, type TestOidcUser } from "@kith/runtime/testing/oidc-provider";
import { DIALECTS } from "@kith/store/testing";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, type TestServer, useTestServer } from "../testing/test-server.ts";

const CLIENT = { clientId: "kith", clientSecret: "kith-client-secret-0123456789" };
const PASSWORD = "provider password 1";
const user = (sub: string, email: string, name: string, emailVerified = true): TestOidcUser => ({
  sub,
  email,
  name,
  emailVerified,
  password: PASSWORD,
});
const ADA = user("ada-sub", "ada@example.com", "Ada Lovelace");
const ADA_UNVERIFIED = { ...user("ada-elsewhere", "ada@example.com", "Not Ada", false), login: "not-ada" };
const ZOE = user("zoe-sub", "zoë.ñúñez@例え.jp", "Zoë Núñez 🌿");
const GRACE = user("grace-sub", "grace@example.com", "Grace Hopper");
const GRACE_UNVERIFIED = { ...user("grace-unverified", "grace@example.com", "Grace?", false), login: "not-grace" };

let provider: TestOidcProvider;
beforeAll(async () => {
  provider = await new TestOidcProvider({
    users: [ADA, ADA_UNVERIFIED, ZOE, GRACE, GRACE_UNVERIFIED],
    clients: [{ ...CLIENT, redirectUris: [`${TEST_ORIGIN}/api/auth/callback/oidc`] }],
  }).start();
});
afterAll(() => provider.stop());

const ssoEnv = () => ({
  KITH_OIDC_ISSUER: provider.issuer,
  KITH_OIDC_CLIENT_ID: CLIENT.clientId,
  KITH_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
  KITH_OIDC_NAME: "Test provider",
});

type Kith = Pick<TestServer, "app">;

/** Cookies as a browser keeps them for one site: name → value, replaced or dropped by each answer. */
class Jar {
  private readonly values = new Map<string, string>();
  take(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || pair.slice(at + 1) === "") this.values.delete(name);
      else this.values.set(name, pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(suffix: string): boolean {
    return [...this.values.keys()].some((name) => name.endsWith(suffix));
  }
}

const setCookiesOf = (res: LightMyRequestResponse): string[] => {
  const header = res.headers["set-cookie"];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
};

interface Journey {
  /** Typed into the provider's form as the user name; `null` presses Cancel (consent refused). */
  login: string | null;
  invitationToken?: string;
  next?: string;
  /** Changes the provider's answer on its way back to Kith (a forged or replayed callback). */
  tamper?: (callback: URL) => URL;
  /** The Kith cookies the callback arrives with (default: those of the browser that started). */
  callbackJar?: Jar;
  /** Where the trip starts (default: the sign-in page's `POST /api/auth/sign-in/sso`). */
  start?: "sign-in" | "link";
}

/**
 * A browser's trip: Kith's start → the provider's sign-in form → back to Kith's callback. Kith is reached through
 * `inject` (its origin is TEST_ORIGIN), the provider over loopback HTTP. Answers Kith's last answer and its cookies.
 */
async function signInThroughProvider(kith: Kith, journey: Journey, kithJar = new Jar()) {
  const start = await kith.app.inject({
    method: "POST",
    url: journey.start === "link" ? "/api/sso/link" : "/api/auth/sign-in/sso",
    headers: { origin: TEST_ORIGIN, cookie: kithJar.header() },
    payload: {
      ...(journey.next ? { next: journey.next } : {}),
      ...(journey.invitationToken ? { invitationToken: journey.invitationToken } : {}),
    },
  });
  expect(start.statusCode, start.body).toBe(200);
  kithJar.take(setCookiesOf(start));
  const providerJar = new Jar();
  let url = new URL(start.json<{ url: string }>().url);
  let form: URLSearchParams | null = null;
  for (let hop = 0; url.origin !== TEST_ORIGIN; hop += 1) {
    if (hop > 12) throw new Error(`too many redirects at ${url}`);
    const res = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: providerJar.header(),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    providerJar.take(res.headers.getSetCookie());
    form = null;
    const location = res.headers.get("location");
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const html = await res.text();
    expect(res.status, html).toBe(200);
    // The provider's sign-in form: type the address and password, or press Cancel.
    const action = journey.login === null ? /action="([^"]+\/cancel)"/ : /action="([^"]+\/login)"/;
    url = new URL(action.exec(html)?.[1] ?? "", url);
    form = new URLSearchParams(journey.login === null ? {} : { login: journey.login, password: PASSWORD });
  }
  if (journey.tamper) url = journey.tamper(url);
  const jar = journey.callbackJar ?? kithJar;
  const back = await kith.app.inject({
    method: "GET",
    url: `${url.pathname}${url.search}`,
    headers: { cookie: jar.header() },
  });
  jar.take(setCookiesOf(back));
  return { back, jar, location: back.headers.location as string | undefined };
}

const me = (kith: Kith, jar: Jar) =>
  kith.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: jar.header(), origin: TEST_ORIGIN } });

describe.each(DIALECTS)("single sign-on through an OpenID provider, on %s", (dialect) => {
  const s = useTestServer(dialect, { env: ssoEnv });

  it("names the provider for the sign-in page", async () => {
    const res = await s.app.inject({ method: "GET", url: "/api/auth/sso" });
    expect(res.json()).toEqual({ provider: { id: "oidc", name: "Test provider" } });
  });

  it("signs a new person in: their own account, a session like a password's, listed and ended like one", async () => {
    const { back, jar, location } = await signInThroughProvider(s, { login: ZOE.email, next: "/contacts" });
    expect(back.statusCode).toBe(302);
    // New to Kith: the first-run page first, as after a password sign-up.
    expect(location).toBe("/welcome");
    expect(jar.has("session_token")).toBe(true);
    const who = await me(s, jar);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: { email: ZOE.email, name: ZOE.name }, role: "owner" });
    expect(provider.signIns).toContain(ZOE.email);

    // A second browser of hers, then "sign out everywhere else" from the first: the second is out.
    const other = await signInThroughProvider(s, { login: ZOE.email });
    const sessions = await s.app.inject({
      method: "GET",
      url: "/api/sessions",
      headers: { cookie: jar.header(), origin: TEST_ORIGIN },
    });
    expect(sessions.json().items).toHaveLength(2);
    const out = await s.app.inject({
      method: "POST",
      url: "/api/sessions/sign-out-others",
      headers: { cookie: jar.header(), origin: TEST_ORIGIN },
    });
    expect(out.statusCode).toBe(200);
    expect((await me(s, other.jar)).statusCode).toBe(401);
    expect((await me(s, jar)).statusCode).toBe(200);
    // Signing out is better-auth's own, as for a password.
    const signOut = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie: jar.header(), origin: TEST_ORIGIN },
    });
    expect(signOut.statusCode).toBe(200);
    jar.take(setCookiesOf(signOut));
    expect((await me(s, jar)).statusCode).toBe(401);
    // The same person again is the same user (no second account).
    const again = await signInThroughProvider(s, { login: ZOE.email, next: "/contacts" });
    expect(again.location).toBe("/contacts");
    expect((await me(s, again.jar)).json().user.id).toBe(who.json().user.id);
    expect(await s.deps.store.users.count()).toBe(1);
  });

  it("a person the provider signed up has no password: a change says so (409), and they may set a first one", async () => {
    const { jar } = await signInThroughProvider(s, { login: ZOE.email });
    const call = (method: "GET" | "POST", url: string, payload?: object) =>
      s.app.inject({
        method,
        url,
        headers: { cookie: jar.header(), origin: TEST_ORIGIN },
        ...(payload ? { payload } : {}),
      });
    expect((await call("GET", "/api/sso/link")).json()).toEqual({
      provider: { id: "oidc", name: "Test provider" },
      linked: true,
      password: false,
    });
    const change = await call("POST", "/api/password", {
      currentPassword: "anything at all",
      newPassword: "a first long passphrase",
    });
    expect(change.statusCode, change.body).toBe(409);
    expect(change.json().detail).toMatch(/single sign-on/);
    const set = await call("POST", "/api/password/set", { newPassword: "a first long passphrase" });
    expect(set.statusCode, set.body).toBe(204);
    expect((await call("GET", "/api/sso/link")).json().password).toBe(true);
    expect((await call("POST", "/api/password/set", { newPassword: "another long passphrase" })).statusCode).toBe(409);
    const changed = await call("POST", "/api/password", {
      currentPassword: "a first long passphrase",
      newPassword: "another long passphrase",
    });
    expect(changed.statusCode, changed.body).toBe(204);
  });

  it("links to an existing password account when both the provider and Kith verified the address", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const adaId = (await s.deps.store.users.findByEmail("ada@example.com"))?.id as string;
    // Ada confirmed her address by the mailed link (what the link does, without a mail server here).
    expect(await s.deps.store.users.changeEmail(adaId, "ada@example.com")).toBe(true);
    const { location, jar } = await signInThroughProvider(s, { login: ADA.email });
    expect(location).toBe("/");
    expect((await me(s, jar)).json().user.id).toBe(adaId);
    expect(await s.deps.store.users.count()).toBe(1);
    // Her password still signs in too.
    const withPassword = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: TEST_ORIGIN },
      payload: { email: "ada@example.com", password: "correct horse battery" },
    });
    expect(withPassword.statusCode).toBe(200);
  });

  it("refuses to link an address the provider did not verify, and one Kith never verified", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const adaId = (await s.deps.store.users.findByEmail("ada@example.com"))?.id as string;

    // Kith has not verified Ada's address (she never followed a mailed link): a verified provider address is not
    // enough, since whoever signed up with it first may not own it.
    const unconfirmedHere = await signInThroughProvider(s, { login: ADA.email });
    expect(unconfirmedHere.location).toBe("/sign-in?error=account_not_linked");
    expect(unconfirmedHere.jar.has("session_token")).toBe(false);

    await s.deps.store.users.changeEmail(adaId, "ada@example.com");
    // Someone at the provider with Ada's address, unverified there: not let into Ada's account.
    const stranger = await signInThroughProvider(s, { login: ADA_UNVERIFIED.login });
    expect(stranger.location).toBe("/sign-in?error=account_not_linked");
    expect(stranger.jar.has("session_token")).toBe(false);
    expect(await s.deps.store.users.count()).toBe(1);
    // And the refusals left no link behind: the verified one still links now.
    const ada = await signInThroughProvider(s, { login: ADA.email });
    expect((await me(s, ada.jar)).json().user.id).toBe(adaId);
  });

  it("refuses a forged state, a callback in another browser and a refused consent, with words for the page", async () => {
    const forged = await signInThroughProvider(s, {
      login: ZOE.email,
      tamper: (url) => {
        const state = url.searchParams.get("state") ?? "";
        url.searchParams.set("state", `${state.slice(0, -4)}AAAA`);
        return url;
      },
    });
    // A state that does not open names no page of its own: the sign-in page is where every failure comes back.
    expect(forged.location).toBe("http://kith.test/sign-in?error=state_mismatch");
    expect(forged.jar.has("session_token")).toBe(false);

    // The provider's answer replayed in a browser that did not start the sign-in (no state cookie).
    const elsewhere = await signInThroughProvider(s, { login: ZOE.email, callbackJar: new Jar() });
    expect(elsewhere.location).toBe("/sign-in?error=state_mismatch");
    expect(elsewhere.jar.has("session_token")).toBe(false);

    const denied = await signInThroughProvider(s, { login: null });
    expect(denied.location).toMatch(/^\/sign-in\?error=access_denied/);
    expect(await s.deps.store.users.count()).toBe(0);
  });

  it("sends the browser only to a page of this site after signing in", async () => {
    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      const res = await s.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/sso",
        headers: { origin: TEST_ORIGIN },
        payload: { next },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe("next");
    }
  });

  it("serves only the callback it needs: better-auth's generic social sign-in and other callbacks stay 404", async () => {
    for (const [method, url] of [
      ["POST", "/api/auth/sign-in/social"],
      ["GET", "/api/auth/callback/google"],
      ["POST", "/api/auth/callback/oidc"],
      ["POST", "/api/auth/link-social"],
      ["GET", "/api/auth/list-accounts"],
    ] as const) {
      const res = await s.app.inject({ method, url, headers: { origin: TEST_ORIGIN }, payload: {} });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});

describe.each(DIALECTS)("linking single sign-on from Settings, on %s", (dialect) => {
  const s = useTestServer(dialect, { env: ssoEnv });

  /** Ada, signed in with her password; Kith never confirmed her address (no mail server). */
  const adaWithPassword = async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const jar = new Jar();
    jar.take(ada.cookie.split("; "));
    return { ada, jar };
  };
  const linkState = (jar: Jar) =>
    s.app.inject({ method: "GET", url: "/api/sso/link", headers: { cookie: jar.header(), origin: TEST_ORIGIN } });

  it("links the provider to the signed-in person when it vouches for their very address; then it signs them in", async () => {
    const { ada, jar } = await adaWithPassword();
    expect((await linkState(jar)).json()).toEqual({
      provider: { id: "oidc", name: "Test provider" },
      linked: false,
      password: true,
    });
    const linked = await signInThroughProvider(s, { login: ADA.email, start: "link" }, jar);
    expect(linked.location).toBe("/settings?sso=linked");
    expect((await linkState(jar)).json().linked).toBe(true);
    // Signed out, the provider alone now brings her back as herself.
    const back = await signInThroughProvider(s, { login: ADA.email });
    expect(back.location).toBe("/");
    expect((await me(s, back.jar)).json().user.id).toBe(ada.userId);
    expect(await s.deps.store.users.count()).toBe(1);
  });

  it("links nothing for an unverified address or another person's, and says why on Settings", async () => {
    const { jar } = await adaWithPassword();
    const unverified = await signInThroughProvider(s, { login: ADA_UNVERIFIED.login, start: "link" }, jar);
    expect(unverified.location).toBe("/settings?error=unable_to_link_account");
    const someoneElse = await signInThroughProvider(s, { login: ZOE.email, start: "link" }, jar);
    expect(someoneElse.location).toBe("/settings?error=email_does_not_match");
    expect((await linkState(jar)).json().linked).toBe(false);
    // Still refused at sign-in (Kith never confirmed Ada's address), and no one else's account was made.
    expect((await signInThroughProvider(s, { login: ADA.email })).location).toBe("/sign-in?error=account_not_linked");
    expect(await s.deps.store.users.count()).toBe(1);
  });

  it("needs a browser session: an API token and a signed-out request are refused", async () => {
    const { ada } = await adaWithPassword();
    const token = (await ada.call("POST", "/api/tokens", { name: "script" })).json().token as string;
    const byToken = await s.app.inject({
      method: "POST",
      url: "/api/sso/link",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.statusCode).toBe(403);
    expect((await s.app.inject({ method: "GET", url: "/api/sso/link" })).statusCode).toBe(401);
  });
});

describe.each(DIALECTS)("single sign-on with sign-up closed, on %s", (dialect) => {
  const s = useTestServer(dialect, { env: () => ({ ...ssoEnv(), KITH_ALLOW_SIGNUP: "false" }) });

  it("the first person becomes the owner through the provider, as with a password", async () => {
    const { jar } = await signInThroughProvider(s, { login: ADA.email });
    expect((await me(s, jar)).json()).toMatchObject({ role: "owner" });
  });

  it("refuses a new person without an invitation, admits the invited address, not an unverified claim to it", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const uninvited = await signInThroughProvider(s, { login: ZOE.email });
    expect(uninvited.location).toMatch(/^\/sign-in\?error=SIGNUP_CLOSED/);
    expect(uninvited.jar.has("session_token")).toBe(false);
    expect(await s.deps.store.users.count()).toBe(1);

    const invited = await owner.call("POST", "/api/account/invitations", {
      email: "grace@example.com",
      role: "editor",
    });
    expect(invited.statusCode).toBe(201);
    const token = new URL(invited.json().link).hash.slice(1);

    // Someone at the provider with Grace's address, unverified there, holding her link: still refused.
    const claim = await signInThroughProvider(s, { login: GRACE_UNVERIFIED.login, invitationToken: token });
    expect(claim.location).toMatch(/^\/sign-in\?error=SIGNUP_CLOSED/);
    // Another invited address's token does not admit Zoë either.
    const other = await signInThroughProvider(s, { login: ZOE.email, invitationToken: token });
    expect(other.location).toMatch(/^\/sign-in\?error=SIGNUP_CLOSED/);
    expect(await s.deps.store.users.count()).toBe(1);

    const grace = await signInThroughProvider(s, { login: GRACE.email, invitationToken: token, next: "/invite" });
    expect(grace.location).toBe("/invite");
    expect((await me(s, grace.jar)).json().user).toMatchObject({ email: "grace@example.com", name: "Grace Hopper" });
    expect(await s.deps.store.users.count()).toBe(2);
    // She accepts as anyone signed in does.
    const accept = await s.app.inject({
      method: "POST",
      url: "/api/invitations/accept",
      headers: { cookie: grace.jar.header(), origin: TEST_ORIGIN },
      payload: { token },
    });
    expect(accept.statusCode, accept.body).toBe(200);
  });
});

describe.each(DIALECTS)("without single sign-on configured, on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("offers no provider and serves none of its routes", async () => {
    expect((await s.app.inject({ method: "GET", url: "/api/auth/sso" })).json()).toEqual({ provider: null });
    const start = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/sso",
      headers: { origin: TEST_ORIGIN },
      payload: {},
    });
    expect(start.statusCode).toBe(404);
    expect((await s.app.inject({ method: "GET", url: "/api/auth/callback/oidc?code=x&state=y" })).statusCode).toBe(404);
    const owner = await signUp(s, "Ada", "ada@example.com");
    expect((await owner.call("GET", "/api/sso/link")).json()).toEqual({
      provider: null,
      linked: false,
      password: true,
    });
    expect((await owner.call("POST", "/api/sso/link")).statusCode).toBe(404);
  });
});
