import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  addFollowUp,
  createCompany,
  createContact,
  deleteInteraction,
  getContact,
  listContacts,
  listInteractions,
  logInteraction,
  updateCompany,
  updateContact,
} from "../index.ts";
import { codeOf } from "../testing/fakes.ts";

describe.each(DIALECTS)("account scope and roles on %s", (dialect) => {
  const w = useTestWorld(dialect);

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
});
