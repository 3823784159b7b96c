import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { readSample } from "../testing/samples.ts";
import { addressKey, contactsByAddress, contactsOf } from "./match-attendees.ts";
import { OCCURRENCES_PER_SERIES, readCalendar, readCalendarInTurns, STEPS_PER_TURN } from "./read-calendar.ts";

const NOW = new Date("2026-11-20T12:00:00.000Z");
const ics = (...events: string[][]) =>
  [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//t//t//EN",
    ...events.flatMap((e) => ["BEGIN:VEVENT", ...e, "END:VEVENT"]),
    "END:VCALENDAR",
  ].join("\r\n");

describe("readCalendar", () => {
  it("expands the weekly 1:1 up to now: EXDATE left out, the moved one at its new time, the next one marked future", () => {
    const rosa = readCalendar(readSample("calendar-meetings.ics"), NOW, "UTC").occurrences.filter((o) =>
      o.uid.startsWith("rosa-"),
    );
    expect(rosa.map((o) => [o.recurrenceId, o.startAt, o.future])).toEqual([
      ["2026-10-01T14:00:00.000Z", "2026-10-01T14:00:00.000Z", false],
      ["2026-10-08T14:00:00.000Z", "2026-10-08T14:00:00.000Z", false],
      ["2026-10-22T14:00:00.000Z", "2026-10-23T18:00:00.000Z", false],
      ["2026-10-29T14:00:00.000Z", "2026-10-29T14:00:00.000Z", false],
      ["2026-11-05T15:00:00.000Z", "2026-11-05T15:00:00.000Z", false],
      ["2026-11-12T15:00:00.000Z", "2026-11-12T15:00:00.000Z", false],
      ["2026-11-19T15:00:00.000Z", "2026-11-19T15:00:00.000Z", false],
      ["2026-11-26T15:00:00.000Z", "2026-11-26T15:00:00.000Z", true],
    ]);
  });

  it("keeps only the most recent occurrences of a long series, and stops expanding at now", () => {
    const daily = ics(["UID:daily", "DTSTART:19900101T090000Z", "RRULE:FREQ=DAILY", "SUMMARY:Stand-up"]);
    const { occurrences } = readCalendar(daily, NOW, "UTC");
    expect(occurrences).toHaveLength(OCCURRENCES_PER_SERIES + 1);
    expect(occurrences.at(-2)?.startAt).toBe("2026-11-20T09:00:00.000Z");
    expect(occurrences.at(-1)).toMatchObject({ startAt: "2026-11-21T09:00:00.000Z", future: true });
    expect(readCalendar(daily, NOW, "UTC").readFrom).toEqual({ daily: occurrences[0]?.recurrenceId });
    expect(readCalendar(readSample("calendar-meetings.ics"), NOW, "UTC").readFrom).toEqual({});
  });

  it("expands a daily series since 1990 from the periods that matter: a few hundred steps, the same occurrences", () => {
    const daily = ics(["UID:daily", "DTSTART:19900101T090000Z", "RRULE:FREQ=DAILY", "SUMMARY:Stand-up"]);
    const fast = readCalendar(daily, NOW, "UTC");
    const slow = readCalendar(daily, NOW, "UTC", { skipAhead: false });
    expect(slow.steps).toBeGreaterThan(13_000);
    expect(fast.steps).toBeLessThan(OCCURRENCES_PER_SERIES + 60);
    expect(fast.occurrences).toEqual(slow.occurrences);
    expect(fast.readFrom).toEqual(slow.readFrom);
  });

  it("skips whole periods only where the rule names the same instants: zones, EXDATE, a moved one, BYDAY, intervals", () => {
    const text = ics(
      ...[
        ["UID:weekdays", "DTSTART;TZID=Europe/Berlin:19950102T091500", "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"],
        [
          "UID:fortnight",
          "DTSTART;TZID=America/New_York:20010103T170000",
          "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
        ],
        ["UID:every3", "DTSTART:19991231T230000Z", "RRULE:FREQ=DAILY;INTERVAL=3", "EXDATE:20261103T230000Z"],
        ["UID:until", "DTSTART:20000105T080000Z", "RRULE:FREQ=WEEKLY;UNTIL=20260601T000000Z"],
        ["UID:counted", "DTSTART:20000105T080000Z", "RRULE:FREQ=DAILY;COUNT=9000"],
        ["UID:monthly", "DTSTART:19900131T080000Z", "RRULE:FREQ=MONTHLY"],
        ["UID:off-day", "DTSTART:20000101T080000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO"],
        ["UID:every3", "RECURRENCE-ID:20261106T230000Z", "DTSTART:20261107T100000Z", "SUMMARY:Moved"],
      ].map((e) => [...e, ...(e.some((l) => l.startsWith("SUMMARY")) ? [] : ["SUMMARY:S"])]),
    );
    for (const zone of ["UTC", "Pacific/Auckland"]) {
      const fast = readCalendar(text, NOW, zone);
      const slow = readCalendar(text, NOW, zone, { skipAhead: false });
      expect(fast.occurrences).toEqual(slow.occurrences);
      expect(fast.readFrom).toEqual(slow.readFrom);
      expect(slow.steps - fast.steps).toBeGreaterThan(8_000);
    }
    const moved = readCalendar(text, NOW, "UTC").occurrences.find((o) => o.summary === "Moved");
    expect(moved).toMatchObject({ recurrenceId: "2026-11-06T23:00:00.000Z", startAt: "2026-11-07T10:00:00.000Z" });
  });

  it("reads in turns: a series no period can skip gives the loop a turn every STEPS_PER_TURN steps", async () => {
    const monthly = ics(["UID:m", "DTSTART:19900101T090000Z", "RRULE:FREQ=DAILY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12"]);
    const pauses: number[] = [];
    const reading = await readCalendarInTurns(monthly, NOW, "UTC", async (steps) => {
      pauses.push(steps);
    });
    expect(reading.steps).toBeGreaterThan(13_000);
    expect(pauses).toHaveLength(Math.floor(reading.steps / STEPS_PER_TURN));
    const pieces = [...pauses, reading.steps].map((n, i, all) => n - (all[i - 1] ?? 0));
    expect(Math.max(...pieces)).toBeLessThanOrEqual(STEPS_PER_TURN);
    expect(reading.occurrences).toEqual(readCalendar(monthly, NOW, "UTC").occurrences);
  });

  it("reads a TZID without VTIMEZONE as the IANA zone, and floating times and unknown zones in the account's", () => {
    const text = ics(
      ["UID:a", "DTSTART;TZID=Europe/Paris:20261110T100000"],
      ["UID:b", "DTSTART:20261110T100000"],
      ["UID:c", "DTSTART;TZID=W. Europe Standard Time:20261110T100000"],
    );
    const at = readCalendar(text, NOW, "America/New_York").occurrences.map((o) => o.startAt);
    expect(at).toEqual(["2026-11-10T09:00:00.000Z", "2026-11-10T15:00:00.000Z", "2026-11-10T15:00:00.000Z"]);
  });

  it("marks a cancelled series' occurrences cancelled and skips events without a UID", () => {
    const text = ics(
      ["UID:s", "DTSTART:20261101T090000Z", "RRULE:FREQ=WEEKLY;COUNT=2", "STATUS:CANCELLED"],
      ["DTSTART:20261101T090000Z", "SUMMARY:no uid"],
    );
    const reading = readCalendar(text, NOW, "UTC");
    expect(reading.events).toBe(1);
    expect(reading.occurrences.map((o) => o.cancelled)).toEqual([true, true]);
  });

  it("refuses what is not iCalendar with a 400 naming content", () => {
    for (const text of ["hello", "BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD"]) {
      const error = (() => {
        try {
          readCalendar(text, NOW, "UTC");
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues[0]?.path).toBe("content");
    }
  });
});

describe("attendee matching", () => {
  it("compares addresses case-insensitively with internationalised domains in punycode", () => {
    expect(addressKey(" Zoe@Müller.Example ")).toBe("zoe@xn--mller-kva.example");
    const index = contactsByAddress([
      { contactId: "c1", address: "zoe@müller.example" },
      { contactId: "c2", address: "PRIYA@例え.jp" },
      { contactId: "c3", address: "zoe@xn--mller-kva.example" },
    ]);
    expect(contactsOf(["zoe@xn--mller-kva.example", "priya@例え.jp", "nobody@example.org"], index)).toEqual([
      "c1",
      "c3",
      "c2",
    ]);
  });
});
