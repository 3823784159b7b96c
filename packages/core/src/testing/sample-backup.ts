const at = "2026-10-01T08:00:00.000Z";

/** A small backup with one row of every kind, every field filled: for tests of the restore. */
export function sampleBackup() {
  return {
    format: "kith-backup",
    version: 2,
    account: {
      ...{ name: "Sample", timeZone: "Europe/Berlin", country: "DE" },
      settings: {
        engine: {
          dailyCap: 4,
          circles: {
            close: { mode: "cadence", idealDays: 30, maxDays: 45 },
            "occasions-only": { mode: "occasions-only" },
          },
        },
        muted: false,
        mutedTags: ["quiet"],
        tagCadences: { mentor: { idealDays: 60, maxDays: 80 } },
      },
    },
    notify: { digest: "weekly", hour: 7 },
    webhooks: [{ ref: "webhook-1", url: "https://ntfy.sh/topic", format: "ntfy", secret: "whsec_x", createdAt: at }],
    companies: [
      {
        ref: "company-1",
        name: "Acme",
        domain: "acme.example",
        target: true,
        notes: "n",
        createdAt: at,
        updatedAt: at,
      },
    ],
    contacts: [
      {
        ...{
          ref: "contact-1",
          firstName: "Zoë",
          lastName: "مرحبا",
          emails: [{ address: "z@example.com", label: "work" }],
        },
        ...{ phones: [{ number: "+1 555 0100" }], links: [{ url: "https://example.com" }], companyRef: "company-1" },
        ...{ title: "CTO", tags: ["mentor"], interests: ["chess"], howWeMet: "", notes: "=1+1\n🎉" },
        ...{ birthday: { month: 2, day: 29, year: null }, circle: "close", timeZone: "America/New_York", muted: false },
        ...{ cadenceOverride: { idealDays: 20, maxDays: 30 }, snoozedUntilOn: "2026-11-05", movedOnAt: null },
        ...{ moveOnNote: null, circleBeforeMoveOn: null, archivedAt: null, createdAt: at, updatedAt: at },
      },
      {
        ...{ ref: "contact-2", firstName: "Ben", lastName: "", emails: [], phones: [], links: [], companyRef: null },
        ...{ title: "", tags: [], interests: [], howWeMet: "", notes: "", birthday: null, circle: "occasions-only" },
        ...{ timeZone: null, muted: true, cadenceOverride: null, snoozedUntilOn: null, movedOnAt: at },
        ...{ moveOnNote: "no answer", circleBeforeMoveOn: "close", archivedAt: at, createdAt: at, updatedAt: at },
      },
    ],
    interactions: [
      {
        ...{ ref: "interaction-1", contactRefs: ["contact-1", "contact-2"], kind: "meeting", direction: "mutual" },
        ...{ occurredAt: at, summary: "Coffee", meaningful: true, source: "manual", createdAt: at, updatedAt: at },
      },
    ],
    followUps: [
      {
        ...{ ref: "follow-up-1", contactRef: "contact-1", interactionRef: "interaction-1", opportunityId: "opp-1" },
        ...{ askId: null, dueOn: "2026-11-10", title: "Thank", notes: "", status: "done", snoozedUntilOn: null },
        ...{ completedAt: at, createdAt: at, updatedAt: at },
      },
    ],
    duplicateDismissals: [{ contactRefs: ["contact-1", "contact-2"] }],
    campaigns: [
      {
        ...{ ref: "campaign-1", name: "Thanksgiving 2026", mode: "email", template: "default:holiday" },
        occasion: { kind: "thanksgiving", name: "Thanksgiving", holidayId: null },
        segment: { circle: "close", companyRef: "company-1", includeArchived: false, includeMovedOn: false },
        ...{ myUpdate: "New job 🎉", status: "sending", createdAt: at, updatedAt: at },
      },
    ],
    campaignRecipients: [
      {
        ...{ campaignRef: "campaign-1", contactRef: "contact-1", position: 0, displayName: "Zoë مرحبا" },
        ...{ email: "z@example.com", personalLine: "I still think about our coffee.", subject: "Happy Thanksgiving" },
        ...{ body: "Hi Zoë,\n\nHappy Thanksgiving!", bodyEdited: false, status: "sending", reason: "" },
        ...{ sendKey: "k-1", interactionRef: "interaction-1", sentAt: null },
      },
    ],
    mailboxMessages: [
      {
        ...{ messageId: "CAF=x1@mail.example", interactionRef: "interaction-1", occurredAt: at, createdAt: at },
        readers: ["ada@example.com", "bea@example.com"],
      },
    ],
    calendars: [
      { ref: "calendar-1", kind: "file", name: "Imported files", maskedUrl: null, createdAt: at },
      {
        ref: "calendar-2",
        kind: "subscription",
        name: "Team",
        maskedUrl: "https://cal.example/…/team.ics",
        createdAt: at,
      },
    ],
    calendarEvents: [
      { calendarRef: "calendar-1", uid: "weekly-1@example.com", recurrenceId: at, interactionRef: "interaction-1" },
      { calendarRef: "calendar-2", uid: "gone@example.com", recurrenceId: "", interactionRef: null },
    ],
  };
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON document, the document itself first. */
export function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  }
  return here;
}

export const DELETE = Symbol("delete");
/** What a hand-edited or corrupted backup holds where it should not. */
export const MUTATIONS: unknown[] = [
  DELETE,
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  "",
  " ",
  "x".repeat(200_000),
  "javascript:alert(1)",
  "9999-12-31",
  "9999-12-31T00:00:00Z",
  "contact-99",
  "contact-1",
  [],
  [null],
  {},
  { ref: "contact-1" },
];

/** The document with the value at `path` replaced by `to` (or taken out: DELETE). */
export function mutated(doc: Json, path: (string | number)[], to: unknown): unknown {
  if (path.length === 0) return to === DELETE ? undefined : to;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (to === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = to;
  return copy;
}

/** Each path of the sample with `perPath` of the mutations, a different few from path to path. */
export function corruptedSamples(perPath: number): { path: (string | number)[]; doc: unknown }[] {
  const doc = sampleBackup() as unknown as Json;
  return pathsOf(doc).flatMap((path, i) =>
    Array.from({ length: perPath }, (_, k) => ({
      path,
      doc: mutated(doc, path, MUTATIONS[(i * perPath + k) % MUTATIONS.length]),
    })),
  );
}
