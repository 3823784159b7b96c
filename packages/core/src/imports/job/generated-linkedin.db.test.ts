import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  type Contact,
  commitImport,
  listDuplicates,
  listWholeContacts,
  previewImport,
} from "../../index.ts";
import { generateLinkedInExport } from "../../testing/generate-linkedin-export.ts";

/** 5,000 LinkedIn rows with every shape that lost people before: one contact per profile, no row lost. */
describe.each(DIALECTS)("a generated 5,000-row LinkedIn export on %s", (dialect) => {
  const w = useTestWorld(dialect);

  async function everyone(actor: Actor): Promise<Contact[]> {
    const all: Contact[] = [];
    let cursor: string | undefined;
    do {
      const page = await listWholeContacts(w.deps, actor, {}, { limit: 200, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  it("makes one contact per distinct profile, loses no row, and the preview's counts are the report's", async () => {
    const { content, expected } = generateLinkedInExport(5000, 19);
    // The file has what it is meant to: collisions, repeats, last names alone, internationalised and bad emails.
    expect(expected.repeatedLines.length).toBeGreaterThan(150);
    expect(expected.lastNameOnlyLines.length).toBeGreaterThan(50);
    expect(expected.internationalEmails.size).toBeGreaterThan(100);
    expect(expected.namelessLines.length).toBeGreaterThan(5);
    expect(expected.badEmailLines.length).toBeGreaterThan(50);

    const preview = await previewImport(w.deps, w.alice, { content, fileName: "Connections.csv" });
    const job = await commitImport(w.deps, w.alice, { content, fileName: "Connections.csv" });
    expect(job).toMatchObject({ status: "committed", format: "linkedin", totalRows: 5000 });
    // Rows in = created + merged + skipped + failed; only the rows without a name fail.
    expect(job.created + job.merged + job.skipped + job.failed).toBe(5000);
    expect(job.failed).toBe(expected.namelessLines.length);
    expect(job.rows.filter((r) => r.outcome === "failed").map((r) => r.line)).toEqual(expected.namelessLines);
    expect(preview.counts).toEqual({ create: job.created, merge: job.merged, skip: job.skipped, error: job.failed });

    // One contact per distinct profile, each with its one normal LinkedIn link.
    const contacts = await everyone(w.alice);
    expect(job.created).toBe(expected.profiles.size);
    expect(contacts).toHaveLength(expected.profiles.size);
    const links = contacts.map((c) => c.links.map((l) => l.url));
    expect(links.every((l) => l.length === 1)).toBe(true);
    expect(new Set(links.flat())).toEqual(expected.profiles);

    // The same profile again is merged or skipped, never created; the report names the contact it went to.
    const byLine = new Map(job.rows.map((r) => [r.line, r]));
    const byId = new Map(contacts.map((c) => [c.id, c]));
    for (const line of expected.repeatedLines) {
      const row = byLine.get(line);
      expect(["merged", "skipped"], `line ${line}`).toContain(row?.outcome);
      expect(byId.get(row?.contactId ?? "")?.displayName).toBe(row?.contactName);
    }
    // Last name alone stays the last name; internationalised addresses are kept; a bad one is dropped, not the row.
    for (const line of expected.lastNameOnlyLines) {
      const contact = byId.get(byLine.get(line)?.contactId ?? "");
      expect(contact?.firstName).toBe("");
      expect(contact?.lastName).not.toBe("");
    }
    const addresses = new Set(contacts.flatMap((c) => c.emails.map((e) => e.address)));
    for (const email of expected.internationalEmails) expect(addresses.has(email), email).toBe(true);
    expect(addresses.has("not-an-email")).toBe(false);
    for (const line of expected.badEmailLines) {
      expect(byLine.get(line)?.warnings).toContain('email "not-an-email" dropped: not an email address');
    }

    // Namesakes at one company are different people: none is suggested as a duplicate of another.
    expect(contacts.filter((c) => c.displayName === "Sam Lee").length).toBeGreaterThan(100);
    expect(await listDuplicates(w.deps, w.alice)).toEqual([]);

    // Importing the same file again creates no one.
    const again = await commitImport(w.deps, w.alice, { content });
    expect(again).toMatchObject({ created: 0, merged: 0, failed: expected.namelessLines.length });
    expect(again.skipped).toBe(5000 - expected.namelessLines.length);
    // Two imports and a preview of 5,000 rows each: more than the default time on a busy machine.
  }, 120_000);
});
