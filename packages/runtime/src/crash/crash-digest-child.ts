/**
 * The process the digest crash suite kills (`../crash-digest.test.ts`): it sends the morning digest of every account
 * through the real SMTP mailer (to the test's SMTP sink) by the scheduler's own tick, until every account's ledger
 * entry is settled, printing "working" when it starts and "done" when it ends. Its clock starts at the suite's fixed
 * morning plus `KITH_CRASH_CLOCK_OFFSET_MS` (each restart is past the leases the killed one held).
 *
 *   node --import tsx crash-digest-child.ts <sqlite-data-dir | pg:schema> <smtp-port>
 */
import { type DigestDeps, runDigestTick } from "@kith/core";
import { PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore } from "@kith/store";
import { openFor } from "@kith/store/testing";
import { ActionTokens, actionLinks } from "../delivery/action-tokens.ts";
import { createSmtpMailer } from "../mail/smtp-mailer.ts";

/** 13:00 UTC on a Tuesday: past the default 08:00 digest of the suite's accounts (all in UTC). */
export const DIGEST_MORNING = "2026-11-03T13:00:00.000Z";
/** The ledger's lease here: each attempt (a loopback SMTP send) ends well within it; restarts jump past it. */
export const DIGEST_LEASE_MS = 20_000;

if (/[\\/]crash-digest-child\.(ts|mjs)$/.test(process.argv[1] ?? "")) {
  const [location, port] = process.argv.slice(2) as [string, string];
  const open = openFor(location);
  const startedAt = performance.now();
  const base = Date.parse(DIGEST_MORNING) + Number(process.env.KITH_CRASH_CLOCK_OFFSET_MS ?? 0);
  const ids = new SequentialIds();
  const mailer = createSmtpMailer(
    { host: "127.0.0.1", port: Number(port), secure: false, user: undefined, pass: undefined, from: "kith@kith.test" },
    DIGEST_LEASE_MS,
  );
  const deps: DigestDeps = {
    store: createStore(open.db, open.dialect),
    clock: { now: () => new Date(base + (performance.now() - startedAt)) },
    ids: { newId: () => `d${process.pid}-${ids.newId()}` },
    secrets: new PlainSecrets(),
    instanceId: `crash-digest-${process.pid}`,
    leaseMs: DIGEST_LEASE_MS,
    links: actionLinks("http://kith.test", new ActionTokens("crash-digest-secret-crash-digest-secret-0")),
    mailer,
    webhooks: null,
  };
  const accounts = Number(
    (
      await open.db
        .selectFrom("account")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirst()
    )?.n,
  );
  process.stdout.write("working\n");
  for (;;) {
    await runDigestTick(deps);
    const settled = await open.db
      .selectFrom("delivery")
      .select((e) => e.fn.countAll().as("n"))
      .where("kind", "=", "digest-email")
      .where("status", "!=", "pending")
      .executeTakeFirst();
    if (Number(settled?.n) >= accounts) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  mailer.close();
  await open.close();
  process.stdout.write("done\n");
}
