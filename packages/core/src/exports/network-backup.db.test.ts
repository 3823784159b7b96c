import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addAsk, addAskName, listAsks, moveAsk } from "../asks/ask-service.ts";
import { createCompany } from "../companies/company-service.ts";
import { createContact, listContacts } from "../contacts/contact-service.ts";
import { addRelationship, contactRelationships } from "../network/relationship-service.ts";
import { getToday } from "../today/today-service.ts";
import { exportBackup } from "./backup-service.ts";
import { restoreBackup } from "./restore-service.ts";
import { checkBackup, textChunks } from "./restore-validate.ts";

describe.each(DIALECTS)("relationships and asks in a backup on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("round-trip: edges, asks with their names and follow-ups come back the same, and Today says the same", async () => {
    const acme = await createCompany(w.deps, w.alice, { name: "Acme Robotics" });
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const leo = await createContact(w.deps, w.alice, { firstName: "Leo", companyId: acme.id });
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa" });
    await addRelationship(w.deps, w.alice, {
      ...{ fromContactId: rosa.id, toContactId: leo.id, kind: "grandparent" },
      ...{ how: "family", strength: 5, sinceOn: "2001-02-03" },
    });
    await addRelationship(w.deps, w.alice, { fromContactId: ana.id, toContactId: leo.id, kind: "colleague" });
    const ask = await addAsk(w.deps, w.alice, {
      ...{ contactId: ana.id, about: { kind: "company", companyId: acme.id }, note: "for the robotics job" },
    });
    await addAskName(w.deps, w.alice, ask.id, { firstName: "Kim", companyId: acme.id });
    await moveAsk(w.deps, w.alice, ask.id, { status: "introduced" });
    await addAsk(w.deps, w.alice, { contactId: rosa.id, about: { kind: "role", text: "a plumber" } });

    const first = JSON.stringify(await exportBackup(w.deps, w.alice), null, 2);
    const backup = JSON.parse(first);
    expect(backup.relationships).toHaveLength(3);
    expect(backup.asks.map((a: { status: string; names: unknown[] }) => [a.status, a.names.length]).sort()).toEqual([
      ["asked", 0],
      ["introduced", 1],
    ]);
    expect(backup.followUps.map((f: { askStep: string; askRef: string }) => f.askStep).sort()).toEqual([
      "nudge",
      "nudge",
      "thank",
    ]);

    await restoreBackup(w.deps, w.bob, backup);
    expect(JSON.stringify(await exportBackup(w.deps, w.bob), null, 2)).toBe(first);
    const bobsLeo = (await listContacts(w.deps, w.bob, { q: "Leo" }, {})).items[0];
    const read = async (actor: typeof w.alice, id: string) =>
      (await contactRelationships(w.deps, actor, id)).map((r) => r.sentence).sort();
    expect(await read(w.bob, bobsLeo?.id ?? "")).toEqual(await read(w.alice, leo.id));
    const summary = async (actor: typeof w.alice) =>
      (await listAsks(w.deps, actor, {})).map((a) => [a.contactName, a.status, a.about.companyName, a.names.length]);
    expect(await summary(w.bob)).toEqual(await summary(w.alice));
    const thanks = async (actor: typeof w.alice) =>
      (await getToday(w.deps, actor)).items.map((i) => [i.displayName, i.templateSlot, i.sentence]);
    expect(await thanks(w.bob)).toEqual(await thanks(w.alice));
    expect((await thanks(w.bob)).map((t) => t[1])).toContain("introducer-thanks");
  });

  it("refuses a backup whose edge or ask names a contact it does not hold, naming the path", async () => {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const leo = await createContact(w.deps, w.alice, { firstName: "Leo" });
    await addRelationship(w.deps, w.alice, { fromContactId: ana.id, toContactId: leo.id, kind: "friend" });
    await addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "other", text: "x" } });
    // Edited as plain JSON, as a hand-edited file would be.
    const backup = JSON.parse(JSON.stringify(await exportBackup(w.deps, w.alice)));
    const check = (b: unknown) => checkBackup(() => textChunks(JSON.stringify(b)));
    const broken = structuredClone(backup);
    broken.relationships[0].toContactRef = "contact-99";
    await expect(check(broken)).rejects.toMatchObject({ issues: [{ path: "relationships.0.toContactRef" }] });
    const loop = structuredClone(backup);
    loop.relationships[0].toContactRef = loop.relationships[0].fromContactRef;
    await expect(check(loop)).rejects.toMatchObject({ issues: [{ path: "relationships.0.toContactRef" }] });
    const badAsk = structuredClone(backup);
    badAsk.asks[0].contactRef = "contact-42";
    await expect(check(badAsk)).rejects.toMatchObject({ issues: [{ path: "asks.0.contactRef" }] });
    // A backup from before the network (no such lists) is still read.
    const { relationships: _r, asks: _a, ...old } = structuredClone(backup);
    old.followUps = old.followUps.map(({ askRef: _x, askStep: _y, ...f }: Record<string, unknown>) => f);
    await expect(check(old)).resolves.toMatchObject({ version: 2 });
  });
});
