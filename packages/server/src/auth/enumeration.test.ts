import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
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

describe.each(DIALECTS)("with SMTP, sign-up answers a free and a registered address alike, on %s", (dialect) => {
  const sink = useSmtpSink();
  // No KITH_ALLOW_SIGNUP: open by default once the server sends mail.
  const s = useTestServer(dialect, { env: () => ({ ...sink.env(), KITH_ALLOW_SIGNUP: "" }) });

  const signUpAs = (email: string, password = "another long passphrase") =>
    s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: { name: "Someone", email, password },
    });
  const sessionCookie = (res: { cookies: { name: string }[] }) =>
    res.cookies.some((c) => c.name.endsWith("session_token"));
  const mailTo = async (address: string) => {
    await sink.waitUntil((all) => all.some((m) => JSON.stringify(m.to).includes(address)));
    return sink.messages.filter((m) => JSON.stringify(m.to).includes(address)).at(-1);
  };

  it("signs in the first user, then answers every later sign-up without a session; the mailed link signs in", async () => {
    const first = await signUpAs("ada@example.com");
    expect(first.statusCode).toBe(200);
    expect(sessionCookie(first)).toBe(true);

    const taken = await signUpAs("ADA@example.com");
    const fresh = await signUpAs("néo@example.com".normalize("NFC").replace("é", "e"));
    expect([taken.statusCode, fresh.statusCode]).toEqual([200, 200]);
    expect([sessionCookie(taken), sessionCookie(fresh)]).toEqual([false, false]);
    expect([taken.headers["set-cookie"], fresh.headers["set-cookie"]]).toEqual([undefined, undefined]);
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(Object.keys(taken.json().user).sort()).toEqual(Object.keys(fresh.json().user).sort());
    expect(fresh.json()).not.toHaveProperty("token");
    // The new user exists with no session left over; the registered one is unchanged.
    expect(await s.deps.store.users.count()).toBe(2);
    const neo = await s.deps.store.users.findByEmail("neo@example.com");
    expect(neo).not.toBeNull();
    expect(await s.deps.store.users.listSessions(neo!.id, s.clock.now().toISOString())).toEqual([]);

    // Each inbox learns what the answer did not say: Ada gets a notice, the new address a link that signs in.
    const notice = await mailTo("ada@example.com");
    expect(notice?.subject).not.toBe("Kith: confirm your email address");
    const confirm = await mailTo("neo@example.com");
    expect(confirm?.subject).toBe("Kith: confirm your email address");
    const link = /https?:\/\/\S+verify-email\?token=\S+/.exec(confirm?.text ?? "")?.[0] ?? "";
    expect(link).toContain("callbackURL=%2Fwelcome");
    const followed = await s.app.inject({ method: "GET", url: link.slice(TEST_ORIGIN.length) });
    expect(followed.statusCode).toBe(302);
    expect(followed.headers.location).toBe("/welcome");
    expect(sessionCookie(followed)).toBe(true);
    const cookie = followed.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const me = await s.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("neo@example.com");
    const verified = await s.app.inject({ method: "GET", url: "/api/email-verification", headers: { cookie } });
    expect(verified.json().verified).toBe(true);
  });

  it("signs in an invited address directly: the owner chose it", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const invited = await ada.call("POST", "/api/account/invitations", { email: "bo@example.com", role: "editor" });
    const token = new URL(invited.json().link).hash.slice(1);
    const wrongAddress = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: { name: "Cy", email: "cy@example.com", password: "another long passphrase", invitationToken: token },
    });
    expect(sessionCookie(wrongAddress)).toBe(false);
    const bo = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: { name: "Bo", email: "BO@example.com", password: "another long passphrase", invitationToken: token },
    });
    expect(bo.statusCode).toBe(200);
    expect(sessionCookie(bo)).toBe(true);
  });
});

describe.each(DIALECTS)("without SMTP, sign-up is closed by default and an invitation opens it, on %s", (dialect) => {
  const s = useTestServer(dialect, { env: { KITH_ALLOW_SIGNUP: "" } });

  const signUpAs = (email: string, invitationToken?: string) =>
    s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: {
        name: "Someone",
        email,
        password: "another long passphrase",
        ...(invitationToken ? { invitationToken } : {}),
      },
    });

  it("lets the first user in, refuses later addresses alike, and admits an invited address signed in", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const invited = await ada.call("POST", "/api/account/invitations", { email: "bo@example.com", role: "viewer" });
    const token = new URL(invited.json().link).hash.slice(1);

    const free = await signUpAs("cy@example.com");
    const otherAddress = await signUpAs("cy@example.com", token);
    const forged = await signUpAs("bo@example.com", "kinv_not-a-real-token");
    for (const res of [free, otherAddress, forged]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toBe(free.body);
    }
    expect(await s.deps.store.users.count()).toBe(1);

    const bo = await signUpAs("bo@example.com", token);
    expect(bo.statusCode).toBe(200);
    const cookie = bo.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const accepted = await s.app.inject({
      method: "POST",
      url: "/api/invitations/accept",
      headers: { cookie, origin: TEST_ORIGIN },
      payload: { token },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().role).toBe("viewer");
    // Spent: the same link opens sign-up no more (else this would be answered as a registered address, 200).
    expect((await signUpAs("bo@example.com", token)).statusCode).toBe(403);
  });
});
