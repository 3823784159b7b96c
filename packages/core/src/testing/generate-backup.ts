/**
 * A large, valid backup as text (the format `exportBackup` writes), for timed tests and benchmarks: `contacts`
 * contacts at 300 companies, `interactions` interactions each with one contact, no other rows. Seeded, so one
 * seed gives the same text.
 */
export function generateBackupJson(contacts: number, interactions: number, seed = 5): string {
  let state = seed >>> 0;
  // mulberry32: small, seeded, good enough to pick words and contacts.
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const at = (i: number) => new Date(Date.parse("2021-01-01T00:00:00Z") + i * 600_000).toISOString();
  const words = "coffee project launch hiring design review intro referral conference garden climbing".split(" ");
  const note = () => Array.from({ length: 12 }, () => words[Math.floor(rand() * words.length)]).join(" ");
  const companies = Array.from({ length: 300 }, (_, i) => ({
    ...{ ref: `company-${i}`, name: `Company ${i}`, domain: null, target: false, notes: "" },
    ...{ createdAt: at(0), updatedAt: at(0) },
  }));
  const people: string[] = [];
  for (let i = 0; i < contacts; i++) {
    people.push(
      JSON.stringify({
        ...{ ref: `contact-${i}`, firstName: `First${i}`, lastName: `Last${i % 997}` },
        ...{ emails: [{ address: `c${i}@example.com` }], phones: [], links: [] },
        ...{ companyRef: `company-${i % 300}`, title: "Engineer", tags: ["generated"], interests: [], howWeMet: "" },
        ...{ notes: note(), birthday: null, circle: "network", timeZone: null, muted: false },
        ...{ cadenceOverride: null, snoozedUntilOn: null, movedOnAt: null, moveOnNote: null },
        ...{ circleBeforeMoveOn: null, archivedAt: null, createdAt: at(0), updatedAt: at(0) },
      }),
    );
  }
  const touches: string[] = [];
  for (let i = 0; i < interactions; i++) {
    touches.push(
      JSON.stringify({
        ...{ ref: `interaction-${i}`, contactRefs: [`contact-${Math.floor(rand() * contacts)}`], kind: "email" },
        ...{ direction: "outbound", occurredAt: at(i), summary: note(), meaningful: true, source: "manual" },
        ...{ createdAt: at(i), updatedAt: at(i) },
      }),
    );
  }
  const account = { name: "Restored", timeZone: "America/New_York", country: null, settings: {} };
  const head = JSON.stringify({ format: "kith-backup", version: 1, account, companies });
  return `${head.slice(0, -1)},"contacts":[${people.join(",")}],"interactions":[${touches.join(",")}],"followUps":[]}`;
}

/**
 * A small backup as an object, for restore tests that count batches: `n` contacts (tagged, at three companies),
 * one outbound email each, a follow-up on every `followUpEvery`th contact (none when 0), and the account's
 * `settings`.
 */
export function smallBackupOf(n: number, options: { followUpEvery?: number; settings?: object } = {}) {
  const at = "2026-01-05T10:00:00.000Z";
  const every = options.followUpEvery ?? 0;
  const contacts = Array.from({ length: n }, (_, i) => ({
    ...{ ref: `contact-${i}`, firstName: `First${i}`, lastName: "Last", emails: [{ address: `c${i}@example.com` }] },
    ...{ phones: [], links: [], companyRef: `company-${i % 3}`, title: "", tags: ["restored"], interests: [] },
    ...{ howWeMet: "", notes: "", birthday: null, circle: "network", timeZone: null, muted: false },
    ...{ cadenceOverride: null, snoozedUntilOn: null, movedOnAt: null, moveOnNote: null, circleBeforeMoveOn: null },
    ...{ archivedAt: null, createdAt: at, updatedAt: at },
  }));
  return {
    format: "kith-backup",
    version: 1,
    account: { name: "Restored", timeZone: "Europe/Paris", country: "FR", settings: options.settings ?? {} },
    companies: [0, 1, 2].map((i) => ({
      ...{ ref: `company-${i}`, name: `Company ${i}`, domain: null, target: false, notes: "" },
      ...{ createdAt: at, updatedAt: at },
    })),
    contacts,
    interactions: contacts.map((c, i) => ({
      ...{ ref: `interaction-${i}`, contactRefs: [c.ref], kind: "email", direction: "outbound" },
      ...{ occurredAt: at, summary: "hello", meaningful: true, source: "manual", createdAt: at, updatedAt: at },
    })),
    followUps:
      every === 0
        ? []
        : contacts
            .filter((_, i) => i % every === 0)
            .map((c, i) => ({
              ...{ ref: `follow-up-${i}`, contactRef: c.ref, interactionRef: null, dueOn: "2026-02-01", title: "Call" },
              ...{ notes: "", status: "open", snoozedUntilOn: null, completedAt: null, createdAt: at, updatedAt: at },
            })),
  };
}
