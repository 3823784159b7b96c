import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { addAsk, getAsk } from "../asks/ask-service.ts";
import { createCompany } from "../companies/company-service.ts";
import { createContact, deleteContact } from "../contacts/contact-service.ts";
import { mergeContacts, undoMerge } from "../duplicates/merge-service.ts";
import { logInteraction } from "../interactions/interaction-service.ts";
import type { Deps } from "../ports/index.ts";
import { codeOf } from "../testing/fakes.ts";
import { networkNeighbourhood } from "./neighbourhood.ts";
import { findNetworkPaths, whoDoYouKnowAt } from "./path-service.ts";
import {
  addRelationship,
  contactRelationships,
  deleteRelationship,
  updateRelationship,
} from "./relationship-service.ts";

async function person(deps: Deps, actor: Actor, firstName: string, extra: Record<string, unknown> = {}) {
  return createContact(deps, actor, { firstName, ...extra });
}

async function touch(deps: Deps, actor: Actor, contactId: string, occurredAt: string) {
  await logInteraction(deps, actor, { contactIds: [contactId], kind: "call", direction: "mutual", occurredAt });
}

describe.each(DIALECTS)("the network on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const viewer = (): Actor => ({ ...w.alice, role: "viewer" });

  it("keeps relationships per account, read from each side, one per pair and kind, never a self-loop", async () => {
    const ana = await person(w.deps, w.alice, "Ana");
    const leo = await person(w.deps, w.alice, "Leo");
    const bobs = await person(w.deps, w.bob, "Zed");
    const edge = await addRelationship(w.deps, w.alice, {
      fromContactId: ana.id,
      toContactId: leo.id,
      kind: "parent",
      how: "family",
      sinceOn: "1990-05-01",
    });
    expect(edge).toMatchObject({ kind: "parent", strength: 3, how: "family", sinceOn: "1990-05-01" });
    const fromLeo = await contactRelationships(w.deps, viewer(), leo.id);
    expect(fromLeo.map((r) => [r.other.displayName, r.role, r.sentence])).toEqual([
      ["Ana", "parent", "Ana is Leo's parent"],
    ]);
    const fromAna = await contactRelationships(w.deps, w.alice, ana.id);
    expect(fromAna.map((r) => [r.other.displayName, r.role])).toEqual([["Leo", "child"]]);

    // The same pair and kind the other way round is the same edge; another kind is another edge.
    expect(
      await codeOf(addRelationship(w.deps, w.alice, { fromContactId: leo.id, toContactId: ana.id, kind: "parent" })),
    ).toBe("conflict");
    await addRelationship(w.deps, w.alice, { fromContactId: leo.id, toContactId: ana.id, kind: "friend" });
    expect(
      await codeOf(addRelationship(w.deps, w.alice, { fromContactId: ana.id, toContactId: ana.id, kind: "knows" })),
    ).toBe("validation");
    // Another account's contact reads as missing, and its member cannot see or change Alice's edges.
    expect(
      await codeOf(addRelationship(w.deps, w.alice, { fromContactId: ana.id, toContactId: bobs.id, kind: "knows" })),
    ).toBe("not_found");
    expect(await codeOf(contactRelationships(w.deps, w.bob, ana.id))).toBe("not_found");
    expect(await codeOf(updateRelationship(w.deps, w.bob, edge.id, { strength: 5 }))).toBe("not_found");
    expect(await codeOf(deleteRelationship(w.deps, w.bob, edge.id))).toBe("not_found");
    expect(
      await codeOf(addRelationship(w.deps, viewer(), { fromContactId: ana.id, toContactId: leo.id, kind: "knows" })),
    ).toBe("forbidden");

    expect(await updateRelationship(w.deps, w.alice, edge.id, { strength: 5, sinceOn: null })).toMatchObject({
      strength: 5,
      sinceOn: null,
    });
    await deleteRelationship(w.deps, w.alice, edge.id);
    expect((await contactRelationships(w.deps, w.alice, ana.id)).map((r) => r.kind)).toEqual(["friend"]);
    // A contact deleted takes its edges with it.
    await deleteContact(w.deps, w.alice, leo.id);
    expect(await contactRelationships(w.deps, w.alice, ana.id)).toEqual([]);
  });

  it("who do you know at Acme Robotics: first degree there, second through whom, paths ranked, an ask drafted", async () => {
    const acme = await createCompany(w.deps, w.alice, { name: "Acme Robotics" });
    const ana = await person(w.deps, w.alice, "Ana"); // known, recent
    const old = await person(w.deps, w.alice, "Olga"); // known, long ago
    const leo = await person(w.deps, w.alice, "Leo", { companyId: acme.id, title: "CTO" }); // never touched
    const kim = await person(w.deps, w.alice, "Kim", { companyId: acme.id }); // known, works there
    const max = await person(w.deps, w.alice, "Max"); // never touched, between Olga and Zoe
    const zoe = await person(w.deps, w.alice, "Zoe", { companyId: acme.id }); // third degree (Olga, Max, Zoe)
    await touch(w.deps, w.alice, ana.id, "2026-10-30T10:00:00.000Z");
    await touch(w.deps, w.alice, old.id, "2023-01-01T10:00:00.000Z");
    await touch(w.deps, w.alice, kim.id, "2026-10-01T10:00:00.000Z");
    const link = (a: string, b: string, kind: "colleague" | "friend" | "knows", strength = 3) =>
      addRelationship(w.deps, w.alice, { fromContactId: a, toContactId: b, kind, strength });
    await link(ana.id, leo.id, "friend", 5);
    await link(old.id, leo.id, "colleague", 5);
    await link(old.id, max.id, "knows");
    await link(max.id, zoe.id, "knows");
    // Bob's account has an edge from his own contact; it never shows in Alice's paths.
    const bobsAna = await person(w.deps, w.bob, "Ana");
    await touch(w.deps, w.bob, bobsAna.id, "2026-10-30T10:00:00.000Z");

    const who = await whoDoYouKnowAt(w.deps, viewer(), acme.id);
    expect(
      who.degrees.map((g) => [g.degree, g.people.map((p) => [p.displayName, p.through.map((t) => t.displayName)])]),
    ).toEqual([
      [1, [["Kim", []]]],
      [2, [["Leo", ["Ana"]]]],
      [3, [["Zoe", ["Olga", "Max"]]]],
    ]);
    expect(who.degrees[1]?.people[0]?.title).toBe("CTO");
    expect(who.ask?.displayName).toBe("Ana");
    expect(who.ask?.draft.body).toContain("do you know anyone at Acme Robotics");
    expect(who.truncated).toBe(false);

    const toLeo = await findNetworkPaths(w.deps, viewer(), { to: `contact:${leo.id}` });
    // Both lead to Leo through a strong tie; Ana's recent touch ranks her first.
    expect(toLeo.paths.map((p) => p.hops.map((h) => `${h.displayName}${h.via ? `(${h.via})` : ""}`))).toEqual([
      ["Ana", "Leo(friend)"],
      ["Olga", "Leo(colleague)"],
    ]);
    expect(toLeo.target).toEqual({ kind: "contact", id: leo.id, name: "Leo" });
    const toAcme = await findNetworkPaths(w.deps, viewer(), { to: `company:${acme.id}` });
    expect(toAcme.paths.map((p) => p.hops.map((h) => h.displayName).join(" > "))).toEqual([
      "Kim",
      "Ana > Leo",
      "Olga > Leo",
      "Olga > Max > Zoe",
    ]);
    expect(await codeOf(findNetworkPaths(w.deps, w.bob, { to: `company:${acme.id}` }))).toBe("not_found");
    expect(await codeOf(findNetworkPaths(w.deps, w.alice, { to: "person:1" }))).toBe("validation");
    expect(await codeOf(whoDoYouKnowAt(w.deps, w.bob, acme.id))).toBe("not_found");

    const around = await networkNeighbourhood(w.deps, viewer(), { around: `company:${acme.id}`, depth: "1" });
    expect(around.nodes.map((n) => [n.label, n.kind, n.firstDegree, n.centre]).sort()).toEqual(
      [
        ["Acme Robotics", "company", false, true],
        ["Ana", "contact", true, false],
        ["Kim", "contact", true, false],
        ["Leo", "contact", false, false],
        ["Max", "contact", false, false],
        ["Olga", "contact", true, false],
        ["Zoe", "contact", false, false],
      ].sort(),
    );
    expect(around.edges.filter((e) => e.kind === "works-at")).toHaveLength(3);
    expect(around.edges.filter((e) => e.kind !== "works-at")).toHaveLength(3);
    expect(await codeOf(networkNeighbourhood(w.deps, w.bob, { around: `contact:${ana.id}` }))).toBe("not_found");
  });

  it("who do you know where the best person to ask works there: asked about the team and a referral", async () => {
    const globex = await createCompany(w.deps, w.alice, { name: "Globex Ñandú" });
    const kim = await person(w.deps, w.alice, "Kim", { lastName: "Đặng", companyId: globex.id });
    await touch(w.deps, w.alice, kim.id, "2026-10-01T10:00:00.000Z");
    const who = await whoDoYouKnowAt(w.deps, viewer(), globex.id);
    expect(who.degrees.map((g) => [g.degree, g.people.map((p) => p.displayName)])).toEqual([[1, ["Kim Đặng"]]]);
    expect(who.ask?.displayName).toBe("Kim Đặng");
    expect(who.ask?.draft.templateId).toBe("default:insider-ask");
    expect(who.ask?.draft.body).toContain("I've been looking at Globex Ñandú, and since you work there");
    expect(who.ask?.draft.body).not.toContain("do you know anyone at");
  });

  it("a merge moves the merged contact's relationships and asks to the kept one, and undo moves them back", async () => {
    const ana = await person(w.deps, w.alice, "Ana");
    const leo = await person(w.deps, w.alice, "Leo");
    const leo2 = await person(w.deps, w.alice, "Leo", { lastName: "P" });
    const kim = await person(w.deps, w.alice, "Kim");
    await addRelationship(w.deps, w.alice, { fromContactId: ana.id, toContactId: leo2.id, kind: "parent" });
    await addRelationship(w.deps, w.alice, { fromContactId: kim.id, toContactId: leo2.id, kind: "friend" });
    // Kim and Leo are friends already: that edge of Leo P's would double it, and goes with him.
    await addRelationship(w.deps, w.alice, { fromContactId: kim.id, toContactId: leo.id, kind: "friend" });
    await addRelationship(w.deps, w.alice, { fromContactId: leo.id, toContactId: leo2.id, kind: "sibling" });
    const ask = await addAsk(w.deps, w.alice, { contactId: leo2.id, about: { kind: "other", text: "a plumber" } });
    const sentences = async (id: string) =>
      (await contactRelationships(w.deps, w.alice, id)).map((r) => r.sentence).sort();

    const merged = await mergeContacts(w.deps, w.alice, { keepId: leo.id, mergeId: leo2.id });
    expect(await sentences(leo.id)).toEqual(["Ana is Leo's parent", "Kim and Leo are friends"]);
    expect((await getAsk(w.deps, w.alice, ask.id)).contactId).toBe(leo.id);

    await undoMerge(w.deps, w.alice, merged.mergeId);
    expect(await sentences(leo2.id)).toEqual(["Ana is Leo P's parent"]);
    expect(await sentences(leo.id)).toEqual(["Kim and Leo are friends"]);
    expect((await getAsk(w.deps, w.alice, ask.id)).contactId).toBe(leo2.id);
  });
});
