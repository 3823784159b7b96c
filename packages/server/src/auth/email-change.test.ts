import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

const PASSWORD = "correct horse battery";

describe.each(DIALECTS)("changing the address on %s", (dialect) => {
  const sink = useSmtpSink();
  const s = useTestServer(dialect, { env: () => sink.env() });

  const signIn = async (email: string, userAgent = "Phone/1.0") => {
    const res = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: TEST_ORIGIN, "user-agent": userAgent },
      payload: { email, password: PASSWORD },
    });
    return { status: res.statusCode, cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
  };
  const me = (cookie: string) => s.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
  /** The confirmation link mailed to `address` (the last one). */
  const linkTo = async (address: string) => {
    await sink.waitUntil((all) => all.some((m) => JSON.stringify(m.to).includes(address)));
    const mail = sink.messages.filter((m) => JSON.stringify(m.to).includes(address)).at(-1);
    return /https?:\/\/\S+email-change\?token=\S+/.exec(mail?.text ?? "")?.[0] ?? "";
  };

  it("moves the account once the new address confirms it, and signs out the other sessions", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const phone = await signIn("ada@example.com");
    const asked = await ada.call("POST", "/api/email", { newEmail: "ada@new.example", currentPassword: PASSWORD });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ sentTo: "ada@new.example" });
    // Nothing changes before the link is followed.
    expect((await me(phone.cookie)).statusCode).toBe(200);
    const link = await linkTo("ada@new.example");
    const confirmed = await s.app.inject({ method: "GET", url: link.slice(TEST_ORIGIN.length) });
    expect(confirmed.statusCode).toBe(302);
    expect(confirmed.headers.location).toBe("/settings?email=changed");
    expect((await me(phone.cookie)).statusCode).toBe(401);
    const still = await ada.call("GET", "/api/auth/me");
    expect(still.json().user.email).toBe("ada@new.example");
    expect((await signIn("ada@new.example")).status).toBe(200);
    expect((await signIn("ada@example.com")).status).toBe(401);
    expect((await ada.call("GET", "/api/email-verification")).json().verified).toBe(true);
  });

  it("answers a taken address like a free one; its mailbox's owner is told on following the link", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    await signUp(s, "Bob", "bob@example.com");
    const taken = await ada.call("POST", "/api/email", { newEmail: "bob@example.com", currentPassword: PASSWORD });
    const free = await ada.call("POST", "/api/email", { newEmail: "free@example.com", currentPassword: PASSWORD });
    expect([taken.statusCode, free.statusCode]).toEqual([202, 202]);
    const link = await linkTo("bob@example.com");
    const res = await s.app.inject({ method: "GET", url: link.slice(TEST_ORIGIN.length) });
    expect(res.headers.location).toBe("/settings?email=taken");
    expect((await ada.call("GET", "/api/auth/me")).json().user.email).toBe("ada@example.com");
  });

  it("needs the current password, a session, and a link that is genuine and fresh", async () => {
    const ada = await signUp(s, "Ada", "ada@example.com");
    const wrong = await ada.call("POST", "/api/email", { newEmail: "x@example.com", currentPassword: "not it at all" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe("currentPassword");
    const token = (await ada.call("POST", "/api/tokens", { name: "cli" })).json().token as string;
    const viaToken = await s.app.inject({
      method: "POST",
      url: "/api/email",
      headers: { authorization: `Bearer ${token}` },
      payload: { newEmail: "x@example.com", currentPassword: PASSWORD },
    });
    expect(viaToken.statusCode).toBe(403);
    await ada.call("POST", "/api/email", { newEmail: "late@example.com", currentPassword: PASSWORD });
    const link = await linkTo("late@example.com");
    const forged = `${link.slice(TEST_ORIGIN.length).replace(/\.[^.]+$/, ".forged")}`;
    expect((await s.app.inject({ method: "GET", url: forged })).statusCode).toBe(404);
    s.clock.set("2026-11-03T14:00:01.000Z");
    expect((await s.app.inject({ method: "GET", url: link.slice(TEST_ORIGIN.length) })).statusCode).toBe(404);
    expect((await ada.call("GET", "/api/auth/me")).json().user.email).toBe("ada@example.com");
  });
});
