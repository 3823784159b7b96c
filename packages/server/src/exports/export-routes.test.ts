import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { awaitImport } from "../testing/imports.ts";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("export routes on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("downloads contacts as neutralised CSV and as vCard 4.0 that imports back", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    await alice.call("POST", "/api/contacts", {
      firstName: "=Evil",
      lastName: "Formula",
      emails: [{ address: "e@example.com" }],
    });
    const csv = await alice.call("GET", "/api/exports/contacts?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="kith-contacts.csv"');
    expect(csv.body.split("\r\n")[1]).toBe("'=Evil,Formula,e@example.com,,,,,,,,,");
    const vcf = await alice.call("GET", "/api/exports/contacts?format=vcard");
    expect(vcf.headers["content-type"]).toBe("text/vcard; charset=utf-8");
    expect(vcf.body).toContain("FN:=Evil Formula\r\n");

    const bob = await signUp(s, "Bob", "bob@example.com");
    const imported = await bob.call("POST", "/api/imports", vcf.body, { "content-type": "text/vcard" });
    expect(await awaitImport(bob.call, imported.json().id)).toMatchObject({ format: "vcard", created: 1 });
    expect((await bob.call("GET", "/api/exports/contacts?format=csv")).body).toBe(csv.body);
  });

  it("offers Google Contacts' and Outlook's CSV by name, phone numbers left as numbers", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    await alice.call("POST", "/api/contacts", {
      ...{ firstName: "Rosa", lastName: "Calder", phones: [{ number: "+1 555 0100", label: "mobile" }] },
      emails: [{ address: "rosa@example.com" }],
    });
    const google = await alice.call("GET", "/api/exports/contacts?format=google");
    expect(google.headers["content-disposition"]).toBe('attachment; filename="kith-contacts-google.csv"');
    expect(google.body).toMatch(/^First Name,Middle Name,Last Name,Organization Name,/);
    expect(google.body).toContain("Rosa,,Calder,");
    expect(google.body).toContain(",Mobile,+1 555 0100");
    const outlook = await alice.call("GET", "/api/exports/contacts?format=outlook");
    expect(outlook.headers["content-disposition"]).toBe('attachment; filename="kith-contacts-outlook.csv"');
    expect(outlook.body).toMatch(/^\uFEFFFirst Name,Middle Name,Last Name,E-mail Address,/);
    expect(outlook.body).toContain("Rosa,,Calder,rosa@example.com,,,+1 555 0100,");
    expect((await alice.call("GET", "/api/exports/contacts?format=kith")).body).toBe(
      (await alice.call("GET", "/api/exports/contacts?format=csv")).body,
    );
    expect((await alice.call("GET", "/api/exports/contacts?format=excel")).statusCode).toBe(400);
  });
});
