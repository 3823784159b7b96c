import { sampleBackup } from "@kith/core/testing/sample-backup";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

type Backup = ReturnType<typeof sampleBackup>;

/** A broken backup is a 400 problem+json naming its path in the backup, and the account stays as it was. */
describe.each(DIALECTS)("restoring a broken backup on %s", (dialect) => {
  const s = useTestServer(dialect);

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

  it.each(variants)("refuses %s with a 400 naming the path, storing nothing", async (_name, spoil, path) => {
    const bob = await signUp(s, "Bob", "bob@example.com");
    const res = await bob.call("POST", "/api/backup/restore", spoil(sampleBackup()));
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json().errors[0].path).toBe(path);
    const after = (await bob.call("GET", "/api/backup")).json();
    expect(after).toMatchObject({ notify: null, webhooks: [], companies: [], contacts: [], interactions: [] });
    expect(after.account.name).not.toBe("Sample");
    // The same backup, unspoilt, restores.
    const ok = await bob.call("POST", "/api/backup/restore", sampleBackup());
    expect(ok.json()).toEqual({ companies: 1, contacts: 2, interactions: 1, followUps: 1, webhooks: 1 });
  });
});
