import { loadConfig, openDelivery } from "@kith/server";
import { SmtpSink } from "@kith/server/testing/smtp-sink";
import { DIALECTS, type TestWorld } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLocalClient } from "../client/local-client.ts";
import { runCaptured } from "../testing/cli-harness.ts";
import { openCliWorld } from "../testing/test-world.ts";

describe.each(DIALECTS)("kith notify on %s", (dialect) => {
  let w: TestWorld;
  let sink: SmtpSink;
  beforeEach(async () => {
    w = await openCliWorld(dialect);
    sink = await new SmtpSink().start();
  });
  afterEach(async () => {
    await sink.stop();
    await w.dispose();
  });

  const kithWith = (smtp: boolean) => {
    const env = {
      KITH_DATA_DIR: "/nonexistent-kith-test",
      KITH_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
      KITH_PUBLIC_URL: "http://kith.test",
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
