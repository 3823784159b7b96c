import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  addFollowUp,
  completeFollowUp,
  createCompany,
  createContact,
  exportBackup,
  getContact,
  listWholeContacts,
  logInteraction,
  moveOn,
  restoreBackup,
  setContactArchived,
  snoozeFollowUp,
  updateAccount,
  updateSettings,
} from "../index.ts";

/** A backup made before the network, the messages and the job search: none of their lists. */
const NONE_LATER = {
  relationships: 0,
  asks: 0,
  templates: 0,
  articles: 0,
  campaigns: 0,
  opportunities: 0,
  interviewQuestions: 0,
  jobExpenses: 0,
  mailboxMessages: 0,
  calendars: 0,
  calendarEvents: 0,
};

describe.each(DIALECTS)("backup and restore on %s", (dialect) => {
  const w = useTestWorld(dialect);

  async function fillAlice() {
    await updateAccount(w.deps, w.alice, { country: "US", name: "Alice's people" });
    await updateSettings(w.deps, w.alice, { dailyCap: 7, weeklyGoal: 2 });
    const acme = await createCompany(w.deps, w.alice, { name: "Acme", domain: "acme.example", target: true });
    const rosa = await createContact(w.deps, w.alice, {
      ...{ firstName: "Rosa", lastName: "Calder", companyId: acme.id, title: "CTO", tags: ["Coaches"] },
      ...{ emails: [{ address: "rosa@example.com", label: "work" }], phones: [{ number: "+15125550101" }] },
      ...{
        birthday: { month: 8, day: 2 },
        notes: "Likes *gardening*",
        cadenceOverride: { idealDays: 20, maxDays: 30 },
      },
    });
    w.clock.advanceDays(1);
    const ben = await createContact(w.deps, w.alice, { firstName: "Ben", muted: true, interests: ["chess"] });
    const old = await createContact(w.deps, w.alice, { firstName: "Old", lastName: "Friend" });
    await setContactArchived(w.deps, w.alice, old.id, true);
    const call = await logInteraction(w.deps, w.alice, {
      ...{ contactIds: [rosa.id, ben.id], kind: "meeting", direction: "mutual", summary: "Coffee" },
      occurredAt: "2026-10-30T15:00:00Z",
    });
    for (const day of ["2026-09-01", "2026-09-10", "2026-09-20"]) {
      await logInteraction(w.deps, w.alice, {
        contactIds: [ben.id],
        kind: "email",
        direction: "outbound",
        occurredAt: `${day}T10:00:00Z`,
      });
    }
    await moveOn(w.deps, w.alice, ben.id);
    const f1 = await addFollowUp(w.deps, w.alice, {
      contactId: rosa.id,
      dueOn: "2026-11-10",
      title: "Ask about the launch",
    });
    await completeFollowUp(w.deps, w.alice, f1.id, { log: { kind: "call" } });
    const f2 = await addFollowUp(w.deps, w.alice, {
      contactId: rosa.id,
      dueOn: "2026-11-04",
      title: "Send the article",
    });
    await snoozeFollowUp(w.deps, w.alice, f2.id, { days: 3 });
    return { rosa, call };
  }

  it("export → restore into an empty account → export is byte-identical, with due state recomputed", async () => {
    const { rosa } = await fillAlice();
    const first = JSON.stringify(await exportBackup(w.deps, w.alice), null, 2);
    const backup = JSON.parse(first);
    expect(backup).toMatchObject({
      format: "kith-backup",
      version: 2,
      account: { name: "Alice's people", country: "US" },
    });
    expect(backup.contacts).toHaveLength(3);
    expect(backup.interactions).toHaveLength(5);
    expect(backup.followUps).toHaveLength(2);

    const restored = await restoreBackup(w.deps, w.bob, backup);
    expect(restored).toEqual({ ...NONE_LATER, companies: 1, contacts: 3, interactions: 5, followUps: 2, webhooks: 0 });
    expect(JSON.stringify(await exportBackup(w.deps, w.bob), null, 2)).toBe(first);

    const strip = ({ id: _i, companyId: _c, ...c }: Awaited<ReturnType<typeof getContact>>) => c;
    const alices = (await listWholeContacts(w.deps, w.alice, { archived: "include" }, {})).items.map(strip);
    const bobs = (await listWholeContacts(w.deps, w.bob, { archived: "include" }, {})).items.map(strip);
    expect(bobs).toEqual(alices);
    expect(alices.find((c) => c.firstName === "Rosa")).toMatchObject({
      touchCount: 2,
      lastTouchAt: expect.any(String),
    });
    expect((await getContact(w.deps, w.alice, rosa.id)).nextDueOn).not.toBeNull();
  });

  it("restores only into an empty account, and only for an owner; a broken backup names the field", async () => {
    await fillAlice();
    const backup = await exportBackup(w.deps, w.alice);
    await expect(restoreBackup(w.deps, w.alice, backup)).rejects.toMatchObject({ code: "conflict" });
    await expect(restoreBackup(w.deps, { ...w.bob, role: "editor" }, backup)).rejects.toMatchObject({
      code: "forbidden",
    });
    const broken = { ...backup, contacts: [{ ...backup.contacts[0], emails: "rosa@example.com" }] };
    await expect(restoreBackup(w.deps, w.bob, broken)).rejects.toMatchObject({
      code: "validation",
      message: /^contacts\.0\.emails/,
    });
    const dangling = { ...backup, followUps: [{ ...backup.followUps[0], contactRef: "contact-99" }] };
    await expect(restoreBackup(w.deps, w.bob, dangling)).rejects.toMatchObject({ message: /followUps\.0\.contactRef/ });
    expect((await listWholeContacts(w.deps, w.bob, {}, {})).items).toEqual([]);
  });
});
