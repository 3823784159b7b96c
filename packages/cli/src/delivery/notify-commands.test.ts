import { loadConfig, openDelivery } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { useWebhookReceiver } from "@kith/runtime/testing/webhook-receiver";
import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createLocalClient } from "../client/local-client.ts";
import { runCaptured } from "../testing/cli-harness.ts";

/** A server's configuration without a data directory: enough for the in-process client's delivery. */
const BASE_ENV = {
  KITH_DATA_DIR: "/nonexistent-kith-test",
  KITH_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  KITH_PUBLIC_URL: "http://kith.test",
};

describe.each(DIALECTS)("kith notify on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const sink = useSmtpSink();

  const kithWith = (smtp: boolean) => {
    const env = {
      ...BASE_ENV,
      ...(smtp ? sink.env() : {}),
    };
    const { delivery } = openDelivery(loadConfig(env), w.deps);
    const client = createLocalClient(w.deps, w.alice, async () => delivery?.mailer.close(), delivery);
    return (...argv: string[]) => runCaptured(argv, { client });
  };

  it("notify test mails today's digest to me; notify status shows it", async () => {
    const kith = kithWith(true);
    const sent = await kith("notify", "test");
    expect(sent).toMatchObject({ code: 0, stdout: "test message sent: alice@example.test\n" });
    expect(sink.messages.map((m) => m.subject)).toEqual(["Kith: nothing is due today"]);
    const status = await kith("notify", "status");
    expect(status.stdout).toMatch(/^Digest: daily at 08:00 \(account time\)\nEmail: configured\n/);
    expect(status.stdout).toMatch(/test-email .* sent +1/);
  });

  it("fails with one line and a non-zero exit when mail cannot go out", async () => {
    const off = await kithWith(false)("notify", "test");
    expect(off.code).not.toBe(0);
    expect(off.stderr).toContain("SMTP_HOST is not configured");
    await sink.stop();
    const down = await kithWith(true)("notify", "test");
    expect(down.code).not.toBe(0);
    expect(down.stderr).toMatch(/test message to alice@example.test failed: .*(ECONNREFUSED|connect)/i);
  });
});

describe.each(DIALECTS)("kith notify webhooks on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const receiver = useWebhookReceiver();

  const kithWith = (allowPrivate: boolean) => {
    const env = {
      ...BASE_ENV,
      KITH_WEBHOOK_ALLOW_PRIVATE: String(allowPrivate),
    };
    const { digest } = openDelivery(loadConfig(env), w.deps);
    const client = createLocalClient(w.deps, w.alice, async () => {}, null, digest);
    return (...argv: string[]) => runCaptured(argv, { client });
  };

  it("adds (secret printed once), lists, tests and removes a webhook", async () => {
    const kith = kithWith(true);
    const added = await kith("notify", "webhooks", "add", receiver.url("/in"));
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^added webhook (\S+) \(kith\) for http:\/\/127\.0\.0\.1:\d+\/in\n.*\nwhsec_\S+\n$/);
    const id = /^added webhook (\S+)/.exec(added.stdout)?.[1] ?? "";
    const ntfy = await kith("notify", "webhooks", "add", `http://127.0.0.1:${receiver.port}/topic`, "--format", "ntfy");
    expect(ntfy.stdout).toContain("(ntfy)");

    const listed = await kith("notify", "webhooks", "list");
    expect(listed.stdout).toMatch(
      new RegExp(`^ID +FORMAT +URL +LAST DELIVERY +AT \\(UTC\\)\\n${id} +kith +http://127`),
    );
    expect(listed.stdout).not.toContain("whsec_");
    expect(listed.stdout).toContain("never");

    const tested = await kith("notify", "webhooks", "test", id);
    expect(tested).toMatchObject({ code: 0, stdout: `test sent: webhook ${id}\n` });
    expect(receiver.requests.map((r) => [r.url, r.headers["x-kith-event"]])).toEqual([["/in", "test"]]);
    const json = JSON.parse((await kith("--json", "notify", "webhooks", "list")).stdout);
    expect(json.items[0]).toMatchObject({ id, lastDelivery: { status: "sent", kind: `test-webhook:${id}` } });

    receiver.answerNext(404);
    const failed = await kith("notify", "webhooks", "test", id);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(`the test to webhook ${id} failed: answered 404`);

    expect((await kith("notify", "webhooks", "remove", id)).stdout).toBe(`removed webhook ${id}\n`);
    const again = await kith("notify", "webhooks", "remove", id);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`webhook ${id} was not found`);
  });

  it("refuses a loopback target without the administrator's permission, in one line", async () => {
    const refused = await kithWith(false)("notify", "webhooks", "add", receiver.url());
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(
      /url: 127\.0\.0\.1 is not a public address \(loopback\).*KITH_WEBHOOK_ALLOW_PRIVATE/,
    );
    expect((await kithWith(false)("notify", "webhooks", "list")).stdout).toBe("no webhooks\n");
  });
});
