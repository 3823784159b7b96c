import { DIALECTS, insertTestUser, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createAccountForUser, exportBackup, restoreBackup } from "../index.ts";
import { DomainError } from "../shared/errors.ts";
import { corruptedSamples } from "../testing/sample-backup.ts";

/**
 * The other half of the shape fuzz (restore-validate.test.ts): a corrupted backup that the checks let through is
 * one the database takes. Each is restored into an empty account of its own: either it is refused with a
 * validation error before anything is written, or it restores and exports again.
 */
describe.each(DIALECTS)("corrupted backups on %s", (dialect) => {
  const w = useTestWorld(dialect);
  let accounts = 0;

  async function emptyAccount(): Promise<Actor> {
    const id = `user-fuzz-${++accounts}`;
    await insertTestUser(w.db, { id, email: `${id}@example.test`, name: id });
    const account = await w.deps.store.transaction((tx) =>
      createAccountForUser(w.deps, tx, { id, name: id }, { timeZone: "UTC" }),
    );
    return { userId: id, accountId: account.id, role: "owner" };
  }

  it("either refuse with a validation error and write nothing, or restore", async () => {
    let restored = 0;
    let refused = 0;
    const owner = await emptyAccount();
    for (const { path, doc } of corruptedSamples(1)) {
      try {
        await restoreBackup(w.deps, owner, doc);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== "validation") {
          throw new Error(`${path.join(".")}: ${String(error)}`);
        }
        refused++;
        continue;
      }
      restored++;
      expect((await exportBackup(w.deps, owner)).contacts.length).toBeGreaterThan(0);
      // The account is full now; the next sample needs an empty one.
      Object.assign(owner, await emptyAccount());
    }
    expect(refused).toBeGreaterThan(restored);
    expect(restored).toBeGreaterThan(0);
    expect((await exportBackup(w.deps, owner)).contacts).toEqual([]);
  }, 120_000);
});
