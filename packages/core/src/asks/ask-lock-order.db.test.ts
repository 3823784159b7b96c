import { useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createContact } from "../contacts/contact-service.ts";
import { logInteraction } from "../interactions/interaction-service.ts";
import type { Deps, Repositories, Store } from "../ports/index.ts";
import { addAsk, addAskName, getAsk, moveAsk } from "./ask-service.ts";

/**
 * Two writers that each hold the contacts they lock first until the other has locked its own (or 300 ms passed):
 * writers that lock the people a write touches one after the other, in different orders, then wait for each other
 * crosswise, and PostgreSQL kills one ("deadlock detected"). Locked in one statement, by id, one of them waits for
 * the other at its first lock and both go through.
 */
function storeWithRendezvous(store: Store, parties: number): Store {
  let arrived = 0;
  let release: () => void = () => {};
  const allThere = new Promise<void>((resolve) => {
    release = resolve;
  });
  const rendezvous = async () => {
    arrived += 1;
    if (arrived >= parties) release();
    await Promise.race([allThere, new Promise((resolve) => setTimeout(resolve, 300))]);
  };
  const wrap = (tx: Repositories): Repositories => {
    let first = true;
    const contacts = Object.create(tx.contacts) as Repositories["contacts"];
    contacts.lockExisting = async (accountId, ids) => {
      const held = await tx.contacts.lockExisting(accountId, ids);
      if (first) {
        first = false;
        await rendezvous();
      }
      return held;
    };
    return { ...tx, contacts };
  };
  return { ...store, transaction: (fn) => store.transaction((tx) => fn(wrap(tx))) };
}

describe("lock order on postgres", () => {
  const w = useTestWorld("postgres");

  it("meeting a name (the name, then the person asked) and logging the meeting from the ask (the other way) both go through", async () => {
    // Ids are given in order: the person asked sorts before the name, so the old order (the touch's contacts, then
    // the person asked) was the reverse of the ask's (the person asked, then the names).
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana", lastName: "Ibáñez" });
    const ask = await addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "other", text: "robotics" } });
    const { contact: leo } = await addAskName(w.deps, w.alice, ask.id, { firstName: "Léo", lastName: "Park 🦊" });
    expect(ana.id < leo.id).toBe(true);

    const deps: Deps = { ...w.deps, store: storeWithRendezvous(w.deps.store, 2) };
    const results = await Promise.allSettled([
      logInteraction(deps, w.alice, { contactIds: [leo.id], kind: "meeting", direction: "mutual" }),
      moveAsk(deps, w.alice, ask.id, { status: "met", log: { kind: "meeting", summary: "Coffee" } }),
    ]);
    const errors = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    expect(errors).toEqual([]);
    const met = await getAsk(w.deps, w.alice, ask.id);
    expect(met.status).toBe("met");
    // Met twice, thanked and told once.
    expect(met.followUps.map((f) => f.step).sort()).toEqual(["how-it-went", "nudge", "thank"]);
  });
});
