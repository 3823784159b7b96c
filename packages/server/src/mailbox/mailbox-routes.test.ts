import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../testing/test-server.ts";
import { ADA, mail, useMailboxWorld } from "./testing/mailbox-world.ts";

describe.each(DIALECTS)("the mailbox routes on %s", (dialect) => {
  const w = useMailboxWorld(dialect);

  it("keeps the password sealed and to its member; other members see the interactions, never the mailbox", async () => {
    expect((await w.ada("GET", "/api/me/mailbox")).json()).toEqual({ mailbox: null });
    expect((await w.ada("GET", "/api/me/mailbox/status")).json()).toEqual({ status: null });
    expect((await w.ada("PUT", "/api/me/mailbox", w.form({ password: undefined }))).json().errors[0].path).toBe(
      "password",
    );
    const saved = await w.ada("PUT", "/api/me/mailbox", w.form());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      host: "127.0.0.1",
      passwordSet: true,
      folders: ["INBOX", "Sent"],
      startOn: "2026-01-01",
    });
    expect(JSON.stringify(saved.json())).not.toContain(w.dovecot.pass);
    const row = await w.s.db.db.selectFrom("mailbox").selectAll().executeTakeFirstOrThrow();
    expect(row.sealed_password).not.toContain(w.dovecot.pass);
    // Omitting the password keeps it.
    expect(
      (await w.ada("PUT", "/api/me/mailbox", w.form({ password: undefined, storeBodies: true }))).json(),
    ).toMatchObject({ passwordSet: true, storeBodies: true });
    expect((await w.ada("POST", "/api/me/mailbox/test")).json()).toEqual({ ok: true, error: null });
    expect((await w.ada("POST", "/api/me/mailbox/test", w.form({ password: "wrong" }))).json()).toEqual({
      ok: false,
      error: "The mail server refused the user name or password",
    });

    const ed = await signUp(w.s, "Ed Editor", "ed@example.com");
    await addMember(w.ada, ed.call, "ed@example.com", "editor");
    const inAda = { "x-kith-account": (await w.ada("GET", "/api/account")).json().id };
    expect((await ed.call("GET", "/api/me/mailbox", undefined, inAda)).json()).toEqual({ mailbox: null });
    expect((await ed.call("GET", "/api/mailbox/suggestions", undefined, inAda)).json()).toEqual({ suggestions: [] });

    const rosa = await w.contact("Rosa", "rosa@example.com");
    await w.append(
      "INBOX",
      mail({
        from: "rosa@example.com",
        to: ADA,
        subject: "Private plans",
        text: "the body",
        date: "2026-10-20T09:00:00Z",
      }),
    );
    expect((await w.ada("POST", "/api/me/mailbox/sync")).statusCode).toBe(202);
    await w.tick("a", 0);
    const seen = (await ed.call("GET", `/api/interactions?contactId=${rosa}`, undefined, inAda)).json().items;
    expect(seen).toMatchObject([{ summary: "Private plans", source: "mailbox", kind: "email", direction: "inbound" }]);
    expect(JSON.stringify(seen)).not.toContain("the body");
    // The body is kept only because Ada asked, in her ledger rows.
    const ledger = await w.s.db.db.selectFrom("mailbox_message").selectAll().executeTakeFirstOrThrow();
    expect(ledger.body?.trim()).toBe("the body");

    // A member removed from the account takes their mailbox (its sealed password) with them; what was logged stays.
    expect((await ed.call("PUT", "/api/me/mailbox", w.form(), inAda)).statusCode).toBe(200);
    const edId = (await ed.call("GET", "/api/auth/me")).json().user.id as string;
    expect((await w.ada("DELETE", `/api/account/members/${edId}`)).statusCode).toBe(204);
    const left = await w.s.db.db.selectFrom("mailbox").select("user_id").where("user_id", "=", edId).execute();
    expect(left).toEqual([]);
    expect((await w.ada("GET", `/api/interactions?contactId=${rosa}`)).json().items).toHaveLength(1);
  });

  it("a viewer cannot connect a mailbox; bad input names the field", async () => {
    const vi = await signUp(w.s, "Vi Viewer", "vi@example.com");
    await addMember(w.ada, vi.call, "vi@example.com", "viewer");
    const inAda = { "x-kith-account": (await w.ada("GET", "/api/account")).json().id };
    expect((await vi.call("PUT", "/api/me/mailbox", w.form(), inAda)).statusCode).toBe(403);
    for (const [change, path] of [
      [{ host: "imap example.com" }, "host"],
      [{ port: 993, tls: false }, "tls"],
      [{ aliases: ["not an address"] }, "aliases.0"],
      [{ startOn: "2026-02-30" }, "startOn"],
      [{ folders: ["a\nb"] }, "folders.0"],
    ] as const) {
      const res = await w.ada("PUT", "/api/me/mailbox", w.form(change));
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
  });

  it("suggestions become contacts with their messages, or go away; disconnecting can remove what was captured", async () => {
    const rosa = await w.contact("Rosa", "rosa@example.com");
    await w.append(
      "INBOX",
      mail({
        from: "rosa@example.com",
        to: ADA,
        cc: "Zoë Ångström <zoe@example.org>",
        subject: "Group",
        date: "2026-10-01T09:00:00Z",
      }),
    );
    await w.append(
      "INBOX",
      mail({ from: "Zoë Ångström <zoe@example.org>", to: ADA, subject: "Hello", date: "2026-10-02T09:00:00Z" }),
    );
    await w.append(
      "Sent",
      mail({ from: ADA, to: "zoe@example.org", subject: "Hello back", date: "2026-10-03T09:00:00Z" }),
    );
    await w.append("INBOX", mail({ from: "max@example.net", to: ADA, subject: "One", date: "2026-10-04T09:00:00Z" }));
    await w.append("INBOX", mail({ from: "max@example.net", to: ADA, subject: "Two", date: "2026-10-05T09:00:00Z" }));
    await w.ada("PUT", "/api/me/mailbox", w.form());
    await w.tick();
    // A cc'd stranger did not write to Ada: Zoë counts her own two messages, not the one she was copied on.
    expect(
      (await w.ada("GET", "/api/mailbox/suggestions"))
        .json()
        .suggestions.map((s: { address: string; count: number }) => [s.address, s.count]),
    ).toEqual([
      ["max@example.net", 2],
      ["zoe@example.org", 2],
    ]);
    const accepted = await w.ada(
      "POST",
      `/api/mailbox/suggestions/${encodeURIComponent("zoe@example.org")}/accept`,
      {},
    );
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().logged).toBe(2);
    const zoe = (await w.ada("GET", `/api/contacts/${accepted.json().contactId}`)).json();
    expect(zoe).toMatchObject({
      firstName: "Zoë",
      lastName: "Ångström",
      emails: [{ address: "zoe@example.org" }],
      touchCount: 2,
      exchangeCount: 1,
    });
    expect((await w.ada("POST", "/api/mailbox/suggestions/max%40example.net/dismiss")).statusCode).toBe(204);
    expect((await w.ada("GET", "/api/mailbox/suggestions")).json().suggestions).toEqual([]);
    expect((await w.ada("POST", "/api/mailbox/suggestions/nobody%40example.net/accept", {})).statusCode).toBe(404);
    expect((await w.ada("POST", "/api/mailbox/suggestions/nobody%40example.net/dismiss")).statusCode).toBe(404);

    expect((await w.logged()).length).toBe(3);
    expect((await w.ada("DELETE", "/api/me/mailbox?keep=false")).statusCode).toBe(204);
    expect(await w.logged()).toEqual([]);
    expect((await w.ada("GET", `/api/contacts/${rosa}`)).json()).toMatchObject({ lastTouchAt: null, touchCount: 0 });
    expect((await w.ada("GET", "/api/me/mailbox")).json()).toEqual({ mailbox: null });
  });

  it("disconnecting keeps what was captured by default, and connecting again logs nothing twice", async () => {
    await w.contact("Rosa", "rosa@example.com");
    await w.append("INBOX", mail({ from: "rosa@example.com", to: ADA, subject: "Hi", date: "2026-10-01T09:00:00Z" }));
    await w.ada("PUT", "/api/me/mailbox", w.form());
    await w.tick();
    expect((await w.ada("DELETE", "/api/me/mailbox")).statusCode).toBe(204);
    expect((await w.logged()).length).toBe(1);
    await w.ada("PUT", "/api/me/mailbox", w.form());
    await w.tick();
    expect((await w.logged()).length).toBe(1);
  });
});
