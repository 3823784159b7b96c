import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  addFollowUp,
  commitImport,
  createContact,
  getContact,
  listContacts,
  listDuplicates,
  listFollowUps,
  listInteractions,
  logInteraction,
  mergeContacts,
  previewImport,
  rebuildDueState,
  undoMerge,
  updateContact,
} from "../index.ts";

describe.each(DIALECTS)("merge and undo on %s", (dialect) => {
  const w = useTestWorld(dialect);

  async function twoRosas() {
    const a = await createContact(w.deps, w.alice, {
      ...{ firstName: "Rosa", lastName: "Calder", emails: [{ address: "rosa@example.com" }], tags: ["coach"] },
      notes: "From the meetup",
    });
    const b = await createContact(w.deps, w.alice, {
      ...{
        firstName: "Rosa",
        lastName: "C.",
        emails: [{ address: "ROSA@example.com" }, { address: "rosa@home.example" }],
      },
      ...{ phones: [{ number: "+15125550101" }], tags: ["Coach", "austin"], birthday: { month: 4, day: 15 } },
      notes: "From the phone",
    });
    const shared = await logInteraction(w.deps, w.alice, {
      ...{ contactIds: [a.id, b.id], kind: "meeting", direction: "mutual" },
      occurredAt: "2026-10-01T10:00:00Z",
    });
    const own = await logInteraction(w.deps, w.alice, {
      ...{ contactIds: [b.id], kind: "call", direction: "outbound" },
      occurredAt: "2026-10-20T10:00:00Z",
    });
    const followUp = await addFollowUp(w.deps, w.alice, { contactId: b.id, dueOn: "2026-11-20", title: "Thank her" });
    return {
      a: await getContact(w.deps, w.alice, a.id),
      b: await getContact(w.deps, w.alice, b.id),
      shared,
      own,
      followUp,
    };
  }

  it("lists possible duplicates by email, phone and name-and-company", async () => {
    const { a, b } = await twoRosas();
    await createContact(w.deps, w.alice, { firstName: "Other", phones: [{ number: "+1 512 555 0101" }] });
    const found = await listDuplicates(w.deps, w.alice);
    expect(found).toMatchObject([
      { contactId: b.id, duplicateOfId: a.id, by: "email" },
      { displayName: "Other", duplicateOfId: b.id, by: "phone" },
    ]);
    expect(await listDuplicates(w.deps, w.bob)).toEqual([]);
  });

  it("merge keeps every email, phone, tag, note and interaction; undo puts both back exactly", async () => {
    const { a, b, shared, own, followUp } = await twoRosas();
    const { mergeId, contact } = await mergeContacts(w.deps, w.alice, { keepId: a.id, mergeId: b.id });
    expect(contact).toMatchObject({
      emails: [{ address: "rosa@example.com" }, { address: "rosa@home.example" }],
      phones: [{ number: "+15125550101" }],
      tags: ["coach", "austin"],
      notes: "From the meetup\n\nFrom the phone",
      birthday: { month: 4, day: 15 },
      touchCount: 2,
      lastTouchAt: "2026-10-20T10:00:00.000Z",
    });
    await expect(getContact(w.deps, w.alice, b.id)).rejects.toMatchObject({ code: "not_found" });
    const timeline = await listInteractions(w.deps, w.alice, { contactId: a.id }, {});
    expect(timeline.items.map((i) => i.id).sort()).toEqual([shared.id, own.id].sort());
    expect((await listFollowUps(w.deps, w.alice, { contactId: a.id }, {})).items.map((f) => f.id)).toEqual([
      followUp.id,
    ]);

    const [keptBack, mergedBack] = await undoMerge(w.deps, w.alice, mergeId);
    expect(keptBack).toEqual(a);
    expect(mergedBack).toEqual(b);
    expect((await listInteractions(w.deps, w.alice, { contactId: b.id }, {})).items).toHaveLength(2);
    expect((await listFollowUps(w.deps, w.alice, { contactId: b.id }, {})).items.map((f) => f.id)).toEqual([
      followUp.id,
    ]);
    await rebuildDueState(w.deps, w.alice);
    expect(await getContact(w.deps, w.alice, a.id)).toEqual(a);
    await expect(undoMerge(w.deps, w.alice, mergeId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an undo that would lose later edits, another account's merge, and merging a contact into itself", async () => {
    const { a, b } = await twoRosas();
    const { mergeId } = await mergeContacts(w.deps, w.alice, { keepId: a.id, mergeId: b.id });
    await expect(undoMerge(w.deps, w.bob, mergeId)).rejects.toMatchObject({ code: "not_found" });
    await expect(mergeContacts(w.deps, w.bob, { keepId: a.id, mergeId: b.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(mergeContacts(w.deps, w.alice, { keepId: a.id, mergeId: a.id })).rejects.toMatchObject({
      code: "validation",
    });
    w.clock.advanceDays(1);
    await updateContact(w.deps, w.alice, a.id, { title: "CTO" });
    await expect(undoMerge(w.deps, w.alice, mergeId)).rejects.toMatchObject({
      code: "conflict",
      message: /changed after the merge/,
    });
  });

  it("suggests the same name at the same company, and merging it leaves one contact", async () => {
    await commitImport(w.deps, w.alice, { content: "Name,Company\nAda Lovelace,Engines\n" });
    const [imported] = (await listContacts(w.deps, w.alice, {}, {})).items;
    const twin = await createContact(w.deps, w.alice, {
      ...{
        firstName: "Ada",
        lastName: "Lovelace",
        companyId: imported?.companyId,
        emails: [{ address: "ada@example.com" }],
      },
    });
    const [dup] = await listDuplicates(w.deps, w.alice);
    expect(dup).toMatchObject({ contactId: twin.id, duplicateOfId: imported?.id, by: "name-and-company" });
    await mergeContacts(w.deps, w.alice, { keepId: dup?.duplicateOfId, mergeId: dup?.contactId });
    expect(await listDuplicates(w.deps, w.alice)).toEqual([]);
    const again = await commitImport(w.deps, w.alice, { content: "Name,Email\nAda Lovelace,ada@example.com\n" });
    expect(again.rows[0]).toMatchObject({ outcome: "skipped", contactId: imported?.id });
  });

  it("suggests a similar name at the same company in the preview and the duplicates list, and merges nobody", async () => {
    await commitImport(w.deps, w.alice, { content: "Name,Company\nJonathan Smith,ACME\n" });
    const content = "Name,Company\nJon Smith,Acme Inc\nJane Doe,Acme Inc\n";
    const preview = await previewImport(w.deps, w.alice, { content });
    expect(preview.counts).toEqual({ create: 2, merge: 0, skip: 0, error: 0 });
    expect(preview.duplicates).toMatchObject([
      { line: 2, action: "create", match: { displayName: "Jonathan Smith", by: "similar-name" } },
    ]);
    const job = await commitImport(w.deps, w.alice, { content });
    expect(job).toMatchObject({ created: 2, merged: 0 });
    expect(job.rows[0]?.reason).toBe(
      "new contact; Jonathan Smith has a similar name at the same company: listed as a possible duplicate",
    );
    const jon = (await listContacts(w.deps, w.alice, {}, {})).items.find((c) => c.displayName === "Jon Smith");
    expect(await listDuplicates(w.deps, w.alice)).toMatchObject([
      { contactId: jon?.id, displayName: "Jon Smith", duplicateOfName: "Jonathan Smith", by: "similar-name" },
    ]);
  });
});
