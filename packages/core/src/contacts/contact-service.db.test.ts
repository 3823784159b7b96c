import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  createCompany,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  listInteractions,
  logInteraction,
  setContactArchived,
  updateCompany,
  updateContact,
} from "../index.ts";
import { codeOf } from "../testing/fakes.ts";

describe.each(DIALECTS)("contacts on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("searches by name, email, company and tag with prefix matching, accents folded", async () => {
    const acme = await createCompany(w.deps, w.alice, { name: "Acme Robotics" });
    await createContact(w.deps, w.alice, {
      firstName: "Zoë",
      lastName: "Ångström",
      emails: [{ address: "zoe.a@pixel.example" }],
      companyId: acme.id,
      tags: ["Climbing"],
    });
    await createContact(w.deps, w.alice, { firstName: "Rosa", lastName: "Diaz", tags: ["work"] });
    const names = async (q: string) => (await listContacts(w.deps, w.alice, { q }, {})).items.map((c) => c.displayName);
    expect(await names("zo")).toEqual(["Zoë Ångström"]);
    expect(await names("angst")).toEqual(["Zoë Ångström"]);
    expect(await names("pixel.ex")).toEqual(["Zoë Ångström"]);
    expect(await names("acme rob")).toEqual(["Zoë Ångström"]);
    expect(await names("climb")).toEqual(["Zoë Ångström"]);
    expect(await names("ros di")).toEqual(["Rosa Diaz"]);
    expect(await names("nobody")).toEqual([]);
    // A renamed company is found under its new name.
    await updateCompany(w.deps, w.alice, acme.id, { name: "Globex" });
    expect(await names("globex")).toEqual(["Zoë Ångström"]);
    expect(await names("acme")).toEqual([]);
    // Tag filter is exact (case-insensitive), not prefix.
    const tagged = await listContacts(w.deps, w.alice, { tag: "WORK" }, {});
    expect(tagged.items.map((c) => c.firstName)).toEqual(["Rosa"]);
    expect((await listContacts(w.deps, w.alice, { tag: "wor" }, {})).items).toEqual([]);
  });

  it("pages through contacts with a cursor, in name order, without repeats or gaps", async () => {
    const names = ["Mia", "Al", "Zoe", "Bo", "Cy", "Al", "Di"];
    for (const firstName of names) await createContact(w.deps, w.alice, { firstName });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(w.deps, w.alice, {}, { limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((c) => c.firstName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...names].sort());
  });

  it("archives (hidden, history kept, undoable) and hard-deletes for privacy", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Ann", tags: ["x"] });
    await logInteraction(w.deps, w.alice, { contactIds: [a.id], kind: "call", direction: "outbound" });
    await setContactArchived(w.deps, w.alice, a.id, true);
    expect((await listContacts(w.deps, w.alice, {}, {})).items).toHaveLength(0);
    expect((await listContacts(w.deps, w.alice, { archived: "only" }, {})).items).toHaveLength(1);
    expect((await listInteractions(w.deps, w.alice, { contactId: a.id }, {})).items).toHaveLength(1);
    await setContactArchived(w.deps, w.alice, a.id, false);
    expect((await listContacts(w.deps, w.alice, {}, {})).items).toHaveLength(1);

    await deleteContact(w.deps, w.alice, a.id);
    expect(await codeOf(getContact(w.deps, w.alice, a.id))).toBe("not_found");
    expect((await listInteractions(w.deps, w.alice, {}, {})).items).toHaveLength(0);
    expect((await listContacts(w.deps, w.alice, { q: "ann" }, {})).items).toHaveLength(0);
  });

  it("rejects bad input naming the field", async () => {
    await expect(
      createContact(w.deps, w.alice, { firstName: "A", emails: [{ address: "nope" }] }),
    ).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "emails.0.address" }],
    });
    await expect(
      createContact(w.deps, w.alice, { firstName: "A", birthday: { month: 2, day: 30 } }),
    ).rejects.toMatchObject({
      issues: [{ path: "birthday.day" }],
    });
    await expect(createContact(w.deps, w.alice, { firstName: "A", shoeSize: 42 })).rejects.toMatchObject({
      code: "validation",
    });
    await expect(listContacts(w.deps, w.alice, {}, { cursor: "garbage!!" })).rejects.toMatchObject({
      issues: [{ path: "cursor" }],
    });
  });

  it("keeps a contact with a last name only, an internationalised email, and refuses blanking both names", async () => {
    const okafor = await createContact(w.deps, w.alice, {
      lastName: "Okafor",
      emails: [{ address: "zoë.50@exämple.com" }],
    });
    expect(okafor).toMatchObject({ firstName: "", lastName: "Okafor", displayName: "Okafor" });
    expect(okafor.emails).toEqual([{ address: "zoë.50@exämple.com" }]);
    await expect(updateContact(w.deps, w.alice, okafor.id, { lastName: "" })).rejects.toMatchObject({
      code: "validation",
      issues: [{ path: "firstName", message: "a contact needs a first or a last name" }],
    });
    expect(await updateContact(w.deps, w.alice, okafor.id, { firstName: "Chidi" })).toMatchObject({
      displayName: "Chidi Okafor",
    });
  });

  it("sorts by last touch or next due and filters by connection progress, paging through each order", async () => {
    const ids: Record<string, string> = {};
    for (const [firstName, circle] of [
      ["Ann", "inner"],
      ["Ben", "close"],
      ["Cy", "network"],
      ["Di", "none"],
    ] as const) {
      ids[firstName] = (await createContact(w.deps, w.alice, { firstName, circle })).id;
    }
    const log = (name: string, occurredAt: string) =>
      logInteraction(w.deps, w.alice, { contactIds: [ids[name]!], kind: "call", direction: "mutual", occurredAt });
    await log("Ben", "2026-10-01T12:00:00Z");
    await log("Ann", "2026-10-20T12:00:00Z");
    for (let i = 0; i < 7; i += 1) await log("Cy", `2026-0${i + 1}-15T12:00:00Z`);

    const all = async (query: object) => {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listContacts(w.deps, w.alice, query, { limit: 1, ...(cursor ? { cursor } : {}) });
        names.push(...page.items.map((c) => c.firstName));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return names;
    };
    // Most recent touch first; never touched last.
    expect(await all({ sort: "last-touch" })).toEqual(["Ann", "Ben", "Cy", "Di"]);
    // Soonest due first; Di (circle none) is never due and comes last.
    const byDue = await all({ sort: "next-due" });
    expect(byDue.at(-1)).toBe("Di");
    const dues = await Promise.all(
      byDue.slice(0, 3).map(async (n) => (await getContact(w.deps, w.alice, ids[n]!)).nextDueOn),
    );
    expect([...dues].sort()).toEqual(dues);
    expect(await all({ progress: "new" })).toEqual(["Di"]);
    expect(await all({ progress: "building" })).toEqual(["Ann", "Ben"]);
    expect(await all({ progress: "connected" })).toEqual(["Cy"]);
    await expect(listContacts(w.deps, w.alice, { sort: "age" }, {})).rejects.toMatchObject({
      issues: [{ path: "sort" }],
    });
  });
});
