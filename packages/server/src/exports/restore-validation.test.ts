import { sampleBackup } from "@kith/core/testing/sample-backup";
import { DIALECTS } from "@kith/store/testing";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";
import { RESTORE_WAIT_BYTES } from "./backup-routes.ts";

type Backup = ReturnType<typeof sampleBackup>;

/**
 * A broken backup is refused naming its path in the backup, and the account stays as it was. The restore job checks
 * the upload: a small one's request waits for it and answers a 400 problem+json; a large one (over 2 MB) is answered
 * 202 at once, and its job fails with the same problem (`issues`).
 */
describe.each(DIALECTS)("restoring a broken backup on %s", (dialect) => {
  const s = useTestServer(dialect);

  /** The problem's field issues: from the 400, or from the job a 202 named once it has ended. */
  async function issuesOf(who: Awaited<ReturnType<typeof signUp>>, res: LightMyRequestResponse) {
    if (res.statusCode === 400) return res.json().errors as { path: string; message: string }[];
    expect(res.statusCode).toBe(202);
    for (let i = 0; i < 400; i++) {
      const job = (await who.call("GET", `/api/backup/restore/${res.json().id}`)).json();
      if (job.status === "failed") {
        // The job says it in words too, as a 400's title would.
        expect(job.error).toContain(job.issues[0].message);
        return job.issues as { path: string; message: string }[];
      }
      expect(job.status).not.toBe("committed");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the restore job did not end");
  }

  const variants: [string, (b: Backup) => unknown, string][] = [
    [
      "an empty name",
      (b) => Object.assign(b.contacts[1]!, { firstName: "", lastName: "" }) && b,
      "contacts.1.firstName",
    ],
    [
      "a 2 MB name",
      (b) => Object.assign(b.contacts[0]!, { lastName: "x".repeat(2_000_000) }) && b,
      "contacts.0.lastName",
    ],
    [
      "a 3 MB name (a large upload: 202, then its job fails)",
      (b) => Object.assign(b.contacts[0]!, { lastName: "x".repeat(3_000_000) }) && b,
      "contacts.0.lastName",
    ],
    [
      "a bad email",
      (b) => Object.assign(b.contacts[0]!.emails[0]!, { address: "a@" }) && b,
      "contacts.0.emails.0.address",
    ],
    [
      "a javascript: link",
      (b) => Object.assign(b.contacts[0]!.links[0]!, { url: "javascript:alert(1)" }) && b,
      "contacts.0.links.0.url",
    ],
    ["a year-9999 follow-up", (b) => Object.assign(b.followUps[0]!, { dueOn: "9999-12-31" }) && b, "followUps.0.dueOn"],
    ["an unknown circle", (b) => Object.assign(b.contacts[0]!, { circle: "nonesuch" }) && b, "contacts.0.circle"],
    ["a bad time zone", (b) => Object.assign(b.account, { timeZone: "Europe/Atlantis" }) && b, "account.timeZone"],
    ["a duplicate ref", (b) => Object.assign(b.interactions, { 1: b.interactions[0] }) && b, "interactions.1.ref"],
    [
      "a dangling reference",
      (b) => Object.assign(b.followUps[0]!, { contactRef: "contact-7" }) && b,
      "followUps.0.contactRef",
    ],
    ["a missing list", ({ companies: _c, ...b }) => b, "companies"],
    ["null", () => null, "(body)"],
    ["an array", () => [], "(body)"],
  ];

  it.each(variants)("refuses %s naming the path, storing nothing", async (_name, spoil, path) => {
    const bob = await signUp(s, "Bob", "bob@example.com");
    const body = spoil(sampleBackup());
    const res = await bob.call("POST", "/api/backup/restore", body);
    if (res.statusCode === 400) expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    // Only an upload over RESTORE_WAIT_BYTES is answered before its check; a smaller one's request waits for its job.
    expect(res.statusCode).toBe(JSON.stringify(body).length > RESTORE_WAIT_BYTES ? 202 : 400);
    expect((await issuesOf(bob, res))[0]?.path).toBe(path);
    const after = (await bob.call("GET", "/api/backup")).json();
    expect(after).toMatchObject({ notify: null, webhooks: [], companies: [], contacts: [], interactions: [] });
    expect(after.account.name).not.toBe("Sample");
    // The same backup, unspoilt, restores.
    const ok = await bob.call("POST", "/api/backup/restore", sampleBackup());
    expect(ok.json()).toMatchObject({
      companies: 1,
      contacts: 2,
      interactions: 1,
      followUps: 1,
      webhooks: 1,
      opportunities: 0,
    });
  });
});
