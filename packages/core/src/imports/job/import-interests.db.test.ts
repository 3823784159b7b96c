import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { articleMatches, saveArticle } from "../../articles/article-service.ts";
import { runArticleFetchTick } from "../../articles/fetch-articles.ts";
import { createContact, listWholeContacts } from "../../contacts/contact-service.ts";
import { listInteractions } from "../../interactions/interaction-service.ts";
import { onePageFetcher } from "../../testing/article-pages.ts";
import { previewImport } from "../plan/preview-import.ts";
import { commitImport } from "./import-jobs.ts";

/** The file a new user imported: interests in their own column, how they met in another. */
const FILE = [
  "First Name,Last Name,Email,Interests,How we met",
  'Rosa,Calder,rosa@example.com,"climate; cycling",At the Lisbon design meetup',
  "Ken,Ito,ken@example.com,hiking 🥾,",
  "Una,Moss,una@example.com,🎨 art,Ana's wedding",
].join("\n");

const CYCLING = `<html><head><title>Why cities are building bike lanes</title></head><body><article><p>${"Cycling to work is growing fast: protected bike lanes make cycling safe for everyone. ".repeat(5)}</p></article></body></html>`;

const adds = (job: { created: number; merged: number; skipped: number; failed: number; totalRows: number | null }) =>
  job.created + job.merged + job.skipped + job.failed === job.totalRows;

describe.each(DIALECTS)("interests and how you met from imported files on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const byName = async (firstName: string) =>
    (await listWholeContacts(w.deps, w.alice, {}, { limit: 50 })).items.find((c) => c.firstName === firstName);

  it("creates contacts with the file's interests and how-we-met, shown in the preview first", async () => {
    const preview = await previewImport(w.deps, w.alice, { content: FILE });
    expect(preview.mapping).toMatchObject({ Interests: "interests", "How we met": "howWeMet" });
    expect(preview.rows[0]?.draft).toMatchObject({
      interests: ["climate", "cycling"],
      howWeMet: "At the Lisbon design meetup",
    });
    const job = await commitImport(w.deps, w.alice, { content: FILE });
    expect(job).toMatchObject({ totalRows: 3, created: 3, merged: 0, skipped: 0, failed: 0 });
    expect(await byName("Rosa")).toMatchObject({
      interests: ["climate", "cycling"],
      howWeMet: "At the Lisbon design meetup",
    });
    expect(await byName("Ken")).toMatchObject({ interests: ["hiking 🥾"], howWeMet: "" });
    expect(await byName("Una")).toMatchObject({ interests: ["🎨 art"], howWeMet: "Ana's wedding" });
  });

  it("a merge adds new interests without case or accents and fills an empty how-we-met, saying so", async () => {
    await createContact(w.deps, w.alice, {
      ...{ firstName: "Rosa", lastName: "Calder", emails: [{ address: "rosa@example.com" }] },
      ...{ interests: ["Cyclíng"], howWeMet: "Ana introduced us" },
    });
    await createContact(w.deps, w.alice, { firstName: "Ken", emails: [{ address: "ken@example.com" }] });
    await createContact(w.deps, w.alice, { firstName: "Una", emails: [{ address: "una@example.com" }] });
    const long = "x".repeat(41);
    const content = [
      "Name,E-mail,Hobbies,Where we met",
      `Rosa Calder,rosa@example.com,"cycling; CLIMATE; ${long}",Lisbon`,
      "Ken Ito,ken@example.com,,PyCon 2019",
      "Una Moss,una@example.com,,",
      "Nameless,,knitting,",
      ",,knitting,",
    ].join("\n");
    const job = await commitImport(w.deps, w.alice, { content });
    expect(job).toMatchObject({ totalRows: 5, created: 1, merged: 2, skipped: 1, failed: 1 });
    expect(adds(job)).toBe(true);
    expect(job.rows.map((r) => [r.line, r.outcome, r.reason, r.warnings])).toEqual([
      [
        2,
        "merged",
        "same email as Rosa Calder; adds interests",
        [`interests "${long}" dropped: an interest is at most 40 characters`],
      ],
      [3, "merged", "same email as Ken; adds howWeMet", []],
      [4, "skipped", "already there: same email as Una, and nothing new", []],
      [5, "created", "new contact", []],
      [6, "failed", "the row has no name", []],
    ]);
    // What the person typed stays: Rosa's spelling of cycling and how she met her.
    expect(await byName("Rosa")).toMatchObject({ interests: ["Cyclíng", "CLIMATE"], howWeMet: "Ana introduced us" });
    expect(await byName("Ken")).toMatchObject({ howWeMet: "PyCon 2019" });
  });

  it("a file's how-we-met wins over LinkedIn's connected-on line, whose date stays on the timeline", async () => {
    const content = [
      "First Name,Last Name,URL,Connected On,How we met",
      "Mei,Chen,https://www.linkedin.com/in/mei-chen,01 Oct 2026,Her talk at JSConf",
      "Jo,Park,https://www.linkedin.com/in/jo-park,12 Mar 2024,",
    ].join("\n");
    expect(await commitImport(w.deps, w.alice, { content })).toMatchObject({ format: "linkedin", created: 2 });
    const mei = await byName("Mei");
    expect(mei?.howWeMet).toBe("Her talk at JSConf");
    expect((await byName("Jo"))?.howWeMet).toBe("Connected on LinkedIn on 2024-03-12");
    const timeline = await listInteractions(w.deps, w.alice, { contactId: mei?.id }, {});
    expect(timeline.items).toMatchObject([
      { summary: "Connected on LinkedIn", occurredAt: "2026-10-01T12:00:00.000Z" },
    ]);
    // A later file with Jo's story replaces the line the import wrote.
    const again = "First Name,Last Name,URL,Met at\nJo,Park,https://www.linkedin.com/in/jo-park,The climbing gym\n";
    expect((await commitImport(w.deps, w.alice, { content: again })).rows[0]?.reason).toMatch(/adds howWeMet$/);
    expect((await byName("Jo"))?.howWeMet).toBe("The climbing gym");
  });

  it("reads vCard INTEREST and HOBBY, and an article about cycling then finds the people interested in it", async () => {
    await commitImport(w.deps, w.alice, { content: FILE });
    const vcf = ["BEGIN:VCARD", "VERSION:4.0", "FN:Lea Roy", "N:Roy;Lea;;;", "HOBBY:Cycling", "END:VCARD"].join("\r\n");
    expect(await commitImport(w.deps, w.alice, { content: vcf })).toMatchObject({ format: "vcard", created: 1 });
    const deps = { ...w.deps, articleFetcher: onePageFetcher(CYCLING) };
    const article = await saveArticle(deps, w.alice, { url: "https://news.example/bike-lanes" });
    expect(await runArticleFetchTick(deps, { owner: "worker-1" })).toBe(1);
    const matches = await articleMatches(w.deps, w.alice, article.id);
    expect(matches.map((m) => [m.displayName, m.reasons])).toEqual([
      ["Lea Roy", ["interested in Cycling"]],
      ["Rosa Calder", ["interested in cycling"]],
    ]);
  });
});
