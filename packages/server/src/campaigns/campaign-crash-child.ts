/**
 * The process the campaign crash test kills (`campaign-crash.test.ts`, after `store/src/crash/`): it opens the
 * database the parent prepared and runs the campaign sender until no campaign is being sent, through the member's
 * SMTP account (saved by the parent: its SMTP server). It prints "working" when it starts and "done"
 * when it ends. Its clock runs `KITH_CRASH_CLOCK_OFFSET_MS` ahead, so each restart is past the killed one's leases.
 *
 *   node --import tsx campaign-crash-child.ts <sqlite-data-dir | pg:schema>
 */
import {
  type Actor,
  type CampaignMailer,
  type Deps,
  memberCampaignMailer,
  runCampaignSends,
  type SendingDeps,
} from "@kith/core";
import { PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createMemberMailer, sealedSecrets, sealingKey } from "@kith/runtime";
import { createStore, type OpenDatabase, openDatabase } from "@kith/store";
import { TEST_PG_URL } from "@kith/store/testing";

export const CRASH_USER = "crash-user";
/** The member's From address: Message-IDs are `<sendKey@example.com>`. */
export const MESSAGE_ID_HOST = "example.com";

export function openFor(location: string): OpenDatabase {
  return location.startsWith("pg:")
    ? openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: location.slice(3), poolSize: 2 })
    : openDatabase({ dataDir: location });
}

export function depsFor(open: OpenDatabase, offsetMs: number, idPrefix: string): Deps {
  const ids = new SequentialIds();
  return {
    store: createStore(open.db, open.dialect),
    clock: { now: () => new Date(Date.now() + offsetMs) },
    ids: { newId: () => `${idPrefix}-${ids.newId()}` },
    secrets: new PlainSecrets(),
  };
}

/** What sending as the member needs: the sealer (a fixed test key) and the member mailer. */
export function sendingOf(deps: Deps): SendingDeps {
  return {
    ...deps,
    sealer: sealedSecrets(sealingKey(undefined, "crash-test-auth-secret")),
    memberMailer: createMemberMailer(5000),
  };
}

/** The member's own SMTP account (saved by the seed: the test's SMTP server), through `sending`'s mailer. */
export function memberMailer(deps: Deps): CampaignMailer {
  return memberCampaignMailer(sendingOf(deps));
}

export async function ownerOf(deps: Deps): Promise<Actor> {
  const [m] = await deps.store.memberships.listForUser(CRASH_USER);
  if (!m) throw new Error("the crash scenario's account is missing");
  return { userId: CRASH_USER, accountId: m.accountId, role: "owner" };
}

if (/[\\/]campaign-crash-child\.(ts|mjs)$/.test(process.argv[1] ?? "")) {
  const [location] = process.argv.slice(2) as [string];
  const open = openFor(location);
  const deps = depsFor(open, Number(process.env.KITH_CRASH_CLOCK_OFFSET_MS ?? 0), `c${process.pid}`);
  const mailer = memberMailer(deps);
  process.stdout.write("working\n");
  const holder = `crash-child-${process.pid}`;
  while ((await deps.store.campaigns.sendingCampaigns(1)).length > 0) {
    await runCampaignSends(deps, mailer, { holder });
  }
  await open.close();
  process.stdout.write("done\n");
}
