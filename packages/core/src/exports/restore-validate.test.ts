import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { type Json, MUTATIONS, mutated, pathsOf, sampleBackup } from "../testing/sample-backup.ts";
import { checkBackup, textChunks, validateBackup } from "./restore-validate.ts";

/** Either a backup that restores, or a validation error that names a path of the backup: nothing else. */
async function outcomeOf(input: unknown): Promise<"valid" | string> {
  try {
    // Read as a restore reads its stored upload: a stream of text, here in small pieces that split every kind of
    // value somewhere.
    await checkBackup(() => textChunks(JSON.stringify(input) ?? "null", 97));
    return "valid";
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "validation") throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    return error.issues[0]!.path;
  }
}

describe("a restored backup goes through the write schemas", () => {
  it("accepts the sample as it is, and a version 1 backup without the newer parts", async () => {
    expect(await outcomeOf(sampleBackup())).toBe("valid");
    const { notify: _n, webhooks: _w, ...v1 } = { ...sampleBackup(), version: 1 };
    const followUps = v1.followUps.map(({ opportunityId: _o, askId: _a, ...f }) => f);
    expect(await outcomeOf({ ...v1, followUps })).toBe("valid");
    const { duplicateDismissals: _d, ...before } = sampleBackup();
    expect((await validateBackup(before)).duplicateDismissals).toEqual([]);
    // Made before the capture ledgers: none of the three lists.
    const { mailboxMessages: _m, calendars: _c, calendarEvents: _e, ...uncaptured } = sampleBackup();
    expect(await outcomeOf(uncaptured)).toBe("valid");
    expect(await validateBackup(uncaptured)).toMatchObject({ mailboxMessages: [], calendars: [], calendarEvents: [] });
  });

  const bad: [string, (b: ReturnType<typeof sampleBackup>) => void, string][] = [
    ["an empty name", (b) => Object.assign(b.contacts[1]!, { firstName: "", lastName: "" }), "contacts.1.firstName"],
    ["a 2 MB name", (b) => Object.assign(b.contacts[0]!, { firstName: "x".repeat(2_000_000) }), "contacts.0.firstName"],
    [
      "a bad email",
      (b) => Object.assign(b.contacts[0]!.emails[0]!, { address: "not an email" }),
      "contacts.0.emails.0.address",
    ],
    [
      "a javascript: link",
      (b) => Object.assign(b.contacts[0]!.links[0]!, { url: "javascript:alert(1)" }),
      "contacts.0.links.0.url",
    ],
    [
      "February 30",
      (b) => Object.assign(b.contacts[0]!, { birthday: { month: 2, day: 30 } }),
      "contacts.0.birthday.day",
    ],
    [
      "a contact's bad time zone",
      (b) => Object.assign(b.contacts[0]!, { timeZone: "Mars/Olympus" }),
      "contacts.0.timeZone",
    ],
    ["the account's bad time zone", (b) => Object.assign(b.account, { timeZone: "Nowhere" }), "account.timeZone"],
    ["an unknown circle", (b) => Object.assign(b.contacts[0]!, { circle: "inner" }), "contacts.0.circle"],
    [
      "an unknown previous circle",
      (b) => Object.assign(b.contacts[1]!, { circleBeforeMoveOn: "gone" }),
      "contacts.1.circleBeforeMoveOn",
    ],
    ["a follow-up in 9999", (b) => Object.assign(b.followUps[0]!, { dueOn: "9999-12-31" }), "followUps.0.dueOn"],
    [
      "an interaction in 9999",
      (b) => Object.assign(b.interactions[0]!, { occurredAt: "9999-01-01T00:00:00Z" }),
      "interactions.0.occurredAt",
    ],
    [
      "a snooze in 9999",
      (b) => Object.assign(b.contacts[0]!, { snoozedUntilOn: "9999-01-01" }),
      "contacts.0.snoozedUntilOn",
    ],
    [
      "an instant that is no instant",
      (b) => Object.assign(b.contacts[0]!, { createdAt: "yesterday" }),
      "contacts.0.createdAt",
    ],
    [
      "a cadence override backwards",
      (b) => Object.assign(b.contacts[0]!, { cadenceOverride: { idealDays: 30, maxDays: 3 } }),
      "contacts.0.cadenceOverride.maxDays",
    ],
    [
      "a settings value out of range",
      (b) => Object.assign(b.account.settings.engine, { dailyCap: 1e9 }),
      "account.settings.engine.dailyCap",
    ],
    [
      "a setting that does not exist",
      (b) => Object.assign(b.account.settings.engine, { colour: "red" }),
      "account.settings.engine.colour",
    ],
    [
      "a bad tag cadence",
      (b) => Object.assign(b.account.settings, { tagCadences: { x: { idealDays: "often" } } }),
      "account.settings.tagCadences.x.idealDays",
    ],
    ["a digest hour of 25", (b) => Object.assign(b, { notify: { digest: "daily", hour: 25 } }), "notify.hour"],
    [
      "a webhook to javascript:",
      (b) => Object.assign(b.webhooks[0]!, { url: "javascript:alert(1)" }),
      "webhooks.0.url",
    ],
    ["a ref used twice", (b) => Object.assign(b.contacts[1]!, { ref: "contact-1" }), "contacts.1.ref"],
    [
      "a contact named twice in one interaction",
      (b) => Object.assign(b.interactions[0]!, { contactRefs: ["contact-1", "contact-1"] }),
      "interactions.0.contactRefs.1",
    ],
    ["a dangling company", (b) => Object.assign(b.contacts[0]!, { companyRef: "company-9" }), "contacts.0.companyRef"],
    [
      "a dangling interaction",
      (b) => Object.assign(b.followUps[0]!, { interactionRef: "interaction-9" }),
      "followUps.0.interactionRef",
    ],
    [
      "a dangling contact",
      (b) => Object.assign(b.interactions[0]!, { contactRefs: ["contact-9"] }),
      "interactions.0.contactRefs.0",
    ],
    [
      "a dismissal of an unknown contact",
      (b) => Object.assign(b.duplicateDismissals[0]!, { contactRefs: ["contact-1", "contact-9"] }),
      "duplicateDismissals.0.contactRefs.1",
    ],
    [
      "a dismissal of one contact with itself",
      (b) => Object.assign(b.duplicateDismissals[0]!, { contactRefs: ["contact-2", "contact-2"] }),
      "duplicateDismissals.0.contactRefs.1",
    ],
    [
      "a dismissal of three contacts",
      (b) => Object.assign(b.duplicateDismissals[0]!, { contactRefs: ["contact-1", "contact-2", "contact-3"] }),
      "duplicateDismissals.0.contactRefs",
    ],
    [
      "a campaign of an unknown company",
      (b) => Object.assign(b.campaigns[0]!.segment, { companyRef: "company-9" }),
      "campaigns.0.segment.companyRef",
    ],
    [
      "a campaign's template that is no template",
      (b) => Object.assign(b.campaigns[0]!, { template: "../../etc" }),
      "campaigns.0.template",
    ],
    ["a campaign with no name", (b) => Object.assign(b.campaigns[0]!, { name: "" }), "campaigns.0.name"],
    [
      "a recipient of an unknown campaign",
      (b) => Object.assign(b.campaignRecipients[0]!, { campaignRef: "campaign-9" }),
      "campaignRecipients.0.campaignRef",
    ],
    [
      "a recipient's subject on two lines",
      (b) => Object.assign(b.campaignRecipients[0]!, { subject: "Hi\r\nBcc: x@evil.example" }),
      "campaignRecipients.0.subject",
    ],
    [
      "a person twice in one campaign",
      (b) => b.campaignRecipients.push({ ...b.campaignRecipients[0]!, position: 1 }),
      "campaignRecipients.1.contactRef",
    ],
    ["a missing list", (b) => delete (b as Partial<typeof b>).contacts, "contacts"],
    ["a list that is null", (b) => Object.assign(b, { interactions: null }), "interactions"],
    ["a row that is null", (b) => Object.assign(b.companies, { 0: null }), "companies.0"],
    [
      "a huge number",
      (b) => Object.assign(b.contacts[0]!, { birthday: { month: 1e308, day: 1 } }),
      "contacts.0.birthday.month",
    ],
    ["a wrong type", (b) => Object.assign(b.contacts[0]!, { muted: "yes" }), "contacts.0.muted"],
    ["an unknown field", (b) => Object.assign(b.contacts[0]!, { password: "x" }), "contacts.0"],
    ["another version", (b) => Object.assign(b, { version: 3 }), "version"],
    // The capture ledgers.
    [
      "an empty Message-ID",
      (b) => Object.assign(b.mailboxMessages[0]!, { messageId: "" }),
      "mailboxMessages.0.messageId",
    ],
    [
      "a Message-ID twice",
      (b) => b.mailboxMessages.push({ ...b.mailboxMessages[0]!, readers: [] }),
      "mailboxMessages.1.messageId",
    ],
    [
      "a reader who is no address",
      (b) => Object.assign(b.mailboxMessages[0]!, { readers: ["ada"] }),
      "mailboxMessages.0.readers.0",
    ],
    [
      "a reader twice",
      (b) => Object.assign(b.mailboxMessages[0]!, { readers: ["ada@example.com", "ADA@example.com"] }),
      "mailboxMessages.0.readers.1",
    ],
    [
      "a message's dangling interaction",
      (b) => Object.assign(b.mailboxMessages[0]!, { interactionRef: "interaction-9" }),
      "mailboxMessages.0.interactionRef",
    ],
    ["a stored body", (b) => Object.assign(b.mailboxMessages[0]!, { body: "Dear Ada" }), "mailboxMessages.0"],
    [
      "a calendar's address in clear",
      (b) => Object.assign(b.calendars[1]!, { url: "https://cal.example/t0ken/team.ics" }),
      "calendars.1",
    ],
    ["a calendar with no name", (b) => Object.assign(b.calendars[1]!, { name: " " }), "calendars.1.name"],
    [
      "a masked address on the file calendar",
      (b) => Object.assign(b.calendars[0]!, { maskedUrl: "https://x.example/…" }),
      "calendars.0.maskedUrl",
    ],
    [
      "two file calendars",
      (b) => Object.assign(b.calendars[1]!, { kind: "file", maskedUrl: null }),
      "calendars.1.kind",
    ],
    [
      "an event of no calendar",
      (b) => Object.assign(b.calendarEvents[0]!, { calendarRef: "calendar-9" }),
      "calendarEvents.0.calendarRef",
    ],
    [
      "an occurrence twice",
      (b) => b.calendarEvents.push({ ...b.calendarEvents[0]!, interactionRef: null }),
      "calendarEvents.2.uid",
    ],
    [
      "a recurrence id that is no instant",
      (b) => Object.assign(b.calendarEvents[0]!, { recurrenceId: "2026-10-01" }),
      "calendarEvents.0.recurrenceId",
    ],
    ["a UID with blanks around", (b) => Object.assign(b.calendarEvents[0]!, { uid: " u@x " }), "calendarEvents.0.uid"],
  ];
  it.each(bad)("refuses %s, naming the backup's path", async (_name, spoil, path) => {
    const backup = sampleBackup();
    spoil(backup);
    expect(await outcomeOf(backup)).toBe(path);
  });

  it("answers every small corruption of every field with a validation error or a valid backup, never a crash", async () => {
    const doc = sampleBackup() as unknown as Json;
    const paths = pathsOf(doc);
    let refused = 0;
    let tried = 0;
    // Each path gets five of the mutations, a different five from path to path (all of them over the document).
    for (const [i, path] of paths.entries()) {
      for (let k = 0; k < 5; k++) {
        const outcome = await outcomeOf(mutated(doc, path, MUTATIONS[(i * 5 + k) % MUTATIONS.length]));
        tried++;
        if (outcome !== "valid") refused++;
      }
    }
    // Most corruptions are refused; a few are values the schemas allow (an empty label, another existing ref).
    expect(paths.length).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(tried * 0.7);
  }, 60_000);
});
