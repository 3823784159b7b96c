import { describe, expect, it } from "vitest";
import { readSample } from "../testing/samples.ts";
import { type AttendeePlanInput, attendeeWrites } from "./attendee-suggestions.ts";
import { readCalendar } from "./read-calendar.ts";

const reading = readCalendar(readSample("calendar-attendees.ics"), new Date("2026-11-20T12:00:00Z"), "Europe/Berlin");
const occurrence = (uid: string) => reading.occurrences.find((o) => o.uid === uid)!;

describe("the people at a meeting", () => {
  it("are the organizer and attendees as written, without rooms, resources, groups or those who declined", () => {
    expect(occurrence("standup-weekly@kith.example").people).toEqual([
      { address: "alice@example.test", name: "Alice" },
      { address: "rosa@example.com", name: "Rosa Calder" },
      { address: "Dana.Okafor@Example.org", name: "Dana Okafor" },
      { address: "alice+cal@example.test", name: "Alice (calendar)" },
    ]);
    expect(occurrence("kaffee-joerg-1@kith.example").people).toEqual([
      { address: "jörg@bücher.example", name: "Jörg Weiß" },
      { address: "ALICE@example.test", name: "Alice" },
    ]);
    expect(occurrence("lunch-pat-1@kith.example").people).toEqual([{ address: "alice@example.test", name: "Alice" }]);
  });
});

describe("which unknown attendees a read keeps", () => {
  const plan = (over: Partial<AttendeePlanInput> = {}) =>
    attendeeWrites({
      calendarId: "cal",
      occurrences: reading.occurrences,
      existing: [],
      own: ["alice@example.test"],
      isContact: (address) => address === "rosa@example.com",
      complete: false,
      readFrom: reading.readFrom,
      ...over,
    });

  it("keeps strangers of past, held meetings, never the member (any case, any +tag) or a contact", () => {
    const kept = plan().flatMap((w) => w.rows.map((r) => `${r.uid} ${r.givenAddress} ${r.address}`));
    expect(kept).toEqual([
      "standup-weekly@kith.example Dana.Okafor@Example.org dana.okafor@example.org",
      "standup-weekly@kith.example Dana.Okafor@Example.org dana.okafor@example.org",
      "standup-weekly@kith.example Dana.Okafor@Example.org dana.okafor@example.org",
      "kaffee-joerg-1@kith.example jörg@bücher.example jörg@xn--bcher-kva.example",
      "kaffee-joerg-2@kith.example jörg@bücher.example jörg@xn--bcher-kva.example",
      "intro-sam@kith.example sam@example.net sam@example.net",
    ]);
  });

  it("writes only what changed: nothing when read again, an empty list for what went", () => {
    const first = plan();
    const existing = first.flatMap((w) => w.rows);
    expect(plan({ existing })).toEqual([]);
    // The intro call is no longer in the feed: a subscription (the whole calendar) drops its attendee; a file does not.
    const without = reading.occurrences.filter((o) => o.uid !== "intro-sam@kith.example");
    expect(plan({ existing, occurrences: without })).toEqual([]);
    expect(plan({ existing, occurrences: without, complete: true })).toEqual([
      { calendarId: "cal", uid: "intro-sam@kith.example", recurrenceId: "", rows: [] },
    ]);
    // Sam became a contact: the occurrence is rewritten without him.
    const known = plan({ existing, isContact: (a) => a === "rosa@example.com" || a === "sam@example.net" });
    expect(known).toEqual([{ calendarId: "cal", uid: "intro-sam@kith.example", recurrenceId: "", rows: [] }]);
  });
});
