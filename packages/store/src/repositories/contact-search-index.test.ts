import { type Contact, type ContactListQuery, newContact } from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

/**
 * A search pages the same on both engines and by every SQLite path: walking the account in sort order (most
 * contacts match), sorting the matches (few match) and the walk giving up (many match, all late in the order).
 * The expected lists are worked out here from the names alone.
 */
const FIRST = ["Ada", "Mei", "Ravi", "Robin", "Rosa", "Tomas"];
const AT = "2026-01-01T00:00:00.000Z";

function people(): Contact[] {
  const list: Contact[] = [];
  for (let i = 0; i < 1100; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const contact = newContact(
      `c-${String(i).padStart(4, "0")}`,
      { firstName: first, lastName: `Calder${i}`, circle: i % 3 === 0 ? "close" : "network" },
      AT,
    );
    list.push(i % 10 === 9 ? { ...contact, archivedAt: AT } : contact);
  }
  // Many matches, every one after the others in name order: the walk gives up on them.
  for (let i = 0; i < 600; i++) {
    list.push(newContact(`z-${String(i).padStart(4, "0")}`, { firstName: "Zora", lastName: `Zed${i}` }, AT));
  }
  return list;
}

describe.each(DIALECTS)("contact search paging on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("pages through every match in order, with the exact count, whichever way the page is found", async () => {
    const all = people();
    await w.deps.store.transaction(async (tx) => {
      for (const c of all) await tx.contacts.insert(w.alice.accountId, c);
      // Another account's namesakes are never counted nor listed.
      for (const c of all.slice(0, 300)) await tx.contacts.insert(w.bob.accountId, { ...c, id: `bob-${c.id}` });
    });
    const words = (c: Contact) => `${c.firstName} ${c.lastName}`.toLowerCase().split(" ");
    const cases: { query: Partial<ContactListQuery> & { q: string }; keep: (c: Contact) => boolean }[] = [
      { query: { q: "r" }, keep: (c) => c.archivedAt === null && words(c).some((x) => x.startsWith("r")) },
      {
        query: { q: "ros calder1" },
        keep: (c) => c.archivedAt === null && c.firstName === "Rosa" && /^Calder1/.test(c.lastName ?? ""),
      },
      { query: { q: "zor" }, keep: (c) => c.firstName === "Zora" },
      {
        query: { q: "r", circle: "close" },
        keep: (c) => c.archivedAt === null && c.circle === "close" && words(c).some((x) => x.startsWith("r")),
      },
      {
        query: { q: "r", archived: "include" },
        keep: (c) => words(c).some((x) => x.startsWith("r")),
      },
      {
        query: { q: "r", archived: "only" },
        keep: (c) => c.archivedAt !== null && words(c).some((x) => x.startsWith("r")),
      },
    ];
    for (const { query, keep } of cases) {
      const expected = all
        .filter(keep)
        .map((c) => ({ id: c.id, key: `${c.firstName} ${c.lastName}`.toLowerCase() }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
        .map((c) => c.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      let total: number | null = null;
      do {
        const page = await w.deps.store.contacts.list(
          w.alice.accountId,
          { archived: "exclude", sort: "name", ...query, connectionTarget: 7 },
          { limit: 50, ...(cursor ? { cursor } : {}) },
        );
        if (!cursor) total = page.total;
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(total, JSON.stringify(query)).toBe(expected.length);
      expect(seen, JSON.stringify(query)).toEqual(expected);
    }
  }, 120_000); // two thousand contacts written one by one, and some hundred pages read, on a busy machine
});

describe.each(DIALECTS)("contact search with very long words on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("keeps a contact whose folded words are longer than the index takes, and finds it by their start", async () => {
    // Each `㌖` folds to six letters (キロメートル): 200 of them are 1,200 characters, 3,600 bytes, one word.
    const long = newContact("c-long", { firstName: "Kiro", lastName: "Mētoru", title: "㌖".repeat(200) }, AT);
    const company = "ｷﾛ".repeat(50);
    await w.deps.store.transaction(async (tx) => {
      await tx.contacts.insert(w.alice.accountId, long);
      await tx.contacts.insert(w.alice.accountId, newContact("c-other", { firstName: "Other", lastName: company }, AT));
    });
    const found = await w.deps.store.contacts.list(
      w.alice.accountId,
      { q: "キロメートルキロ", archived: "exclude", sort: "name", connectionTarget: 7 },
      { limit: 10 },
    );
    expect(found.items.map((c) => c.id)).toEqual(["c-long"]);
    expect(found.total).toBe(1);
    const byName = await w.deps.store.contacts.list(
      w.alice.accountId,
      { q: "metoru", archived: "exclude", sort: "name", connectionTarget: 7 },
      { limit: 10 },
    );
    expect(byName.items.map((c) => c.id)).toEqual(["c-long"]);
  });
});
