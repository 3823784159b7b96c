import {
  addContactNote,
  addFollowUp,
  completeFollowUp,
  createCompany,
  createContact,
  deleteInteraction,
  doneToday,
  getToday,
  logInteraction,
  mergeContacts,
  moveOn,
  rebuildDueState,
  snoozeToday,
  undoMoveOn,
  undoToday,
  updateCompany,
  updateContact,
  updateInteraction,
  updateSettings,
} from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, type TestWorld, useTestWorld } from "./testing/index.ts";

const WRITERS = 8;
const LOGS_EACH = 25;
const DIRECTIONS = ["outbound", "inbound", "mutual"] as const;

/** A past instant that differs from writer to writer and step to step, so logs arrive out of time order. */
const pastAt = (writer: number, step: number) =>
  new Date(Date.parse("2026-11-01T12:00:00.000Z") - ((writer * 37 + step * 11) % 90) * 86_400_000).toISOString();

/** The stored derived columns of every contact of the account, by id. */
async function derivedState(w: Pick<TestWorld, "db" | "alice">) {
  const rows = await w.db.db
    .selectFrom("contact")
    .select(["id", "touch_count", "last_touch_at", "last_reply_at", "unanswered_attempt_ats"])
    .select(["next_due_on", "recompute_on", "due_item", "due_priority"])
    .where("account_id", "=", w.alice.accountId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, touch_count: Number(r.touch_count), due_priority: r.due_priority ?? null }));
}

/**
 * Many writers at once through the real services, each transaction on its own connection on PostgreSQL (READ
 * COMMITTED): the derived state every write reads and rewrites must come out as a rebuild from history says, and
 * no lock conflict (deadlock, serialization failure, SQLITE_BUSY) may reach a caller.
 */
describe.each(DIALECTS)("concurrent writers on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("leave each contact's derived state equal to a rebuild", { timeout: 120_000 }, async () => {
    const { deps, alice } = w;
    const acme = await createCompany(deps, alice, { name: "Acme" });
    const ann = await createContact(deps, alice, { firstName: "Ann", circle: "inner", companyId: acme.id });
    const bob = await createContact(deps, alice, { firstName: "Bob", circle: "inner", companyId: acme.id });
    const cy = await createContact(deps, alice, { firstName: "Cy", circle: "close" });
    const dee = await createContact(deps, alice, { firstName: "Dee", circle: "inner" });
    for (let step = 0; step < 5; step++) {
      await logInteraction(deps, alice, {
        contactIds: [dee.id],
        kind: "email",
        direction: "outbound",
        occurredAt: pastAt(9, step),
      });
    }
    const tasks = [];
    for (let n = 0; n < 3; n++) {
      tasks.push(await addFollowUp(deps, alice, { contactId: ann.id, dueOn: "2026-10-20", title: `Task ${n}` }));
    }
    // The habit's past weeks stored on the account, so back-dated logs clear them (the account row's lock).
    await getToday(deps, alice);

    const writer = async (k: number) => {
      let previous: string | null = null;
      for (let step = 0; step < LOGS_EACH; step++) {
        const contactIds = step % 4 === 1 ? [bob.id, ann.id] : step % 6 === 2 ? [ann.id, cy.id, bob.id] : [ann.id];
        const direction = DIRECTIONS[(k + step) % 3];
        const logged = await logInteraction(deps, alice, {
          contactIds,
          kind: "email",
          direction,
          occurredAt: pastAt(k, step),
        });
        if (previous && step % 7 === 3) {
          await updateInteraction(deps, alice, previous, {
            contactIds: [cy.id, ann.id],
            occurredAt: pastAt(k + 1, step),
          });
        } else if (previous && step % 9 === 5) {
          await deleteInteraction(deps, alice, previous);
        }
        previous = logged.id;
      }
    };
    const others = [
      ...tasks.map((t) => completeFollowUp(deps, alice, t.id, { log: { kind: "call" } })),
      mergeContacts(deps, alice, { keepId: bob.id, mergeId: dee.id }),
      updateContact(deps, alice, ann.id, { tags: ["climbing"] }),
      addContactNote(deps, alice, ann.id, { text: "Moved to Lyon", source: "test" }),
      (async () => undoToday(deps, alice, (await doneToday(deps, alice, cy.id, {})).undo))(),
      snoozeToday(deps, alice, bob.id, { days: 3 }),
      (async () => undoMoveOn(deps, alice, (await moveOn(deps, alice, cy.id)).id))(),
      getToday(deps, alice),
      updateSettings(deps, alice, { dailyCap: 7 }).then(() => getToday(deps, alice)),
      updateCompany(deps, alice, acme.id, { name: "Acme Works" }),
    ];
    const settled = await Promise.allSettled([...Array.from({ length: WRITERS }, (_, k) => writer(k)), ...others]);
    expect(settled.flatMap((s) => (s.status === "rejected" ? [String(s.reason)] : []))).toEqual([]);

    const stored = await derivedState(w);
    await rebuildDueState(deps, alice);
    expect(stored).toEqual(await derivedState(w));
  });
});
