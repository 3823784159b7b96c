import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getContact, listInteractions, saveMemberSmtp } from "@kith/core";
import { loadConfig, openSending } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createLocalClient } from "../client/local-client.ts";
import { printedId, runCaptured } from "../testing/cli-harness.ts";
import { useCliServer } from "../testing/cli-server.ts";

const PASSWORD = "app-password-0123";
const smtpOf = (port: number) => ({
  host: "127.0.0.1",
  port,
  security: "none",
  user: "ada",
  password: PASSWORD,
  fromName: "Ada",
  fromAddress: "ada@example.com",
});

describe.each(DIALECTS)("kith send and kith sent, in-process, on %s", (dialect) => {
  const sink = useSmtpSink({ users: { ada: PASSWORD } });
  const w = useTestWorld(dialect);
  const config = loadConfig({ KITH_DATA_DIR: "/nonexistent-kith-test", KITH_AUTH_SECRET: "y".repeat(40) });
  const kith = (...argv: string[]) => {
    const sending = openSending(config, w.deps);
    return runCaptured(argv, { client: createLocalClient(w.deps, w.alice, undefined, null, null, sending) });
  };

  it("sends the body or a file's text from the member's own address and logs the touch", async () => {
    await saveMemberSmtp(openSending(config, w.deps), w.alice, smtpOf(sink.port));
    const rosa = printedId(await kith("contacts", "add", "--first", "Rosa", "--email", "rosa@example.org"));
    const sent = await kith("send", "rosa", "--subject", "Coffee?", "--body", "Hi Rosa, coffee next week?");
    expect(sent.stderr).toBe("");
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^sent to Rosa and logged \(id-\d+\) <kith\.id-\d+@example\.com>\n$/);
    await sink.waitFor(1);
    expect(sink.messages[0]).toMatchObject({ subject: "Coffee?", text: "Hi Rosa, coffee next week?\n" });
    expect(sink.messages[0]?.from?.value[0]?.address).toBe("ada@example.com");

    const dir = await mkdtemp(path.join(tmpdir(), "kith-send-"));
    try {
      const file = path.join(dir, "body.txt");
      await writeFile(file, "Dear Rosa,\n\nthank you! ✨\n");
      const fromFile = await kith(
        "--json",
        "send",
        rosa,
        "--subject",
        "Thanks",
        "--body-file",
        file,
        "--no-await-reply",
      );
      expect(fromFile.code).toBe(0);
      expect(JSON.parse(fromFile.stdout)).toMatchObject({ interactionId: expect.any(String) });
      await sink.waitFor(2);
      expect(sink.messages[1]?.text).toBe("Dear Rosa,\n\nthank you! ✨\n");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const page = await listInteractions(w.deps, w.alice, { contactId: rosa }, {});
    expect(page.items.map((i) => [i.summary, i.awaitsReply]).sort()).toEqual([
      ["Coffee?", true],
      ["Thanks", false],
    ]);
  });

  it("needs one body and a saved account, and logs a message sent by hand", async () => {
    const rosa = printedId(await kith("contacts", "add", "--first", "Rosa", "--email", "rosa@example.org"));
    const none = await kith("send", rosa, "--subject", "Hi");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--body TEXT or --body-file FILE/);
    const noSmtp = await kith("send", rosa, "--subject", "Hi", "--body", "x");
    expect(noSmtp.code).not.toBe(0);
    expect(noSmtp.stderr).toMatch(/set up your own email account in Settings/);
    const logged = await kith("sent", rosa, "--channel", "message", "--body", "Happy birthday!");
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(/^logged the message to Rosa \(id-\d+\)\n$/);
    expect((await getContact(w.deps, w.alice, rosa)).touchCount).toBe(1);
    expect(sink.messages).toHaveLength(0);
  });
});

describe.each(DIALECTS)("kith send --url on %s", (dialect) => {
  const sink = useSmtpSink({ users: { ada: PASSWORD } });
  const { server, kith } = useCliServer(dialect);

  it("sends through the server with the same key once", async () => {
    const put = await fetch(`${server.address}/api/me/smtp`, {
      method: "PUT",
      headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
      body: JSON.stringify(smtpOf(sink.port)),
    });
    expect(put.status).toBe(200);
    const rosa = printedId(await kith("contacts", "add", "--first", "Rosa", "--email", "rosa@example.org"));
    const args = ["send", rosa, "--subject", "Hello", "--body", "Hi", "--key", "cli-retry-0001"];
    const first = await kith("--json", ...args);
    const again = await kith("--json", ...args);
    expect(first.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
    await sink.waitFor(1);
    expect(sink.messages).toHaveLength(1);
    expect(sink.envelopes[0]).toEqual({ from: "ada@example.com", user: "ada" });
  });
});
