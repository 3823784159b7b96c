import { listInteractions, type MailboxDeps, type MailMessage, type MailReader, saveMailbox } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createLocalClient } from "../client/local-client.ts";
import { runCaptured } from "../testing/cli-harness.ts";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";

/** A mail server holding one inbox (the IMAP reader itself is tested against a real Dovecot in server/src/mailbox). */
function inbox(messages: MailMessage[]): MailReader {
  return {
    connect: async () => ({
      folders: async () => [{ path: "INBOX", specialUse: null }],
      open: async (path) => (path === "INBOX" ? { uidValidity: "7" } : null),
      fetch: async (afterUid, _since, limit) => messages.filter((m) => m.uid > afterUid).slice(0, limit),
      close: async () => {},
    }),
  };
}

const message = (uid: number, from: string, subject: string): MailMessage => ({
  ...{ uid, messageId: `<m${uid}@mail.test>`, date: "2026-10-20T09:00:00.000Z", subject },
  ...{ from: [{ address: from, name: null }], to: [{ address: "alice@example.test", name: null }], cc: [], bcc: [] },
  ...{ deliveredTo: [], inReplyTo: null, listId: null, autoSubmitted: null, precedence: null, text: null },
});

describe.each(DIALECTS)("kith sync on %s", (dialect) => {
  const { w, kith } = useCliWorld(dialect);

  it("syncs the member's mailbox here and now and says what it logged; without one it says so", async () => {
    expect((await kith("sync")).stdout).toBe(
      "mailbox: none connected (Settings, Sources)\ncalendars: no subscriptions\n",
    );
    const rosa = (await kith("contacts", "add", "--first", "Rosa", "--email", "rosa@example.com", "--json")).stdout;
    const rosaId = JSON.parse(rosa).id as string;
    const mailbox: MailboxDeps = {
      ...w.deps,
      sealer: { seal: (p) => `sealed:${p}`, open: (s) => s.slice("sealed:".length) },
      mailReader: inbox([
        message(1, "rosa@example.com", "Lunch?"),
        message(2, "x@example.org", "Hi"),
        message(3, "x@example.org", "Hi again"),
      ]),
    };
    await saveMailbox(mailbox, w.alice, {
      host: "imap.example.com",
      user: "alice",
      password: "pw",
      startOn: "2026-10-01",
    });
    const client = createLocalClient(w.deps, w.alice, undefined, null, null, null, undefined, undefined, mailbox);
    const run = await runCaptured(["sync"], { client });
    expect(run.stdout).toBe(
      "mailbox: ok, 1 interaction logged from 3 messages so far; 1 person to add as contacts?\ncalendars: no subscriptions\n",
    );
    const again = await runCaptured(["sync", "--json"], { client });
    expect(JSON.parse(again.stdout).mailbox).toMatchObject({ state: "ok", counts: { messages: 3, logged: 1 } });
    const logged = await listInteractions(w.deps, w.alice, { contactId: rosaId }, {});
    expect(logged.items).toMatchObject([{ summary: "Lunch?", source: "mailbox" }]);
  });
});

describe.each(DIALECTS)("kith sync --url on %s", (dialect) => {
  const { kith, server } = useCliServer(dialect);

  it("asks the server's job to sync and reports a mail server that cannot be reached in words", async () => {
    expect((await kith("sync")).stdout).toContain("mailbox: none connected");
    const put = await fetch(`${server.address}/api/me/mailbox`, {
      method: "PUT",
      headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
      body: JSON.stringify({ host: "127.0.0.1", port: 1, tls: false, user: "ada", password: "pw" }),
    });
    expect(put.status).toBe(200);
    const run = await kith("sync");
    expect(run.stdout).toContain("mailbox: failing: The mail server 127.0.0.1:1 could not be reached");
  });
});
