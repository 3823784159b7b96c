import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createContact, getContact, listContacts } from "../contacts/contact-service.ts";
import { deleteInteraction, listInteractions } from "../interactions/interaction-service.ts";
import { acceptSuggestion, dismissSuggestion, listSuggestions } from "../mailbox/suggestion-service.ts";
import type { Deps } from "../ports/index.ts";
import { codeOf } from "../testing/fakes.ts";
import { readSample } from "../testing/samples.ts";
import { importCalendarFile, removeCalendar } from "./calendar-sync-service.ts";

/** The member is alice@example.test (the test world's Alice); the fixture is read on this day. */
const ICS = readSample("calendar-attendees.ics");
const NOW = "2026-11-20T12:00:00.000Z";
const STANDUPS = ["2026-11-02T14:00:00.000Z", "2026-11-09T14:00:00.000Z", "2026-11-16T14:00:00.000Z"];

async function meetings(deps: Deps, actor: Actor, contactId: string) {
  const page = await listInteractions(deps, actor, { contactId }, { limit: 100 });
  return page.items
    .filter((i) => i.source === "calendar")
    .map((i) => ({ at: i.occurredAt, summary: i.summary, contacts: [...i.contactIds].sort(), id: i.id }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

async function contactCount(deps: Deps, actor: Actor) {
  return (await listContacts(deps, actor, { archived: "include" }, { limit: 200 })).items.length;
}

/** A message of the member's mailbox with someone unknown, as a mailbox sync keeps it. */
async function mailFrom(deps: Deps, actor: Actor, address: string, messageId: string, at: string) {
  await deps.store.mailbox.addCorrespondentMessage(actor.accountId, actor.userId, {
    address,
    messageId,
    name: null,
    direction: "inbound",
    subject: `Mail ${messageId}`,
    occurredAt: at,
  });
}

describe.each(DIALECTS)("unknown meeting attendees as suggestions on %s", (dialect) => {
  const w = useTestWorld(dialect, { startAt: NOW });

  it("counts unknown attendees like correspondents: no member, room, resource, group, decliner, cancelled or future", async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const first = await importCalendarFile(w.deps, w.alice, { content: ICS });
    // Only the stand-ups had a contact; nobody else was created.
    expect(first.result).toMatchObject({ logged: 3, unmatched: 5 });
    expect(await contactCount(w.deps, w.alice)).toBe(1);
    expect((await meetings(w.deps, w.alice, rosa.id)).map((m) => m.at)).toEqual(STANDUPS);

    expect(await listSuggestions(w.deps, w.alice)).toEqual([
      {
        address: "Dana.Okafor@Example.org",
        name: "Dana Okafor",
        count: 3,
        messages: 0,
        meetings: 3,
        lastAt: STANDUPS[2],
      },
      {
        address: "jörg@bücher.example",
        name: "Jörg Weiß",
        count: 2,
        messages: 0,
        meetings: 2,
        lastAt: "2026-11-17T09:00:00.000Z",
      },
    ]);
    // Met once (Sam) is not yet a suggestion; one message more makes it one, a single line with both counts. Mail
    // keys addresses in lower case: the same person as the calendar's mixed-case Dana.
    await mailFrom(w.deps, w.alice, "sam@example.net", "s1", "2026-11-07T10:00:00.000Z");
    await mailFrom(w.deps, w.alice, "dana.okafor@example.org", "d1", "2026-11-18T10:00:00.000Z");
    const listed = await listSuggestions(w.deps, w.alice);
    expect(listed.map((s) => [s.address, s.messages, s.meetings, s.count, s.lastAt])).toEqual([
      ["Dana.Okafor@Example.org", 1, 3, 4, "2026-11-18T10:00:00.000Z"],
      ["jörg@bücher.example", 0, 2, 2, "2026-11-17T09:00:00.000Z"],
      ["sam@example.net", 1, 1, 2, "2026-11-07T10:00:00.000Z"],
    ]);
    // Importing again changes nothing; another account sees none of it.
    const again = await importCalendarFile(w.deps, w.alice, { content: ICS });
    expect(again.result).toMatchObject({ logged: 0, updated: 0, removed: 0 });
    expect(await listSuggestions(w.deps, w.alice)).toEqual(listed);
    expect(await listSuggestions(w.deps, w.bob)).toEqual([]);
    expect(await contactCount(w.deps, w.alice)).toBe(1);
  });

  it("accepting one adds the contact and logs its past meetings from the ledger, once, even after more imports", async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    await importCalendarFile(w.deps, w.alice, { content: ICS });
    await mailFrom(w.deps, w.alice, "dana.okafor@example.org", "d1", "2026-11-18T10:00:00.000Z");

    // Dana: the stand-ups were logged with Rosa; Dana joins them, and her message is logged.
    const dana = await acceptSuggestion(w.deps, w.alice, { address: "dana.okafor@example.org" }, {});
    expect(dana).toMatchObject({ logged: 4, messages: 1, meetings: 3 });
    const danaContact = await getContact(w.deps, w.alice, dana.contactId);
    expect(danaContact).toMatchObject({ firstName: "Dana", lastName: "Okafor" });
    expect(danaContact.emails.map((e) => e.address)).toEqual(["Dana.Okafor@Example.org"]);
    const standups = await meetings(w.deps, w.alice, dana.contactId);
    expect(standups.map((m) => m.contacts)).toEqual(STANDUPS.map(() => [rosa.id, dana.contactId].sort()));
    expect(standups.map((m) => m.id)).toEqual((await meetings(w.deps, w.alice, rosa.id)).map((m) => m.id));

    // Jörg: nobody known was at the coffees, so they are logged now, as the calendar would have, with the IDN
    // address kept as the calendar wrote it.
    const jorg = await acceptSuggestion(w.deps, w.alice, { address: "JÖRG@bücher.example" }, { firstName: "Jörg" });
    expect(jorg).toMatchObject({ logged: 2, messages: 0, meetings: 2 });
    const jorgContact = await getContact(w.deps, w.alice, jorg.contactId);
    expect(jorgContact.emails.map((e) => e.address)).toEqual(["jörg@bücher.example"]);
    const coffees = await meetings(w.deps, w.alice, jorg.contactId);
    expect(coffees.map((m) => [m.at, m.summary])).toEqual([
      ["2026-11-10T09:00:00.000Z", "Kaffee mit Jörg ☕"],
      ["2026-11-17T09:00:00.000Z", "Noch ein Kaffee mit Jörg"],
    ]);
    expect(jorgContact).toMatchObject({ lastTouchAt: "2026-11-17T09:00:00.000Z", touchCount: 2 });
    const [coffee] = (await listInteractions(w.deps, w.alice, { contactId: jorg.contactId }, { limit: 10 })).items;
    expect(coffee).toMatchObject({ kind: "meeting", direction: "mutual", meaningful: true, source: "calendar" });

    expect(await listSuggestions(w.deps, w.alice)).toEqual([]);
    // The calendar read again knows them now: it updates nothing, logs nothing twice, suggests nothing.
    for (let i = 0; i < 2; i += 1) {
      const again = await importCalendarFile(w.deps, w.alice, { content: ICS });
      expect(again.result).toMatchObject({ logged: 0, updated: 0, removed: 0 });
    }
    expect(await meetings(w.deps, w.alice, jorg.contactId)).toEqual(coffees);
    expect(await meetings(w.deps, w.alice, dana.contactId)).toEqual(standups);
    expect(await listSuggestions(w.deps, w.alice)).toEqual([]);
    expect(await contactCount(w.deps, w.alice)).toBe(3);
    // Accepted already: nothing left to accept.
    expect(await codeOf(acceptSuggestion(w.deps, w.alice, { address: "jörg@bücher.example" }, {}))).toBe("not_found");
  });

  it("a meeting deleted by hand stays deleted when its attendee is accepted", async () => {
    await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    await importCalendarFile(w.deps, w.alice, { content: ICS });
    const rosaId = (await listContacts(w.deps, w.alice, {}, { limit: 5 })).items[0]!.id;
    const [firstStandup] = await meetings(w.deps, w.alice, rosaId);
    await deleteInteraction(w.deps, w.alice, firstStandup!.id);
    const dana = await acceptSuggestion(w.deps, w.alice, { address: "Dana.Okafor@Example.org" }, {});
    expect(dana).toMatchObject({ meetings: 2 });
    expect((await meetings(w.deps, w.alice, dana.contactId)).map((m) => m.at)).toEqual(STANDUPS.slice(1));
  });

  it("dismissing hides the person from both sources for good; nothing is created; a viewer may do neither", async () => {
    await importCalendarFile(w.deps, w.alice, { content: ICS });
    await mailFrom(w.deps, w.alice, "jörg@xn--bcher-kva.example", "j1", "2026-11-18T10:00:00.000Z");
    const viewer: Actor = { ...w.alice, role: "viewer" };
    expect(await codeOf(dismissSuggestion(w.deps, viewer, { address: "jörg@bücher.example" }))).toBe("forbidden");
    expect(await codeOf(acceptSuggestion(w.deps, viewer, { address: "jörg@bücher.example" }, {}))).toBe("forbidden");
    expect(await codeOf(dismissSuggestion(w.deps, w.alice, { address: "nobody@example.net" }))).toBe("not_found");
    expect(await codeOf(dismissSuggestion(w.deps, w.bob, { address: "jörg@bücher.example" }))).toBe("not_found");

    await dismissSuggestion(w.deps, w.alice, { address: "jörg@bücher.example" });
    await importCalendarFile(w.deps, w.alice, { content: ICS });
    await mailFrom(w.deps, w.alice, "jörg@xn--bcher-kva.example", "j2", "2026-11-19T10:00:00.000Z");
    // Rosa is no contact in this account: she is a suggestion too.
    expect((await listSuggestions(w.deps, w.alice)).map((s) => s.address)).toEqual([
      "Dana.Okafor@Example.org",
      "rosa@example.com",
    ]);
    expect(await contactCount(w.deps, w.alice)).toBe(0);
  });

  it("a contact added by hand, or a removed calendar, takes the person off the list", async () => {
    const { calendar } = await importCalendarFile(w.deps, w.alice, { content: ICS });
    await createContact(w.deps, w.alice, { firstName: "Dana", emails: [{ address: "DANA.okafor@example.org" }] });
    expect((await listSuggestions(w.deps, w.alice)).map((s) => s.address)).toEqual([
      "rosa@example.com",
      "jörg@bücher.example",
    ]);
    await removeCalendar(w.deps, w.alice, calendar.id, {});
    expect(await listSuggestions(w.deps, w.alice)).toEqual([]);
  });
});
