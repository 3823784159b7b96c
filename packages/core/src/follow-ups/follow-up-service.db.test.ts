import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addFollowUp, completeFollowUp, createContact, getContact, snoozeFollowUp } from "../index.ts";
import { codeOf } from "../testing/fakes.ts";

describe.each(DIALECTS)("follow-ups on %s", (dialect) => {
  const w = useTestWorld(dialect);

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
});
