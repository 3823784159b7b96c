import {
  type Actor,
  addFollowUp,
  commitImport,
  completeFollowUp,
  createAccountForUser,
  createApiToken,
  createCompany,
  createContact,
  type Deps,
  doneToday,
  logInteraction,
  mergeContacts,
  moveOn,
  snoozeFollowUp,
  updateContact,
  updateSettings,
} from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import type { OpenDatabase } from "../../database.ts";
import { createStore } from "../../store.ts";
import { insertTestUser } from "../../testing/test-databases.ts";

/** Who the snapshot holds: Ana's account has years of messy history; Bo's a little, to catch scoping mistakes. */
export const SNAPSHOT_USERS = [
  { id: "user-ana", email: "ana@example.test", name: "Ana Ñúñez" },
  { id: "user-bo", email: "bo@example.test", name: "Bo" },
] as const;

const DAY = 86_400_000;

/**
 * Fills a freshly migrated database through the real services, as a user of that release would have: contacts
 * with accents, emoji, RTL and long notes; companies; years of interactions in every direction; follow-ups done,
 * snoozed and open; a today action, a move-on, a merge, an import and an API token. Used by
 * `make-snapshot.ts` to write the committed snapshot of a released schema, and never changed afterwards.
 */
export async function populateSnapshot(open: OpenDatabase, at = "2026-12-06T10:00:00.000Z"): Promise<void> {
  const clock = new FakeClock(at);
  const deps: Deps = {
    store: createStore(open.db, open.dialect),
    clock,
    ids: new SequentialIds(),
    secrets: new PlainSecrets(),
  };
  const actors: Actor[] = [];
  for (const user of SNAPSHOT_USERS) {
    await insertTestUser(open, user);
    const account = await deps.store.transaction((tx) =>
      createAccountForUser(deps, tx, { id: user.id, name: user.name }, { timeZone: "Europe/Madrid" }),
    );
    actors.push({ userId: user.id, accountId: account.id, role: "owner" });
  }
  const [ana, bo] = actors as [Actor, Actor];
  await updateSettings(deps, ana, { dailyCap: 7, weeklyGoal: 2 });

  const acme = await createCompany(deps, ana, { name: "Société Générale 🏦", domain: "socgen.example", target: true });
  const plain = await createCompany(deps, ana, { name: "=cmd|' /C calc'!A0" });
  const people = [
    { firstName: "José", lastName: "Ñúñez", companyId: acme.id, circle: "inner" },
    { firstName: "Zoë", lastName: "O'Brien-Łukasz", circle: "close", tags: ["family", "🎉"] },
    { firstName: "محمد", lastName: "العلي", circle: "network", interests: ["شعر", "tea"] },
    { firstName: "李", lastName: "小龍", circle: "acquaintance", timeZone: "Asia/Shanghai" },
    { firstName: "Renée", lastName: "", companyId: plain.id, birthday: { month: 2, day: 29, year: 1988 } },
    { firstName: "+1 555", lastName: "@Formula", notes: "=SUM(A1:A9)\n\n**bold** <b>raw</b>" },
    { firstName: "Ann", lastName: "Lee", emails: [{ address: "ann@example.com", label: "work" }] },
    { firstName: "Ann", lastName: "Lee", emails: [{ address: "ann.lee@example.org" }] },
    { firstName: "Muted", lastName: "Mo", muted: true, cadenceOverride: { idealDays: 10, maxDays: 20 } },
    { firstName: "Long", lastName: "Notes", notes: `# Notes\n\n${'Line with ✨ and "quotes".\n'.repeat(400)}` },
  ];
  const ids: string[] = [];
  for (const p of people) ids.push((await createContact(deps, ana, p)).id);
  const start = Date.parse(at) - 3 * 365 * DAY;
  const kinds = ["email", "call", "meeting", "message", "letter", "social", "other"] as const;
  const directions = ["outbound", "inbound", "mutual"] as const;
  for (let i = 0; i < 60; i += 1) {
    const who = ids[i % ids.length] as string;
    await logInteraction(deps, ana, {
      contactIds: i % 9 === 0 ? [who, ids[(i + 1) % ids.length] as string] : [who],
      kind: kinds[i % kinds.length],
      direction: directions[(i * 7) % 3],
      occurredAt: new Date(start + i * 17 * DAY + (i % 5) * 3_600_000).toISOString(),
      summary: i % 4 === 0 ? `Talked about 📚 and “quotes” #${i}` : "",
    });
  }
  // Three unanswered messages in a row, then a move-on.
  for (let i = 0; i < 3; i += 1) {
    await logInteraction(deps, ana, {
      contactIds: [ids[3] as string],
      kind: "email",
      direction: "outbound",
      occurredAt: new Date(Date.parse(at) - (40 - i * 10) * DAY).toISOString(),
    });
  }
  await moveOn(deps, ana, ids[3] as string);
  await addFollowUp(deps, ana, { contactId: ids[0], dueOn: "2026-12-10", title: "Ask about the move 🏠" });
  const done = await addFollowUp(deps, ana, { contactId: ids[1], dueOn: "2026-11-20", title: "Send the article" });
  await completeFollowUp(deps, ana, done.id, { log: { kind: "email", direction: "outbound" } });
  const snoozed = await addFollowUp(deps, ana, { contactId: ids[2], dueOn: "2026-12-01", title: "Call back" });
  await snoozeFollowUp(deps, ana, snoozed.id, { untilOn: "2026-12-20" });
  await doneToday(deps, ana, ids[0] as string, { kind: "call", direction: "mutual" }).catch(() => undefined);
  await updateContact(deps, ana, ids[4] as string, { title: "Ingénieure", howWeMet: "Conférence à Lyon" });
  await mergeContacts(deps, ana, { keepId: ids[6], mergeId: ids[7] });
  await commitImport(deps, ana, {
    content:
      "First Name,Last Name,Email,Company\nÉlodie,Brûlé,elodie@example.fr,Société Générale 🏦\nKeanu,,keanu@example.com,\n,Nameless,,\n",
    fileName: "contacts (1).csv",
    format: "csv",
  });
  await createApiToken(deps, ana, { name: "laptop" });

  const boContact = await createContact(deps, bo, { firstName: "José", lastName: "Ñúñez" });
  await logInteraction(deps, bo, {
    contactIds: [boContact.id],
    kind: "call",
    direction: "mutual",
    occurredAt: new Date(Date.parse(at) - 5 * DAY).toISOString(),
  });
}
