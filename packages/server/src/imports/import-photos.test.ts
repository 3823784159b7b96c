import { readSample } from "@kith/core/testing/samples";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { awaitImport } from "../testing/imports.ts";
import { signUp, useTestServer } from "../testing/test-server.ts";

const vcards = readSample("contacts-photos-dates.vcf");
const vcard = { "content-type": "text/vcard" };

describe.each(DIALECTS)("a vCard upload with photos on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("previews which rows carry a photo without echoing the bytes, then imports them to the photo route", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const preview = await alice.call("POST", "/api/imports/preview", vcards, vcard);
    expect(preview.statusCode).toBe(200);
    const rows = preview.json().rows as { draft: { photo: unknown; dates: unknown[] } }[];
    expect(rows.map((r) => r.draft.photo)).toEqual([
      { contentType: "image/jpeg" },
      { contentType: "image/png" },
      null,
      { contentType: "image/png" },
    ]);
    expect(preview.body).not.toContain("iVBORw0KGgo");

    const queued = await alice.call("POST", "/api/imports", vcards, vcard);
    expect(await awaitImport(alice.call, queued.json().id)).toMatchObject({ created: 4, failed: 0 });
    const contacts = (await alice.call("GET", "/api/contacts")).json().items as {
      id: string;
      firstName: string;
      photoUpdatedAt: string | null;
    }[];
    const leo = contacts.find((c) => c.firstName === "Leo");
    expect(leo?.photoUpdatedAt).not.toBeNull();
    const photo = await alice.call("GET", `/api/contacts/${leo?.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/png");
  });
});
