import { DIALECTS, type TestDatabase } from "@kith/store/testing";
import { afterEach, describe, expect, it } from "vitest";
import { cliAs } from "../testing/cli-harness.ts";
import { openCliTestDatabase, openCliWorld, testDeps } from "../testing/test-world.ts";
import { NO_ACCOUNT_YET, resolveLocalActor } from "./local-actor.ts";

describe.each(DIALECTS)("in-process mode's member on %s", (dialect) => {
  let dispose: () => Promise<void> = async () => {};
  afterEach(async () => {
    await dispose();
  });

  it("fails clearly when nobody has signed up yet", async () => {
    const db: TestDatabase = await openCliTestDatabase(dialect);
    dispose = db.dispose;
    await expect(resolveLocalActor(db, testDeps(db))).rejects.toThrow(NO_ACCOUNT_YET);
  });

  it("acts as the owner; with several accounts, --account picks one", async () => {
    const w = await openCliWorld(dialect);
    dispose = w.dispose;
    await expect(resolveLocalActor(w.db, w.deps)).rejects.toThrow(
      `this database holds 2 accounts; pick one with --account <id>:\n  ${w.alice.accountId}  Alice's network\n  ${w.bob.accountId}  Bob's network`,
    );
    expect(await resolveLocalActor(w.db, w.deps, w.bob.accountId)).toEqual(w.bob);
    await expect(resolveLocalActor(w.db, w.deps, "id-nope")).rejects.toMatchObject({ code: "not_found" });
  });

  it("creates an API token once and lists it without the secret", async () => {
    const w = await openCliWorld(dialect);
    dispose = w.dispose;
    const kith = cliAs(w.deps, w.alice);
    const created = await kith("tokens", "create", "laptop");
    expect(created.stdout).toMatch(
      /^created API token "laptop" \(id-\d+\); copy it now, it is not shown again:\nkith_\S+\n$/,
    );
    const secret = created.stdout.trim().split("\n")[1]!;
    const listed = await kith("tokens", "list");
    expect(listed.stdout).toMatch(
      /^ID +NAME +PREFIX +CREATED +LAST USED\nid-\d+ +laptop +kith_\S+… +2026-11-02 +never\n$/,
    );
    expect(listed.stdout).not.toContain(secret);
    expect(JSON.parse((await kith("tokens", "list", "--json")).stdout).items).toHaveLength(1);
  });
});
