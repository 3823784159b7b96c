import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createContact } from "../../contacts/contact-service.ts";
import { contactRelationships } from "../../network/relationship-service.ts";
import type { Deps, Repositories, Store } from "../../ports/index.ts";
import { previewImport } from "../plan/preview-import.ts";
import { commitImport, commitResumedImport } from "./import-jobs.ts";

/** A file whose rows name each other, people already in the account, nobody, and a name two contacts share. */
const FILE = [
  "First Name,Last Name,Email,Introduced by,Spouse,Mother,Friend of",
  "Leo,Park,leo@example.com,ana ibanez,Zoë 🌸 Park,,",
  "Zoë 🌸,Park,zoe@example.com,,Leo Park,,",
  "Kim,Đặng,kim@example.com,,,María Nobody,José Lima",
  "Nina,Ortiz,nina@example.com,,,Kim Đặng; Nina Ortiz,",
].join("\n");

/** A store whose first recordLinks throws, as a worker dying while it links: the transaction rolls back. */
function dyingOnce(store: Store): Store {
  let died = false;
  const wrap = (tx: Repositories): Repositories => {
    const importJobs = Object.create(tx.importJobs) as Repositories["importJobs"];
    importJobs.recordLinks = async (...args) => {
      if (!died) {
        died = true;
        throw new Error("worker died while linking");
      }
      return tx.importJobs.recordLinks(...args);
    };
    return { ...tx, importJobs };
  };
  return { ...store, transaction: (fn) => store.transaction((tx) => fn(wrap(tx))) };
}

describe.each(DIALECTS)("relationships from an import on %s", (dialect) => {
  const w = useTestWorld(dialect);

  async function seed() {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana", lastName: "Ibáñez" });
    await createContact(w.deps, w.alice, {
      firstName: "José",
      lastName: "Lima",
      emails: [{ address: "j1@example.com" }],
    });
    await createContact(w.deps, w.alice, {
      firstName: "José",
      lastName: "Lima",
      emails: [{ address: "j2@example.com" }],
    });
    return ana;
  }

  const sentences = async (id: string) =>
    (await contactRelationships(w.deps, w.alice, id)).map((r) => r.sentence).sort();

  it("links names to the file's rows and the account's contacts, once; the preview says the same", async () => {
    const ana = await seed();
    const preview = await previewImport(w.deps, w.alice, { content: FILE, fileName: "people.csv" });
    expect(preview.mapping).toMatchObject({
      "Introduced by": "introducedBy",
      Spouse: "partner",
      Mother: "parent",
      "Friend of": "friend",
    });
    expect(preview.links).toEqual({ created: 3, existing: 1, unresolved: 3 });
    const leo = preview.rows.find((r) => r.line === 2);
    expect(leo?.links.map((l) => [l.name, l.role, l.status, l.contactName])).toEqual([
      ["ana ibanez", "introduced by", "link", "Ana Ibáñez"],
      ["Zoë 🌸 Park", "spouse", "link", "Zoë 🌸 Park"],
    ]);
    expect(preview.rows.find((r) => r.line === 3)?.links[0]?.status).toBe("linked");
    expect(preview.rows.find((r) => r.line === 4)?.links.map((l) => l.status)).toEqual(["not-found", "ambiguous"]);
    expect(preview.errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
      '4 Mother: "María Nobody" not linked: no contact has that name',
      '4 Friend of: "José Lima" not linked: 2 contacts have that name (José Lima, José Lima); link the right one by hand',
      '5 Mother: "Nina Ortiz" not linked: that is this row\'s own person',
    ]);

    const job = await commitImport(w.deps, w.alice, { content: FILE, fileName: "people.csv" });
    expect(job.status).toBe("committed");
    expect(job.created + job.merged + job.skipped + job.failed).toBe(4);
    expect(job.relationships).toEqual({ created: 3, existing: 1, unresolved: 3 });
    expect(job.rows.find((r) => r.line === 4)?.warnings).toEqual([
      'Mother "María Nobody" not linked: no contact has that name',
      'Friend of "José Lima" not linked: 2 contacts have that name (José Lima, José Lima); link the right one by hand',
    ]);
    const leoId = job.rows.find((r) => r.line === 2)?.contactId ?? "";
    expect(await sentences(leoId)).toEqual([
      "Leo Park and Zoë 🌸 Park are partners",
      "Leo Park was introduced by Ana Ibáñez",
    ]);
    expect(await sentences(ana.id)).toEqual(["Leo Park was introduced by Ana Ibáñez"]);
    const nina = job.rows.find((r) => r.line === 5)?.contactId ?? "";
    expect(await sentences(nina)).toEqual(["Kim Đặng is Nina Ortiz's parent"]);

    // The same file again: every row is someone already there, and every edge is there already.
    const again = await commitImport(w.deps, w.alice, { content: FILE, fileName: "people.csv" });
    expect(again.skipped).toBe(4);
    expect(again.relationships).toEqual({ created: 0, existing: 4, unresolved: 3 });
    expect(await sentences(leoId)).toHaveLength(2);
  });

  it("a worker that dies while linking leaves no edge; the resumed job links each name once", async () => {
    await seed();
    const dying: Deps = { ...w.deps, store: dyingOnce(w.deps.store) };
    const failed = await commitImport(dying, w.alice, { content: FILE, fileName: "people.csv" });
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe("worker died while linking");
    const leoId = failed.rows.find((r) => r.line === 2)?.contactId ?? "";
    expect(await sentences(leoId)).toEqual([]);
    const resumed = await commitResumedImport(w.deps, w.alice, failed.id);
    expect(resumed.status).toBe("committed");
    expect(resumed.created).toBe(4);
    expect(resumed.relationships).toEqual({ created: 3, existing: 1, unresolved: 3 });
    expect(await sentences(leoId)).toHaveLength(2);
  });
});
