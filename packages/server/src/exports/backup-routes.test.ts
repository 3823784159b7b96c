import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("backup routes on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("downloads a backup, restores it into an empty account, and the second download is byte-identical", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const company = (await alice.call("POST", "/api/companies", { name: "Acme" })).json();
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa", companyId: company.id })).json();
    await alice.call("POST", "/api/interactions", { contactIds: [rosa.id], kind: "call", direction: "outbound" });
    const first = await alice.call("GET", "/api/backup");
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-disposition"]).toBe('attachment; filename="kith-backup.json"');

    const bob = await signUp(s, "Bob", "bob@example.com");
    const restored = await bob.call("POST", "/api/backup/restore", first.json());
    expect(restored.json()).toMatchObject({
      companies: 1,
      contacts: 1,
      interactions: 1,
      followUps: 0,
      webhooks: 0,
      asks: 0,
    });
    expect((await bob.call("GET", "/api/backup")).body).toBe(first.body);
    const again = await bob.call("POST", "/api/backup/restore", first.json());
    expect(again.statusCode).toBe(409);
  });

  it("restores the backup of an account whose owner signed up with the longest name allowed", async () => {
    const longest = "Ω".repeat(120);
    const alice = await signUp(s, longest, "alice@example.com");
    expect((await alice.call("GET", "/api/account")).json().name).toBe(longest);
    const backup = await alice.call("GET", "/api/backup");
    const bob = await signUp(s, "Bob", "bob@example.com");
    expect((await bob.call("POST", "/api/backup/restore", backup.json())).statusCode).toBe(200);
    expect((await bob.call("GET", "/api/account")).json().name).toBe(longest);
  });
});
