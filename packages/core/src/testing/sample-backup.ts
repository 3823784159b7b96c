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
  };
}
