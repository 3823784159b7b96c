import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  type Contact,
  commitImport,
  createContact,
  DomainError,
  getImport,
  listDuplicates,
  listImports,
  listInteractions,
  listWholeContacts,
  previewImport,
  rebuildDueState,
} from "../../index.ts";
import { readSampleBytes, readSample as sample } from "../../testing/samples.ts";

describe.each(DIALECTS)("imports on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const all = async (actor: Actor = w.alice): Promise<Contact[]> =>
    (await listWholeContacts(w.deps, actor, {}, { limit: 200 })).items;
  const byName = async (name: string) => (await all()).find((c) => c.displayName === name);

  it.each([
    ["excel-unicode-text.txt", "utf-16le", ["José Núñez", "Renée O’Brien", "Zoë Brontë"], "Owes me 20 €"],
    ["latin1-contacts.csv", "windows-1252", ["François Müller", "Inês Çelik"], "café au lait"],
    ["windows-1252-contacts.vcf", "windows-1252", ["Iñaki Peña", "Renée O’Brien"], "“Mañana” costs 5 € – über nice"],
    ["utf16be-contacts.vcf", "utf-16be", ["Åse Ødegaard", "小龍 李"], "Skål 🥂"],
  ] as const)("%s: previewed as %s and imported with every character right", async (name, encoding, people, note) => {
    const bytes = readSampleBytes(name);
    const preview = await previewImport(w.deps, w.alice, { bytes, fileName: name });
    expect(preview).toMatchObject({ encoding, detectedEncoding: encoding, errors: [] });
    expect(preview.counts).toMatchObject({ create: people.length, error: 0 });
    const job = await commitImport(w.deps, w.alice, { bytes, fileName: name });
    expect(job).toMatchObject({ status: "committed", created: people.length, failed: 0 });
    const contacts = await all();
    expect(contacts.map((c) => c.displayName).sort()).toEqual([...people].sort());
    expect(contacts.map((c) => c.notes)).toContain(note);
  });

  it("imports a UTF-16 BE CSV (Excel's Unicode text, byte-swapped) with its BOM, and without one", async () => {
    const be = new Uint8Array(Buffer.from(readSampleBytes("excel-unicode-text.txt")).swap16());
    expect([be[0], be[1]]).toEqual([0xfe, 0xff]);
    expect(await previewImport(w.deps, w.alice, { bytes: be.subarray(2) })).toMatchObject({
      detectedEncoding: "utf-16be",
      counts: { create: 3, error: 0 },
    });
    expect(await commitImport(w.deps, w.alice, { bytes: be })).toMatchObject({ created: 3, failed: 0 });
    expect((await all()).map((c) => c.displayName).sort()).toEqual(["José Núñez", "Renée O’Brien", "Zoë Brontë"]);
  });

  it("imports a file in the encoding the member chose over the detected one", async () => {
    const bytes = readSampleBytes("latin1-contacts.csv");
    const asUtf8 = await previewImport(w.deps, w.alice, { bytes, encoding: "utf-8" });
    expect(asUtf8).toMatchObject({ encoding: "utf-8", detectedEncoding: "windows-1252" });
    expect(asUtf8.errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/dropped: it is not valid UTF-8$/),
    });
    const job = await commitImport(w.deps, w.alice, { bytes, encoding: "iso-8859-15" });
    expect(job).toMatchObject({ created: 2, failed: 0 });
    expect((await all()).map((c) => c.displayName).sort()).toEqual(["François Müller", "Inês Çelik"]);
    // UTF-16 read as UTF-8 is full of NULs: refused naming the line, nothing written.
    const utf16 = readSampleBytes("excel-unicode-text.txt");
    await expect(commitImport(w.deps, w.alice, { bytes: utf16, encoding: "utf-8" })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "encoding" }],
    });
    expect(await all()).toHaveLength(2);
  });

  it("imports LinkedIn connections with companies and a connected-on record, and re-importing changes nothing", async () => {
    const progress: number[] = [];
    const job = await commitImport(w.deps, w.alice, { content: sample("linkedin-Connections.csv") }, (done) =>
      progress.push(done),
    );
    expect(job).toMatchObject({ format: "linkedin", totalRows: 6, created: 6, merged: 0, skipped: 0, failed: 0 });
    expect(progress.at(-1)).toBe(6);
    const mei = await byName("Mei Chen");
    const jose = await byName("José Núñez");
    expect(mei?.companyId).toBeTruthy();
    expect(mei?.companyId).toBe(jose?.companyId);
    expect(mei).toMatchObject({ title: "Technical Recruiter", howWeMet: "Connected on LinkedIn on 2026-10-01" });
    const rosa = await byName("Rosa Calder");
    const timeline = await listInteractions(w.deps, w.alice, { contactId: rosa?.id }, {});
    expect(timeline.items).toMatchObject([
      { kind: "social", meaningful: false, occurredAt: "2024-03-12T12:00:00.000Z", source: "import" },
    ]);
    // A connection is a record, not a touch.
    expect(rosa).toMatchObject({ touchCount: 0, lastTouchAt: null });

    const before = JSON.stringify(await all());
    const again = await commitImport(w.deps, w.alice, { content: sample("linkedin-Connections.csv") });
    expect(again).toMatchObject({ created: 0, merged: 0, skipped: 6, failed: 0 });
    expect(again.rows[0]).toMatchObject({
      reason: expect.stringMatching(/^already there: same linkedin as Rosa Calder, and nothing new/),
      contactId: rosa?.id,
      contactName: "Rosa Calder",
    });
    expect(JSON.stringify(await all())).toBe(before);
  });

  it("stores the same due state as a full rebuild would", async () => {
    await commitImport(w.deps, w.alice, { content: sample("google-contacts.csv") });
    await commitImport(w.deps, w.alice, { content: sample("linkedin-Connections.csv") });
    const imported = JSON.stringify(await all());
    await rebuildDueState(w.deps, w.alice);
    expect(JSON.stringify(await all())).toBe(imported);
    expect((await byName("Grandma Alvaro"))?.birthday).toEqual({ month: 8, day: 2, year: null });
  });

  it("merges the same person across formats by email, LinkedIn URL and E.164 phone, keeping every value", async () => {
    await commitImport(w.deps, w.alice, { content: sample("linkedin-Connections.csv") });
    const google = await commitImport(w.deps, w.alice, { content: sample("google-contacts.csv") });
    expect(google).toMatchObject({ created: 1, merged: 1 });
    expect(google.rows[0]?.reason).toMatch(/same linkedin as Rosa Calder; adds emails, phones, tags, birthday, notes/);
    const v3 = await commitImport(w.deps, w.alice, { content: sample("contacts-v3.vcf") });
    expect(v3.created).toBe(0);
    const v4 = await commitImport(w.deps, w.alice, { content: sample("contacts-v4.vcf") });
    expect(v4.rows[0]).toMatchObject({
      outcome: "merged",
      reason: expect.stringMatching(/^same email as Tomas Selby/),
    });
    const v21 = await commitImport(w.deps, w.alice, { content: sample("contacts-v21.vcf") });
    expect(v21.rows[0]).toMatchObject({ outcome: "merged", reason: expect.stringMatching(/same email as José Núñez/) });
    await createContact(w.deps, w.alice, {
      firstName: "Phone",
      lastName: "Only",
      phones: [{ number: "+1 (512) 555-0199" }],
    });
    const byPhone = await commitImport(w.deps, w.alice, { content: "Name,Mobile\nP. Only,+1 512-555-0199\n" });
    expect(byPhone.rows[0]).toMatchObject({
      outcome: "skipped",
      reason: "already there: same phone as Phone Only, and nothing new",
    });

    const rosas = (await all()).filter((c) => c.lastName === "Calder");
    expect(rosas).toHaveLength(1);
    expect(rosas[0]?.emails.map((e) => e.address)).toEqual(["rosa@example.com", "rosa.home@example.net"]);
    expect(rosas[0]).toMatchObject({
      title: "Job Search Coach",
      tags: ["Coaches"],
      phones: [{ number: "+15125550101" }],
    });
    expect((await all()).length).toBe(8);
  });

  it("previews without writing: mapping, duplicates, and per-row errors naming line and field", async () => {
    await commitImport(w.deps, w.alice, { content: sample("outlook-contacts.csv") });
    const content =
      "First Name,Last Name,E-mail Address,Birthday\nCathy,J,CATHY@example.com,\n,,,\nBo,Bad,not-an-email,31/31/99\nNew,One,new@example.com,\n";
    const preview = await previewImport(w.deps, w.alice, { content, fileName: "people.csv" });
    // Cathy adds nothing (her email in another case is hers): skipped, in the preview as in the report.
    expect(preview.counts).toEqual({ create: 2, merge: 0, skip: 1, error: 1 });
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([
      [2, "skip"],
      [3, "error"],
      [4, "create"],
      [5, "create"],
    ]);
    expect(preview.duplicates).toMatchObject([
      { line: 2, action: "skip", match: { by: "email", displayName: "Cathy Jaworski" }, contactName: "Cathy Jaworski" },
    ]);
    // A bad field drops the field, not the row: Bo is created without them, and the warnings show the values.
    expect(preview.errors).toEqual([
      { line: 3, field: "firstName", message: "the row has no name" },
      { line: 4, field: "Birthday", message: '"31/31/99" dropped: is not a calendar date' },
      { line: 4, field: "email", message: '"not-an-email" dropped: not an email address' },
    ]);
    expect((await all()).length).toBe(2);
    const job = await commitImport(w.deps, w.alice, { content, fileName: "people.csv" });
    expect(job).toMatchObject({ created: 2, merged: 0, skipped: 1, failed: 1, fileName: "people.csv" });
    expect(job.rows.find((r) => r.line === 4)).toMatchObject({
      outcome: "created",
      contactName: "Bo Bad",
      warnings: [
        'Birthday "31/31/99" dropped: is not a calendar date',
        'email "not-an-email" dropped: not an email address',
      ],
    });
    expect((await byName("Bo Bad"))?.emails).toEqual([]);
    expect(job.rows.find((r) => r.line === 3)).toMatchObject({ outcome: "failed", contactId: null, warnings: [] });
    expect((await getImport(w.deps, w.alice, job.id)).rows).toEqual(job.rows);
    expect((await listImports(w.deps, w.alice)).map((j) => j.id)).toContain(job.id);
  });

  it("a row merged into a contact makes its new email match later rows of the same file", async () => {
    await createContact(w.deps, w.alice, { firstName: "Ada", lastName: "L", emails: [{ address: "ada@example.com" }] });
    const content = "Name,Email\nAda L,ada@example.com ::: ada@work.example\nA. Lovelace,ada@work.example\n";
    const job = await commitImport(w.deps, w.alice, { content });
    expect(job).toMatchObject({ created: 0, merged: 1, skipped: 1 });
    expect(job.rows[1]?.reason).toBe("already there: same email as Ada L, and nothing new");
  });

  it("creates a row that only looks like someone (same name and company) and lists the pair as possible duplicates", async () => {
    const content = "Name,Company\nAda Lovelace,Engines Ltd\n";
    await commitImport(w.deps, w.alice, { content });
    const again = await commitImport(w.deps, w.alice, { content });
    expect(again.rows[0]).toMatchObject({
      outcome: "created",
      reason: expect.stringMatching(/Ada Lovelace has the same name and company: listed as a possible duplicate/),
    });
    const adas = await all();
    expect(adas).toHaveLength(2);
    expect(await listDuplicates(w.deps, w.alice)).toMatchObject([
      { contactId: adas[1]?.id, duplicateOfId: adas[0]?.id, by: "name-and-company" },
    ]);
  });

  it("takes two people with one name at one company for two when their profiles or emails differ", async () => {
    const job = await commitImport(w.deps, w.alice, { content: sample("google-contacts-legacy.csv") });
    expect(job).toMatchObject({ format: "google", created: 4, merged: 0, skipped: 0, failed: 0 });
    const sams = (await all()).filter((c) => c.displayName === "Sam Lee");
    expect(sams.map((s) => [s.emails.map((e) => e.address), s.birthday, s.title])).toEqual([
      [["sam.lee@example.com"], { month: 2, day: 14, year: 1988 }, "Engineer"],
      [["sam@lee.example.org"], null, "Designer"],
    ]);
    expect(sams[0]?.links).toEqual([{ url: "https://www.linkedin.com/in/sam-lee-88", label: "LinkedIn" }]);
    expect(job.rows[1]?.reason).toMatch(/^new contact; not Sam Lee/);
    // Known to be different people: not suggested as duplicates either.
    expect(await listDuplicates(w.deps, w.alice)).toEqual([]);
    // A last name alone stays the last name; an internationalised address is kept, a bad one dropped with a warning.
    expect(await byName("Okafor")).toMatchObject({ firstName: "", lastName: "Okafor" });
    expect((await byName("Zoë Müller"))?.emails).toEqual([{ address: "zoë.müller@exämple.de" }]);
    expect(job.rows[3]?.warnings).toEqual(['email "not-an-email" dropped: not an email address']);
  });

  it("lets the preview's choices decide rows: create anyway, merge into a lookalike, skip; counts equal the report's", async () => {
    await createContact(w.deps, w.alice, {
      firstName: "Ada",
      lastName: "Lovelace",
      emails: [{ address: "ada@example.com" }],
    });
    await createContact(w.deps, w.alice, { firstName: "Grace", lastName: "Hopper", title: "Admiral" });
    const content = [
      "Name,Email,Title",
      "Ada Lovelace,ada@example.com,Countess", // same email: merges (adds the title)
      "Grace Hopper,grace@navy.example,", // looks like Grace: created and suggested
      "Alan Turing,alan@example.com,", // new
      "Ada L.,ada@example.com,", // same email, nothing new: skipped
    ].join("\n");
    const plain = await previewImport(w.deps, w.alice, { content });
    expect(plain.counts).toEqual({ create: 2, merge: 1, skip: 1, error: 0 });
    const overrides = [
      { line: 2, action: "create" as const },
      { line: 3, action: "merge" as const },
      { line: 4, action: "skip" as const },
    ];
    const preview = await previewImport(w.deps, w.alice, { content, overrides });
    expect(preview.rows.map((r) => [r.action, r.contactName])).toEqual([
      ["create", "Ada Lovelace"],
      ["merge", "Grace Hopper"],
      ["skip", null],
      // Ada already there keeps the address as her key: line 5 adds nothing to her.
      ["skip", "Ada Lovelace"],
    ]);
    const job = await commitImport(w.deps, w.alice, { content, overrides });
    expect({ create: job.created, merge: job.merged, skip: job.skipped, error: job.failed }).toEqual(preview.counts);
    const outcomeOf: Record<string, string> = { create: "created", merge: "merged", skip: "skipped", error: "failed" };
    expect(job.rows.map((r) => [r.outcome, r.contactName, r.reason])).toEqual(
      preview.rows.map((r) => [outcomeOf[r.action], r.contactName, r.reason]),
    );
    expect((await all()).map((c) => c.displayName).sort()).toEqual(["Ada Lovelace", "Ada Lovelace", "Grace Hopper"]);
    expect((await byName("Grace Hopper"))?.emails).toEqual([{ address: "grace@navy.example" }]);
  });

  it("keeps accounts apart: another account's contacts never match, its imports are not found", async () => {
    const job = await commitImport(w.deps, w.alice, { content: sample("linkedin-Connections.csv") });
    const bobs = await commitImport(w.deps, w.bob, { content: sample("linkedin-Connections.csv") });
    expect(bobs.created).toBe(6);
    const err = await getImport(w.deps, w.bob, job.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("not_found");
    expect(await listImports(w.deps, w.bob)).toHaveLength(1);
  });

  it("refuses a viewer and a file whose header fails; a row that fails fails the job, naming it", async () => {
    const viewer: Actor = { ...w.alice, role: "viewer" };
    await expect(commitImport(w.deps, viewer, { content: "Name\nAda\n" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      commitImport(w.deps, w.alice, { content: '"Name,Email\nAda,ada@example.com\n' }),
    ).rejects.toMatchObject({ code: "validation", message: /^line 1: / });
    expect(await listImports(w.deps, w.alice)).toEqual([]);
    // The rows are read by the job: a break there is found as it reads, and fails it.
    const job = await commitImport(w.deps, w.alice, { content: 'Name,Email\n"Ada,ada@example.com\n' });
    expect(job).toMatchObject({ status: "failed", processedRows: 0, error: expect.stringMatching(/^line 2: /) });
    expect(await all()).toEqual([]);
  });
});
