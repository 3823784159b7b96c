import {
  addFollowUp,
  completeFollowUp,
  createCompany,
  createContact,
  DomainError,
  deleteContact,
  deleteInteraction,
  getContact,
  listContacts,
  listInteractions,
  logInteraction,
  setContactArchived,
  snoozeFollowUp,
  updateCompany,
  updateContact,
  updateInteraction,
} from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "./testing/index.ts";

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "ok";
};

describe.each(DIALECTS)("services on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("derives last touch and touch count from interactions, through log, edit and delete", async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", lastName: "Diaz" });
    expect(rosa.lastTouchAt).toBeNull();

    const call = await logInteraction(w.deps, w.alice, {
      contactIds: [rosa.id],
      kind: "call",
      direction: "outbound",
      occurredAt: "2026-10-30T15:00:00-04:00",
    });
    let now = await getContact(w.deps, w.alice, rosa.id);
    expect(now.lastTouchAt).toBe("2026-10-30T19:00:00.000Z");
    expect(now.touchCount).toBe(1);

    // A social "like" is not meaningful by default: it does not move the last touch.
    await logInteraction(w.deps, w.alice, {
      contactIds: [rosa.id],
      kind: "social",
      direction: "inbound",
      occurredAt: "2026-11-01T10:00:00Z",
    });
    now = await getContact(w.deps, w.alice, rosa.id);
    expect(now).toMatchObject({ lastTouchAt: "2026-10-30T19:00:00.000Z", touchCount: 1 });

    await updateInteraction(w.deps, w.alice, call.id, { occurredAt: "2026-11-01T12:00:00Z" });
    expect((await getContact(w.deps, w.alice, rosa.id)).lastTouchAt).toBe("2026-11-01T12:00:00.000Z");

    await deleteInteraction(w.deps, w.alice, call.id);
    expect(await getContact(w.deps, w.alice, rosa.id)).toMatchObject({ lastTouchAt: null, touchCount: 0 });
  });

  it("moves an interaction between contacts and refreshes both", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Ann" });
    const b = await createContact(w.deps, w.alice, { firstName: "Ben" });
    const i = await logInteraction(w.deps, w.alice, { contactIds: [a.id], kind: "meeting", direction: "mutual" });
    await updateInteraction(w.deps, w.alice, i.id, { contactIds: [b.id] });
    expect((await getContact(w.deps, w.alice, a.id)).touchCount).toBe(0);
    expect((await getContact(w.deps, w.alice, b.id)).touchCount).toBe(1);
  });

  it("a failed log leaves nothing half-written", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Ann" });
    const bobs = await createContact(w.deps, w.bob, { firstName: "Zed" });
    await expect(
      logInteraction(w.deps, w.alice, { contactIds: [a.id, bobs.id], kind: "call", direction: "outbound" }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ path: "contactIds.1" }] });
    const page = await listInteractions(w.deps, w.alice, {}, {});
    expect(page.items).toHaveLength(0);
    expect((await getContact(w.deps, w.alice, a.id)).touchCount).toBe(0);
  });

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

  it("completes a follow-up and logs the touch in the same act; snoozes to a later date", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Ann" });
    const f = await addFollowUp(w.deps, w.alice, { contactId: a.id, dueOn: "2026-11-01", title: "Ask about the move" });
    const snoozed = await snoozeFollowUp(w.deps, w.alice, f.id, { days: 7 });
    // The clock says 2026-11-02 09:00Z = 04:00 in New York, still Nov 2 there.
    expect(snoozed).toMatchObject({ status: "snoozed", snoozedUntilOn: "2026-11-09" });
    const done = await completeFollowUp(w.deps, w.alice, f.id, { log: { kind: "call" } });
    expect(done.status).toBe("done");
    expect(done.interactionId).not.toBeNull();
    expect(await getContact(w.deps, w.alice, a.id)).toMatchObject({
      touchCount: 1,
      lastTouchAt: "2026-11-02T09:00:00.000Z",
    });
    expect(await codeOf(completeFollowUp(w.deps, w.alice, f.id, {}))).toBe("conflict");
  });

  it("keeps accounts apart: another account's ids are not found and never listed", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Secret", tags: ["t"] });
    const i = await logInteraction(w.deps, w.alice, { contactIds: [a.id], kind: "email", direction: "outbound" });
    const c = await createCompany(w.deps, w.alice, { name: "Hidden Co" });
    expect(await codeOf(getContact(w.deps, w.bob, a.id))).toBe("not_found");
    expect(await codeOf(updateContact(w.deps, w.bob, a.id, { firstName: "Pwned" }))).toBe("not_found");
    expect(await codeOf(deleteInteraction(w.deps, w.bob, i.id))).toBe("not_found");
    expect(await codeOf(updateCompany(w.deps, w.bob, c.id, { name: "x" }))).toBe("not_found");
    expect(await codeOf(createContact(w.deps, w.bob, { firstName: "X", companyId: c.id }))).toBe("validation");
    expect(await codeOf(addFollowUp(w.deps, w.bob, { contactId: a.id, dueOn: "2026-12-01", title: "x" }))).toBe(
      "not_found",
    );
    expect((await listContacts(w.deps, w.bob, { q: "secret" }, {})).items).toEqual([]);
    expect((await listContacts(w.deps, w.bob, { tag: "t" }, {})).items).toEqual([]);
    expect((await listInteractions(w.deps, w.bob, {}, {})).items).toEqual([]);
    expect((await getContact(w.deps, w.alice, a.id)).firstName).toBe("Secret");
  });

  it("enforces roles in the service: a viewer reads but cannot write", async () => {
    const a = await createContact(w.deps, w.alice, { firstName: "Ann" });
    const viewer = { ...w.alice, userId: "user-bob", role: "viewer" as const };
    expect((await getContact(w.deps, viewer, a.id)).firstName).toBe("Ann");
    expect(await codeOf(createContact(w.deps, viewer, { firstName: "No" }))).toBe("forbidden");
    expect(
      await codeOf(logInteraction(w.deps, viewer, { contactIds: [a.id], kind: "call", direction: "outbound" })),
    ).toBe("forbidden");
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
