import { randomBytes } from "node:crypto";
import { type Actor, sendMessage } from "@kith/core";
import { openSending } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, type Call, signUp, testConfig, useTestServer } from "../testing/test-server.ts";

const PASSWORD = "app-password-0123";

describe.each(DIALECTS)("sending from the member's own email on %s", (dialect) => {
  const sink = useSmtpSink({ users: { "ada@mail.example.com": PASSWORD } });
  const s = useTestServer(dialect);

  const account = (overrides: Record<string, unknown> = {}) => ({
    host: "127.0.0.1",
    port: sink.port,
    security: "none",
    user: "ada@mail.example.com",
    password: PASSWORD,
    fromName: "Ada Lovelace",
    fromAddress: "ada@example.com",
    ...overrides,
  });

  async function rosaOf(call: Call, emails = [{ address: "rosa@example.org" }, { address: "rosa.diaz@work.example" }]) {
    const res = await call("POST", "/api/contacts", { firstName: "Rosa", lastName: "Diaz", emails });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  }

  it("saves the account with its password sealed, never shows the password, and removes it", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    expect((await call("GET", "/api/me/smtp")).json()).toEqual({ smtp: null });
    const saved = await call("PUT", "/api/me/smtp", account());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ host: "127.0.0.1", passwordSet: true, fromAddress: "ada@example.com" });
    const got = await call("GET", "/api/me/smtp");
    expect(got.body).not.toContain(PASSWORD);
    expect(got.json().smtp).toMatchObject({
      user: "ada@mail.example.com",
      passwordSet: true,
      fromName: "Ada Lovelace",
    });
    const row = await s.db.db.selectFrom("member_smtp").selectAll().executeTakeFirstOrThrow();
    expect(row.sealed_password).toMatch(/^ks1\./);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);

    // Without a password the saved one is kept.
    const { password: _kept, ...withoutPassword } = account({ fromName: "Ada L." });
    expect((await call("PUT", "/api/me/smtp", withoutPassword)).json()).toMatchObject({ passwordSet: true });
    expect((await call("POST", "/api/me/smtp/test")).json()).toEqual({ ok: true, error: null });

    expect((await call("DELETE", "/api/me/smtp")).statusCode).toBe(204);
    expect((await call("GET", "/api/me/smtp")).json()).toEqual({ smtp: null });
  });

  it("refuses a plain connection beyond this machine, a bad address or host, and a user without password", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const cases: [Record<string, unknown>, string][] = [
      [{ host: "smtp.example.com", security: "none" }, "security"],
      [{ host: "smtp example.com" }, "host"],
      [{ fromAddress: "not an address" }, "fromAddress"],
      [{ fromName: "Ada\r\nBcc: eve@example.com" }, "fromName"],
      [{ port: 70000 }, "port"],
      [{ password: undefined }, "password"],
    ];
    for (const [change, path] of cases) {
      const res = await call("PUT", "/api/me/smtp", account(change));
      expect(res.statusCode, path).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    // Internationalised sender addresses are addresses, as for contacts.
    expect((await call("PUT", "/api/me/smtp", account({ fromAddress: "zoë@exämple.com" }))).statusCode).toBe(200);
    expect(
      (await call("PUT", "/api/me/smtp", account({ host: "smtp.example.com", security: "starttls" }))).statusCode,
    ).toBe(200);
  });

  it("tests the connection and says in words what failed, without the server's own text", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    expect((await call("POST", "/api/me/smtp/test")).statusCode).toBe(409);
    expect((await call("POST", "/api/me/smtp/test", account())).json()).toEqual({ ok: true, error: null });
    const wrong = (await call("POST", "/api/me/smtp/test", account({ password: "wrong-password" }))).json();
    expect(wrong).toEqual({ ok: false, error: "the mail server refused the user name or password (reply 535)" });
    const tls = (await call("POST", "/api/me/smtp/test", account({ security: "starttls" }))).json();
    expect(tls.ok).toBe(false);
    expect(tls.error).toMatch(/STARTTLS/);
    await sink.stop();
    const down = (await call("POST", "/api/me/smtp/test", account())).json();
    expect(down).toEqual({ ok: false, error: "could not connect to the mail server (connection refused)" });
  });

  it("sends from the member's address to the contact's first email, logs one outbound email and opens an outreach", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    await call("PUT", "/api/me/smtp", account());
    const rosa = await rosaOf(call);
    const sent = await call("POST", "/api/messages/send", {
      contactId: rosa.id,
      subject: "Coffee in Zürich? ☕",
      body: "Hi Rosa,\n\nit's been a while.\n\nAda",
    });
    expect(sent.statusCode).toBe(200);
    const { interactionId, messageId } = sent.json() as { interactionId: string; messageId: string };
    expect(messageId).toMatch(/^<kith\.[^@>]+@example\.com>$/);
    await sink.waitFor(1);
    const mail = sink.messages[0];
    expect(mail?.from?.value).toEqual([{ address: "ada@example.com", name: "Ada Lovelace" }]);
    expect(mail?.to).toMatchObject({ value: [{ address: "rosa@example.org" }] });
    expect(mail?.subject).toBe("Coffee in Zürich? ☕");
    expect(mail?.text?.trim()).toBe("Hi Rosa,\n\nit's been a while.\n\nAda");
    expect(mail?.messageId).toBe(messageId);
    expect(sink.envelopes[0]).toEqual({ from: "ada@example.com", user: "ada@mail.example.com" });

    const interaction = (await call("GET", `/api/interactions/${interactionId}`)).json();
    expect(interaction).toMatchObject({
      contactIds: [rosa.id],
      kind: "email",
      direction: "outbound",
      summary: "Coffee in Zürich? ☕",
      awaitsReply: true,
      meaningful: true,
    });
    const contact = (await call("GET", `/api/contacts/${rosa.id}`)).json();
    expect(contact).toMatchObject({ lastTouchAt: "2026-11-02T14:00:00.000Z", touchCount: 1 });
    // The outreach waits for a reply: a nudge falls due three days on.
    expect(contact.nextDueOn).toBe("2026-11-05");
    const ledger = await s.db.db.selectFrom("message_send").selectAll().execute();
    expect(ledger).toMatchObject([{ status: "sent", interaction_id: interactionId, message_id: messageId }]);

    // Another of the contact's addresses, chosen; a thank-you that waits for nothing opens no outreach.
    const second = await call("POST", "/api/messages/send", {
      contactId: rosa.id,
      to: "ROSA.DIAZ@work.example",
      subject: "Thanks!",
      body: "Thank you for the intro.",
      awaitsReply: false,
    });
    expect(second.statusCode).toBe(200);
    await sink.waitFor(2);
    expect(sink.messages[1]?.to).toMatchObject({ value: [{ address: "rosa.diaz@work.example" }] });
    expect((await call("GET", `/api/interactions/${second.json().interactionId}`)).json().awaitsReply).toBe(false);
  });

  it("keeps CR/LF out of the headers: the subject is refused, and header text from the member is encoded", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    await call("PUT", "/api/me/smtp", account({ fromName: 'Ada "the" <Countess>, of Lovelace' }));
    const rosa = await rosaOf(call);
    for (const subject of ["Hi\r\nBcc: eve@example.com", "Hi\nX-Evil: 1", "", "   "]) {
      const res = await call("POST", "/api/messages/send", { contactId: rosa.id, subject, body: "x" });
      expect(res.statusCode, JSON.stringify(subject)).toBe(400);
      expect(res.json().errors[0].path).toBe("subject");
    }
    const body = "Line one\r\nBcc: eve@example.com\r\n.\r\nQUIT\r\n";
    const res = await call("POST", "/api/messages/send", { contactId: rosa.id, subject: "Über 'this'", body });
    expect(res.statusCode).toBe(200);
    await sink.waitFor(1);
    const raw = sink.raw[0] ?? "";
    const headers = raw.slice(0, raw.indexOf("\r\n\r\n"));
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers).not.toMatch(/^X-Evil/im);
    expect(headers).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(sink.messages[0]?.from?.value[0]).toEqual({
      address: "ada@example.com",
      name: 'Ada "the" <Countess>, of Lovelace',
    });
    expect(sink.messages[0]?.bcc).toBeUndefined();
    expect(sink.messages[0]?.text).toContain("Bcc: eve@example.com");
    expect(sink.messages).toHaveLength(1);
  });

  it("sends once per idempotency key, refuses the key for another message, and retries a failed send", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    await call("PUT", "/api/me/smtp", account());
    const rosa = await rosaOf(call);
    const message = { contactId: rosa.id, subject: "Hello", body: "Hi Rosa", idempotencyKey: "draft-rosa-0001" };
    const first = await call("POST", "/api/messages/send", message);
    const again = await call("POST", "/api/messages/send", message);
    expect(first.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    await sink.waitFor(1);
    expect(sink.messages).toHaveLength(1);
    expect((await call("GET", `/api/contacts/${rosa.id}`)).json().touchCount).toBe(1);
    const other = await call("POST", "/api/messages/send", { ...message, body: "Something else" });
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toMatch(/idempotency key was used for another message/);

    // The server is down: the send fails, says why, logs nothing; the same key later sends with the same Message-ID.
    await sink.stop();
    const retry = { ...message, idempotencyKey: "draft-rosa-0002" };
    const failed = await call("POST", "/api/messages/send", retry);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().detail).toBe(
      "the message was not sent: could not connect to the mail server (connection refused)",
    );
    expect((await call("GET", `/api/contacts/${rosa.id}`)).json().touchCount).toBe(1);
    await sink.start();
    const later = await call("POST", "/api/messages/send", retry);
    expect(later.statusCode).toBe(200);
    await sink.waitFor(2);
    expect(sink.messages[1]?.messageId).toBe(later.json().messageId);
    expect((await call("GET", `/api/contacts/${rosa.id}`)).json().touchCount).toBe(2);
  });

  it("sends once when two requests with one key arrive at the same moment", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    await call("PUT", "/api/me/smtp", account());
    const rosa = await rosaOf(call);
    const message = { contactId: rosa.id, subject: "Hello", body: "Hi", idempotencyKey: "double-click-0001" };
    const answers = await Promise.all([1, 2, 3].map(() => call("POST", "/api/messages/send", message)));
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // The others were told it is on its way (409) or got the same answer.
    for (const a of answers) {
      if (a.statusCode === 200) expect(a.json()).toEqual(ok[0]?.json());
      else expect([a.statusCode, a.json().detail]).toEqual([409, expect.stringMatching(/being sent/)]);
    }
    await sink.waitFor(1);
    expect(sink.messages).toHaveLength(1);
    expect((await call("GET", `/api/contacts/${rosa.id}`)).json().touchCount).toBe(1);
    expect((await call("POST", "/api/messages/send", message)).json()).toEqual(ok[0]?.json());
  });

  it("refuses an address that is not the contact's, a contact without email, another account's contact, no account", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    const rosa = await rosaOf(call);
    const noSmtp = await call("POST", "/api/messages/send", { contactId: rosa.id, subject: "Hi", body: "x" });
    expect(noSmtp.statusCode).toBe(409);
    expect(noSmtp.json().detail).toMatch(/set up your own email account in Settings/);
    await call("PUT", "/api/me/smtp", account());
    const stranger = await call("POST", "/api/messages/send", {
      contactId: rosa.id,
      to: "eve@example.com",
      subject: "Hi",
      body: "x",
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toEqual({ path: "to", message: "must be one of the contact's email addresses" });
    const silent = await rosaOf(call, []);
    const none = await call("POST", "/api/messages/send", { contactId: silent.id, subject: "Hi", body: "x" });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe("to");
    const bobs = await rosaOf(bob.call);
    expect(
      (await call("POST", "/api/messages/send", { contactId: bobs.id, subject: "Hi", body: "x" })).statusCode,
    ).toBe(404);
    expect(
      (await call("POST", "/api/messages/sent", { contactId: bobs.id, channel: "email", body: "x" })).statusCode,
    ).toBe(404);
    expect(sink.messages).toHaveLength(0);
  });

  it("lets editors and owners send and log; a viewer gets 403 and may only read", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const rosa = await rosaOf(owner.call);
    const editor = await signUp(s, "Ed", "ed@example.com");
    const viewer = await signUp(s, "Vi", "vi@example.com");
    await addMember(owner.call, editor.call, "ed@example.com", "editor");
    await addMember(owner.call, viewer.call, "vi@example.com", "viewer");
    const inAda = { "x-kith-account": (await owner.call("GET", "/api/account")).json().id as string };

    expect(
      (await editor.call("PUT", "/api/me/smtp", account({ fromAddress: "ed@example.com" }), inAda)).statusCode,
    ).toBe(200);
    const sent = await editor.call(
      "POST",
      "/api/messages/send",
      { contactId: rosa.id, subject: "Hi", body: "x" },
      inAda,
    );
    expect(sent.statusCode).toBe(200);
    await sink.waitFor(1);
    expect(sink.messages[0]?.from?.value[0]?.address).toBe("ed@example.com");
    // Each member has their own account: the owner has none.
    expect((await owner.call("GET", "/api/me/smtp")).json()).toEqual({ smtp: null });

    for (const [method, url, body] of [
      ["PUT", "/api/me/smtp", account()],
      ["DELETE", "/api/me/smtp", undefined],
      ["POST", "/api/me/smtp/test", account()],
      ["POST", "/api/messages/send", { contactId: rosa.id, subject: "Hi", body: "x" }],
      ["POST", "/api/messages/sent", { contactId: rosa.id, channel: "email", subject: "Hi", body: "x" }],
    ] as const) {
      expect((await viewer.call(method, url, body, inAda)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await viewer.call("GET", "/api/me/smtp", undefined, inAda)).json()).toEqual({ smtp: null });

    // A member removed from the account takes their sending account (and its sealed password) with them.
    const accountId = inAda["x-kith-account"];
    const edId = (await editor.call("GET", "/api/auth/me")).json().user.id as string;
    expect(await s.deps.store.memberSmtp.find(accountId, edId)).not.toBeNull();
    expect((await owner.call("DELETE", `/api/account/members/${edId}`)).statusCode).toBe(204);
    expect(await s.deps.store.memberSmtp.find(accountId, edId)).toBeNull();
  });

  it("logs a message the member sent themselves, by its subject or first line", async () => {
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const rosa = await rosaOf(call);
    const email = await call("POST", "/api/messages/sent", {
      contactId: rosa.id,
      channel: "email",
      subject: "Long time!",
      body: "Hi Rosa",
    });
    expect(email.statusCode).toBe(200);
    expect((await call("GET", `/api/interactions/${email.json().interactionId}`)).json()).toMatchObject({
      kind: "email",
      direction: "outbound",
      summary: "Long time!",
      awaitsReply: true,
    });
    const text = await call("POST", "/api/messages/sent", {
      contactId: rosa.id,
      channel: "message",
      body: "\n  Happy birthday, Rosa! 🎂\nHope it's a good one",
      awaitsReply: false,
    });
    expect((await call("GET", `/api/interactions/${text.json().interactionId}`)).json()).toMatchObject({
      kind: "message",
      summary: "Happy birthday, Rosa! 🎂",
      awaitsReply: false,
    });
    const copied = await call("POST", "/api/messages/sent", { contactId: rosa.id, channel: "any", body: "Hi!" });
    expect((await call("GET", `/api/interactions/${copied.json().interactionId}`)).json().kind).toBe("message");
    expect((await call("GET", `/api/contacts/${rosa.id}`)).json().touchCount).toBe(3);
    expect(sink.messages).toHaveLength(0);
  });

  it("says the server key changed when the saved password no longer opens", async () => {
    const { call, userId } = await signUp(s, "Ada", "ada@example.com");
    await call("PUT", "/api/me/smtp", account());
    const rosa = await rosaOf(call);
    const accountId = (await call("GET", "/api/account")).json().id as string;
    const ada: Actor = { userId, accountId, role: "owner" };
    const rekeyed = openSending(testConfig({ KITH_SECRET_KEY: randomBytes(32).toString("base64") }), s.deps);
    await expect(sendMessage(rekeyed, ada, { contactId: rosa.id, subject: "Hi", body: "x" })).rejects.toMatchObject({
      code: "conflict",
      message: "the server key changed: set the SMTP password again",
    });
    expect(sink.messages).toHaveLength(0);
  });
});
