import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createContact, getAnalytics, logInteraction, setContactArchived, updateSettings } from "../index.ts";

describe.each(DIALECTS)("analytics on %s", (dialect) => {
  // Wednesday 2026-11-04, 09:00 in New York.
  const w = useTestWorld(dialect, {
    startAt: "2026-11-04T14:00:00.000Z",
    aliceAccount: { timeZone: "America/New_York" },
  });

  it("reads reply rates, the forgotten inbox, connections per month and circle health from one account", async () => {
    const { deps, alice, bob } = w;
    const log = (contactId: string, occurredAt: string, kind: string, direction: string) =>
      logInteraction(deps, alice, { contactIds: [contactId], kind, direction, occurredAt });
    const zoe = await createContact(deps, alice, { firstName: "Zoë", lastName: "Ångström", circle: "close" });
    const ren = await createContact(deps, alice, { firstName: "Ren", circle: "inner" });
    const old = await createContact(deps, alice, { firstName: "Old", circle: "inner" });

    // Zoë: an email answered 6 hours later, a message never answered; she wrote last in October → owed a reply.
    await log(zoe.id, "2026-09-01T10:00:00Z", "email", "outbound");
    await log(zoe.id, "2026-09-01T16:00:00Z", "email", "inbound");
    await log(zoe.id, "2026-09-10T10:00:00Z", "message", "outbound");
    await log(zoe.id, "2026-10-20T10:00:00Z", "message", "inbound");
    // Ren: seven calls in October make a connection (target 7), the last on 31 Oct 23:30 New York = 1 Nov UTC.
    for (const day of [1, 4, 8, 12, 16, 20])
      await log(ren.id, `2026-10-${String(day).padStart(2, "0")}T15:00:00Z`, "call", "mutual");
    await log(ren.id, "2026-11-01T03:30:00Z", "call", "mutual");
    // An archived person who wrote last is not listed; neither is Bob's data.
    await log(old.id, "2026-10-01T10:00:00Z", "email", "inbound");
    await setContactArchived(deps, alice, old.id, true);
    const bobs = await createContact(deps, bob, { firstName: "Bobs" });
    await logInteraction(deps, bob, { contactIds: [bobs.id], kind: "email", direction: "inbound" });

    const a = await getAnalytics(deps, alice);
    expect(a.todayOn).toBe("2026-11-04");
    expect(a.sinceOn).toBe("2025-11-04");
    expect(a.replies.overall).toEqual({ sent: 2, answered: 2, rate: 1, medianHoursToReply: 483 });
    expect(a.replies.byChannel).toEqual([
      { kind: "email", sent: 1, answered: 1, rate: 1, medianHoursToReply: 6 },
      { kind: "message", sent: 1, answered: 1, rate: 1, medianHoursToReply: 960 },
    ]);
    expect(a.replies.sampled).toBe(false);
    expect(a.owedReplies).toEqual([
      { contactId: zoe.id, displayName: "Zoë Ångström", wroteAt: "2026-10-20T10:00:00.000Z", waitingDays: 15 },
    ]);
    expect(a.connectionsPerMonth).toHaveLength(12);
    expect(a.connectionsPerMonth.at(-2)).toEqual({ month: "2026-10", connected: 1 });
    expect(a.connectionsPerMonth.at(-1)).toEqual({ month: "2026-11", connected: 0 });
    const health = Object.fromEntries(a.health.map((h) => [h.circle, h]));
    expect(health.inner).toEqual({ circle: "inner", contacts: 1, withinCadence: 1, share: 1 });
    expect(health.close?.contacts).toBe(1);
    expect(a.health.map((h) => h.circle)).toEqual(["inner", "close", "network", "acquaintance"]);
  });

  it("follows the account's connection target", async () => {
    const { deps, alice } = w;
    await updateSettings(deps, alice, { connectionTarget: 8 });
    const ren = await createContact(deps, alice, { firstName: "Ren", circle: "inner" });
    for (const day of [1, 4, 8, 12, 16, 20, 24]) {
      await logInteraction(deps, alice, {
        contactIds: [ren.id],
        kind: "call",
        direction: "mutual",
        occurredAt: `2026-10-${String(day).padStart(2, "0")}T15:00:00Z`,
      });
    }
    const a = await getAnalytics(deps, alice);
    expect(a.connectionsPerMonth.reduce((n, m) => n + m.connected, 0)).toBe(0);
  });
});
