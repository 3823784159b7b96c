import { IMPORT_MAX_ACTIVE_JOBS } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

const csv = { "content-type": "text/csv" };

describe.each(DIALECTS)("import limits per account on %s", (dialect) => {
  const s = useTestServer(dialect);

  it(`answers 429 problem+json naming the limit to a member with ${IMPORT_MAX_ACTIVE_JOBS} imports waiting`, async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    const { account_id: accountId } = await s.db.db
      .selectFrom("membership")
      .select("account_id")
      .where("user_id", "=", alice.userId)
      .executeTakeFirstOrThrow();
    // Jobs another instance holds: this server's worker cannot take (and end) them while the test runs.
    const until = new Date(s.clock.now().getTime() + 3_600_000).toISOString();
    for (let i = 0; i < IMPORT_MAX_ACTIVE_JOBS; i++) {
      await s.deps.store.importJobs.insertJob(accountId, {
        ...{
          id: `held-${i}`,
          format: "csv",
          fileName: `${i}.csv`,
          readFrom: { offset: 5, line: 2, headers: ["Name"] },
          overrides: [],
        },
        ...{ createdAt: s.clock.now().toISOString(), createdBy: alice.userId, content: "Name\nAda\n", mapping: {} },
        lease: { owner: "another-instance", untilAt: until },
      });
    }
    const refused = await alice.call("POST", "/api/imports?fileName=more.csv", "Name\nBo\n", csv);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      status: 429,
      detail: expect.stringContaining(`at most ${IMPORT_MAX_ACTIVE_JOBS} imports may be queued or running`),
    });
    expect((await alice.call("GET", "/api/imports")).json().items).toHaveLength(IMPORT_MAX_ACTIVE_JOBS);
    // Another account's uploads are not counted against it.
    expect((await bob.call("POST", "/api/imports?fileName=b.csv", "Name\nCy\n", csv)).statusCode).toBe(202);
  });
});
