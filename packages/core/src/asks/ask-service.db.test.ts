import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createCompany } from "../companies/company-service.ts";
import { createContact, getContact } from "../contacts/contact-service.ts";
import { addFollowUp, completeFollowUp } from "../follow-ups/follow-up-service.ts";
import { logInteraction } from "../interactions/interaction-service.ts";
import { contactRelationships } from "../network/relationship-service.ts";
import { codeOf } from "../testing/fakes.ts";
import { getToday } from "../today/today-service.ts";
import { addAsk, addAskName, deleteAsk, getAsk, listAsks, moveAsk, updateAsk } from "./ask-service.ts";

describe.each(DIALECTS)("asks on %s", (dialect) => {
  // Monday 2026-11-02, 09:00 UTC; the account's time zone is UTC.
  const w = useTestWorld(dialect);
  const viewer = (): Actor => ({ ...w.alice, role: "viewer" });
  const days = (n: number) => w.clock.set(new Date(w.clock.now().getTime() + n * 86_400_000).toISOString());

  it("asked → named → met → thanked: the outreach, the nudge, the name with its edge, the thank-you on Today", async () => {
    const acme = await createCompany(w.deps, w.alice, { name: "Acme Robotics" });
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const ask = await addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "company", companyId: acme.id } });
    expect(ask).toMatchObject({
      status: "asked",
      contactName: "Ana",
      about: { kind: "company", companyName: "Acme Robotics", text: "" },
      names: [],
      followUps: [{ step: "nudge", title: "Nudge Ana about your ask", dueOn: "2026-11-09", status: "open" }],
    });
    // The ask went out as an outbound message that waits for a reply: Ana has a touch now.
    expect((await getContact(w.deps, w.alice, ana.id)).lastTouchAt).toBe("2026-11-02T09:00:00.000Z");

    // Seven days later the nudge is on Today, with a nudge's draft.
    days(7);
    const nudged = (await getToday(w.deps, w.alice)).items.find((i) => i.contactId === ana.id);
    expect(nudged).toMatchObject({ reasonKind: "ask-pending", templateSlot: "nudge" });
    expect(nudged?.sentence).toMatch(/^Nudge Ana about your ask \(due /);

    const named = await addAskName(w.deps, w.alice, ask.id, { firstName: "Leo", lastName: "Park", companyId: acme.id });
    expect(named.ask.status).toBe("named");
    expect(named.ask.names.map((n) => n.displayName)).toEqual(["Leo Park"]);
    expect(named.ask.followUps.map((f) => [f.step, f.status])).toEqual([["nudge", "done"]]);
    expect((await contactRelationships(w.deps, w.alice, named.contact.id)).map((r) => r.sentence)).toEqual([
      "Leo Park was introduced by Ana",
    ]);

    const met = await moveAsk(w.deps, w.alice, ask.id, { status: "met", log: { kind: "meeting", summary: "Coffee" } });
    expect(met.followUps.map((f) => [f.step, f.status, f.dueOn])).toEqual([
      ["nudge", "done", "2026-11-09"],
      ["thank", "open", "2026-11-09"],
      ["how-it-went", "open", "2026-11-11"],
    ]);
    expect((await getContact(w.deps, w.alice, named.contact.id)).lastTouchAt).toBe("2026-11-09T09:00:00.000Z");
    const thank = (await getToday(w.deps, w.alice)).items.find((i) => i.contactId === ana.id);
    expect(thank).toMatchObject({
      reasonKind: "ask-pending",
      templateSlot: "introducer-thanks",
      sentence: "Thank Ana for the introduction (due today)",
    });
    expect(thank?.draft.subject).toBe("Thank you for the introduction");

    const thanked = await moveAsk(w.deps, w.alice, ask.id, { status: "thanked" });
    expect(thanked.followUps.map((f) => [f.step, f.status])).toEqual([
      ["nudge", "done"],
      ["thank", "done"],
      ["how-it-went", "open"],
    ]);
    days(2);
    const howItWent = (await getToday(w.deps, w.alice)).items.find((i) => i.contactId === ana.id);
    expect(howItWent).toMatchObject({
      templateSlot: "introducer-update",
      sentence: "Tell Ana how it went (due today)",
    });
    expect(howItWent?.draft.subject).toBe("How it went");
    expect(await codeOf(moveAsk(w.deps, w.alice, ask.id, { status: "named" }))).toBe("conflict");
    expect((await listAsks(w.deps, viewer(), { status: "thanked" })).map((a) => a.id)).toEqual([ask.id]);
    expect(await listAsks(w.deps, viewer(), { status: "asked" })).toEqual([]);
  });

  it("declined skips the open follow-ups; a name links an existing contact once; deleting skips what is open", async () => {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const leo = await createContact(w.deps, w.alice, { firstName: "Leo" });
    const ask = await addAsk(w.deps, w.alice, {
      contactId: ana.id,
      about: { kind: "role", text: "a product designer" },
    });
    const declined = await moveAsk(w.deps, w.alice, ask.id, { status: "declined" });
    expect(declined.followUps.map((f) => f.status)).toEqual(["skipped"]);
    expect(await codeOf(addAskName(w.deps, w.alice, ask.id, { contactId: leo.id }))).toBe("conflict");
    await moveAsk(w.deps, w.alice, ask.id, { status: "asked" });
    const named = await addAskName(w.deps, w.alice, ask.id, { contactId: leo.id });
    expect(named.contact).toEqual({ id: leo.id, displayName: "Leo" });
    expect(await codeOf(addAskName(w.deps, w.alice, ask.id, { contactId: leo.id }))).toBe("conflict");
    expect(await codeOf(addAskName(w.deps, w.alice, ask.id, { contactId: ana.id }))).toBe("validation");
    expect(await codeOf(addAskName(w.deps, w.alice, ask.id, {}))).toBe("validation");
    expect(await codeOf(moveAsk(w.deps, w.alice, ask.id, { status: "introduced", log: { kind: "call" } }))).toBe(
      "validation",
    );
    expect((await updateAsk(w.deps, w.alice, ask.id, { note: "for the app" })).note).toBe("for the app");

    await deleteAsk(w.deps, w.alice, ask.id);
    expect(await codeOf(getAsk(w.deps, w.alice, ask.id))).toBe("not_found");
    // The name and its edge stay: Leo was still introduced by Ana.
    expect((await contactRelationships(w.deps, w.alice, leo.id)).map((r) => r.role)).toEqual(["introducer"]);
  });

  it("a meeting logged with a name received moves the ask to met: the introducer is to be thanked", async () => {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const ask = await addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "other", text: "a mentor" } });
    const named = await addAskName(w.deps, w.alice, ask.id, { firstName: "Kim" });
    // A message only sent to Kim is not a meeting: nothing moves.
    await logInteraction(w.deps, w.alice, { contactIds: [named.contact.id], kind: "email", direction: "outbound" });
    expect((await getAsk(w.deps, w.alice, ask.id)).status).toBe("named");
    await logInteraction(w.deps, w.alice, { contactIds: [named.contact.id], kind: "meeting", direction: "mutual" });
    const met = await getAsk(w.deps, w.alice, ask.id);
    expect(met.status).toBe("met");
    expect(met.followUps.map((f) => [f.step, f.status])).toEqual([
      ["nudge", "done"],
      ["thank", "open"],
      ["how-it-went", "open"],
    ]);
    // Another meeting changes nothing more.
    await logInteraction(w.deps, w.alice, { contactIds: [named.contact.id], kind: "call", direction: "mutual" });
    expect((await getAsk(w.deps, w.alice, ask.id)).followUps).toHaveLength(3);
  });

  it("a follow-up done with a meeting logged, with a name received, moves the ask to met as a logged touch does", async () => {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const ask = await addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "other", text: "a mentor" } });
    const named = await addAskName(w.deps, w.alice, ask.id, { firstName: "Kim", lastName: "Ødegård" });
    const coffee = await addFollowUp(w.deps, w.alice, {
      contactId: named.contact.id,
      title: "Coffee with Kim ☕",
      dueOn: "2026-11-03",
    });
    // Done with only a message sent: not a meeting, the ask stays named.
    const note = await addFollowUp(w.deps, w.alice, {
      contactId: named.contact.id,
      title: "Write Kim",
      dueOn: "2026-11-03",
    });
    await completeFollowUp(w.deps, w.alice, note.id, { log: { kind: "email", direction: "outbound" } });
    expect((await getAsk(w.deps, w.alice, ask.id)).status).toBe("named");
    const done = await completeFollowUp(w.deps, w.alice, coffee.id, { log: { kind: "meeting" } });
    expect(done.interactionId).not.toBeNull();
    const met = await getAsk(w.deps, w.alice, ask.id);
    expect(met.status).toBe("met");
    expect(met.followUps.map((f) => [f.step, f.status])).toEqual([
      ["nudge", "done"],
      ["thank", "open"],
      ["how-it-went", "open"],
    ]);
    const today = (await getToday(w.deps, w.alice)).items.find((i) => i.contactId === ana.id);
    expect(today).toMatchObject({ templateSlot: "introducer-thanks" });
  });

  it("belong to one account: another account's ask, contact or company is not found; a viewer only reads", async () => {
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana" });
    const bobsCompany = await createCompany(w.deps, w.bob, { name: "Bob Co" });
    const ask = await addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "other", text: "a plumber" } });
    expect(await codeOf(getAsk(w.deps, w.bob, ask.id))).toBe("not_found");
    expect(await codeOf(moveAsk(w.deps, w.bob, ask.id, { status: "named" }))).toBe("not_found");
    expect(await codeOf(addAskName(w.deps, w.bob, ask.id, { firstName: "Zed" }))).toBe("not_found");
    expect(await codeOf(deleteAsk(w.deps, w.bob, ask.id))).toBe("not_found");
    expect(await listAsks(w.deps, w.bob, {})).toEqual([]);
    expect(await codeOf(addAsk(w.deps, w.bob, { contactId: ana.id, about: { kind: "other", text: "x" } }))).toBe(
      "not_found",
    );
    expect(
      await codeOf(
        addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "company", companyId: bobsCompany.id } }),
      ),
    ).toBe("not_found");
    expect(await codeOf(addAsk(w.deps, w.alice, { contactId: ana.id, about: { kind: "other" } }))).toBe("validation");
    expect(await codeOf(addAsk(w.deps, viewer(), { contactId: ana.id, about: { kind: "other", text: "x" } }))).toBe(
      "forbidden",
    );
    expect((await getAsk(w.deps, viewer(), ask.id)).id).toBe(ask.id);
    // A follow-up's askId is checked now: a real ask of the same account.
    expect(
      await codeOf(addFollowUp(w.deps, w.alice, { contactId: ana.id, dueOn: "2026-11-10", title: "x", askId: "nope" })),
    ).toBe("not_found");
    const bobsAna = await createContact(w.deps, w.bob, { firstName: "Ana" });
    expect(
      await codeOf(
        addFollowUp(w.deps, w.bob, { contactId: bobsAna.id, dueOn: "2026-11-10", title: "x", askId: ask.id }),
      ),
    ).toBe("not_found");
    const linked = await addFollowUp(w.deps, w.alice, {
      contactId: ana.id,
      dueOn: "2026-11-10",
      title: "x",
      askId: ask.id,
    });
    expect(linked.askId).toBe(ask.id);
  });
});
