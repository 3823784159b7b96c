import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  addFollowUp,
  applyDigestAction,
  createContact,
  type Deps,
  doneToday,
  getContact,
  getToday,
  type Interaction,
  listInteractions,
  logInteraction,
  undoToday,
} from "../index.ts";

/** 09:00 in New York on a November day (EST). */
const morningOf = (day: number) => `2026-11-${String(day).padStart(2, "0")}T14:00:00.000Z`;

async function interactionsOf(deps: Deps, actor: Actor, contactId: string): Promise<Interaction[]> {
  return (await listInteractions(deps, actor, { contactId }, {})).items;
}

const dueNames = async (deps: Deps, actor: Actor) => {
  const view = await getToday(deps, actor);
  return [...view.items, ...view.later].map((i) => `${i.displayName}: ${i.reasonKind}`);
};

describe.each(DIALECTS)("done on the today list, on %s", (dialect) => {
  const w = useTestWorld(dialect, {
    startAt: morningOf(23),
    aliceAccount: { timeZone: "America/New_York", country: "US" },
  });

  /** An inner-circle contact touched on Nov 20: on Nov 23 only Thanksgiving (Nov 26, 3 days' lead) is due. */
  async function dana() {
    const c = await createContact(w.deps, w.alice, { firstName: "Dana", circle: "inner" });
    await logInteraction(w.deps, w.alice, {
      contactIds: [c.id],
      kind: "call",
      direction: "mutual",
      occurredAt: "2026-11-20T17:00:00Z",
    });
    return c;
  }

  it("done on a holiday prompt twice logs one touch, and the prompt does not come back for that holiday", async () => {
    const { deps, alice } = w;
    const c = await dana();
    const [item] = (await getToday(deps, alice)).items;
    expect(item).toMatchObject({ displayName: "Dana", reasonKind: "occasion" });
    expect(item?.sentence).toMatch(/Thanksgiving/);
    const first = await doneToday(deps, alice, c.id, {});
    const second = await doneToday(deps, alice, c.id, {});
    expect([first.applied, second.applied]).toEqual([true, false]);
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(2); // the call of Nov 20 and one greeting
    for (const day of [23, 24, 25, 26]) {
      w.clock.set(morningOf(day));
      expect(await dueNames(deps, alice), `Nov ${day}`).toEqual([]);
    }
    // The greeting was a touch that waits for nothing: no nudge follows it.
    w.clock.set(morningOf(29));
    expect((await getContact(deps, alice, c.id)).touchCount).toBe(2);
    expect(await dueNames(deps, alice)).toEqual([]);
  });

  it("two presses at once log one touch", async () => {
    const { deps, alice } = w;
    const c = await dana();
    const results = await Promise.all([doneToday(deps, alice, c.id, {}), doneToday(deps, alice, c.id, {})]);
    expect(results.filter((r) => r.applied)).toHaveLength(1);
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(2);
  });

  it("the digest's done link, used twice (two links for the same item), logs one touch", async () => {
    const { deps, alice } = w;
    const c = await dana();
    const claim = (nonce: string) => ({
      purpose: "done" as const,
      accountId: alice.accountId,
      userId: alice.userId,
      contactId: c.id,
      nonce,
      expiresAt: "2026-12-31T00:00:00.000Z",
    });
    expect(await applyDigestAction(deps, claim("n-1"))).toMatchObject({ applied: true });
    const again = await applyDigestAction(deps, claim("n-2")); // the same item in a second mail, or a test digest
    expect(again.message).toMatch(/done already/);
    expect(await applyDigestAction(deps, claim("n-1"))).toMatchObject({ applied: false }); // the same link again
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(2);
    expect(await dueNames(deps, alice)).toEqual([]);
  });

  it("undo takes the touch back and lets the item be done again", async () => {
    const { deps, alice } = w;
    const c = await dana();
    const done = await doneToday(deps, alice, c.id, {});
    await undoToday(deps, alice, done.undo);
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(1);
    expect(await dueNames(deps, alice)).toEqual(["Dana: occasion"]);
    expect((await doneToday(deps, alice, c.id, {})).applied).toBe(true);
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(2);
  });

  it("done on a follow-up records what happened: a call is mutual, a message opens an outreach only if it waits", async () => {
    const { deps, alice } = w;
    const people = await Promise.all(
      ["Call", "Note", "Ask"].map((firstName) => createContact(deps, alice, { firstName, circle: "network" })),
    );
    for (const p of people) await addFollowUp(deps, alice, { contactId: p.id, dueOn: "2026-11-23", title: "Check in" });
    const [call, note, ask] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
    await doneToday(deps, alice, call.id, { kind: "call" });
    await doneToday(deps, alice, note.id, { kind: "message" });
    await doneToday(deps, alice, ask.id, { kind: "email", awaitsReply: true });
    const logged = async (id: string) => (await interactionsOf(deps, alice, id))[0];
    expect(await logged(call.id)).toMatchObject({ kind: "call", direction: "mutual" });
    expect(await logged(note.id)).toMatchObject({ kind: "message", direction: "outbound", awaitsReply: false });
    expect(await logged(ask.id)).toMatchObject({ kind: "email", direction: "outbound", awaitsReply: true });
    // Three days on, only the message that waits for a reply is nudged.
    w.clock.set(morningOf(26));
    expect(await dueNames(deps, alice)).toEqual(["Ask: outreach-unanswered"]);
    // A call is an exchange; unanswered messages are touches, not exchanges.
    const progress = async (id: string) => {
      const c = await getContact(deps, alice, id);
      return [c.touchCount, c.exchangeCount];
    };
    expect([await progress(call.id), await progress(note.id), await progress(ask.id)]).toEqual([
      [1, 1],
      [1, 0],
      [1, 0],
    ]);
    await logInteraction(deps, alice, { contactIds: [ask.id], kind: "email", direction: "inbound" });
    expect(await progress(ask.id)).toEqual([2, 2]);
  });

  it("a message already sent (through the member's email) is the done: no second log, its follow-up closes", async () => {
    const { deps, alice } = w;
    const c = await dana();
    const ask = await createContact(deps, alice, { firstName: "Ask", circle: "network" });
    await addFollowUp(deps, alice, { contactId: ask.id, dueOn: "2026-11-23", title: "Ask about the studio" });
    // What POST /api/messages/send logs, then the Today card's done naming it.
    const sent = async (id: string, awaitsReply: boolean) =>
      logInteraction(deps, alice, { contactIds: [id], kind: "email", direction: "outbound", awaitsReply });
    const greeting = await sent(c.id, false);
    const done = await doneToday(deps, alice, c.id, { loggedInteractionId: greeting.id });
    expect(done).toMatchObject({ applied: true, undo: { interactionId: null } });
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(2); // the call of Nov 20 and the greeting sent
    const asked = await sent(ask.id, true);
    expect((await doneToday(deps, alice, ask.id, { loggedInteractionId: asked.id })).applied).toBe(true);
    expect(await interactionsOf(deps, alice, ask.id)).toHaveLength(1);
    expect(await dueNames(deps, alice)).toEqual([]);
    // Undo brings the item back and leaves the record of the sent message alone.
    await undoToday(deps, alice, done.undo);
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(2);
    expect(await dueNames(deps, alice)).toEqual(["Dana: occasion"]);
    // Another contact's interaction cannot stand for this one's done.
    await expect(doneToday(deps, alice, c.id, { loggedInteractionId: asked.id })).rejects.toMatchObject({
      issues: [{ path: "loggedInteractionId" }],
    });
  });

  it("done when nothing is due logs nothing", async () => {
    const { deps, alice } = w;
    const c = await createContact(deps, alice, { firstName: "Quiet", circle: "network" });
    expect(await doneToday(deps, alice, c.id, {})).toMatchObject({ applied: false });
    expect(await interactionsOf(deps, alice, c.id)).toHaveLength(0);
  });
});
