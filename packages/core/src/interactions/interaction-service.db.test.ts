import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  createContact,
  deleteInteraction,
  getContact,
  listInteractions,
  logInteraction,
  updateInteraction,
} from "../index.ts";

describe.each(DIALECTS)("interactions on %s", (dialect) => {
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
});
