import type { MailboxSettings } from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

const T0 = "2026-11-03T13:00:00.000Z";
const T1 = "2026-11-03T13:01:00.000Z";
const T9 = "2026-11-03T13:09:00.000Z";

describe.each(DIALECTS)("the mailbox repository on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const settings = (accountId: string, userId: string): MailboxSettings => ({
    ...{ accountId, userId, host: "imap.example.com", port: 993, tls: true, user: "u", sealedPassword: "ks1.x" },
    ...{ folders: ["INBOX"], startOn: "2026-10-01", storeBodies: false, autoCreate: false, aliases: ["a@b.example"] },
    ...{ logFolder: null, logAddress: "u+kith@example.com", createdAt: T0, updatedAt: T0 },
  });

  it("keeps each member's mailbox to its account, with the sign-in address, due at once", async () => {
    const repo = w.deps.store.mailbox;
    await repo.save(w.alice.accountId, settings(w.alice.accountId, w.alice.userId), T0);
    expect(await repo.find(w.alice.accountId, w.alice.userId)).toMatchObject({
      userEmail: "alice@example.test",
      aliases: ["a@b.example"],
      tls: true,
      state: "waiting",
      nextRunAt: T0,
      messagesCount: 0,
    });
    expect(await repo.find(w.bob.accountId, w.alice.userId)).toBeNull();
    expect(await repo.delete(w.bob.accountId, w.alice.userId)).toBe(false);
    expect(await repo.due(T0, 10)).toEqual([{ accountId: w.alice.accountId, userId: w.alice.userId }]);
  });

  it("leases a mailbox to one holder; only the holder writes its outcome; a lapsed lease is taken over", async () => {
    const repo = w.deps.store.mailbox;
    const { accountId, userId } = w.alice;
    await repo.save(accountId, settings(accountId, userId), T0);
    expect(await repo.claim(accountId, userId, "a", T1, T0)).toMatchObject({ state: "syncing" });
    expect(await repo.claim(accountId, userId, "b", T1, T0)).toBeNull();
    expect(await repo.due(T0, 10)).toEqual([]);
    expect(await repo.holdLease(accountId, userId, "b", T9)).toBe(false);
    const outcome = { state: "ok" as const, error: null, lastRunAt: T0, lastSuccessAt: T0, nextRunAt: T9, failures: 0 };
    expect(await repo.finishRun(accountId, userId, "b", { ...outcome, claimedAt: T0 })).toBe(false);
    // a's lease lapses at T1: b takes it, and a can no longer write.
    expect(await repo.claim(accountId, userId, "b", T9, T1)).not.toBeNull();
    expect(await repo.holdLease(accountId, userId, "a", T9)).toBe(false);
    expect(await repo.finishRun(accountId, userId, "b", { ...outcome, claimedAt: T1 })).toBe(true);
    expect(await repo.find(accountId, userId)).toMatchObject({ state: "ok", nextRunAt: T9, lastRunAt: T0 });
  });

  it("a run asked for while one is running keeps the mailbox due when that run ends, not at the next poll", async () => {
    const repo = w.deps.store.mailbox;
    const { accountId, userId } = w.alice;
    await repo.save(accountId, settings(accountId, userId), T0);
    expect(await repo.claim(accountId, userId, "a", T9, T0)).toMatchObject({ state: "syncing", nextRunAt: T0 });
    expect(await repo.requestRun(accountId, userId, T1)).toBe(true);
    expect(await repo.find(accountId, userId)).toMatchObject({ state: "syncing" });
    const outcome = { state: "ok" as const, error: null, lastRunAt: T1, lastSuccessAt: T1, failures: 0 };
    expect(await repo.finishRun(accountId, userId, "a", { ...outcome, nextRunAt: T9, claimedAt: T0 })).toBe(true);
    expect(await repo.find(accountId, userId)).toMatchObject({ state: "ok", nextRunAt: T1 });
    expect(await repo.due(T1, 10)).toEqual([{ accountId, userId }]);
    // With no request during the run, the next run is the poll the outcome names.
    expect(await repo.claim(accountId, userId, "a", T9, T1)).not.toBeNull();
    expect(await repo.finishRun(accountId, userId, "a", { ...outcome, nextRunAt: T9, claimedAt: T1 })).toBe(true);
    expect(await repo.find(accountId, userId)).toMatchObject({ nextRunAt: T9 });
    expect(await repo.due(T1, 10)).toEqual([]);
  });

  it("the ledger takes each Message-ID once per account; correspondents group by address, dismissed ones left out", async () => {
    const repo = w.deps.store.mailbox;
    const { accountId, userId } = w.alice;
    const row = { messageId: "m1@x", userId, occurredAt: T0, body: null, createdAt: T0 };
    expect(await repo.recordMessage(accountId, row)).toBe(true);
    expect(await repo.recordMessage(accountId, { ...row, userId: "someone-else" })).toBe(false);
    expect(await repo.recordMessage(w.bob.accountId, { ...row, userId: w.bob.userId })).toBe(true);
    expect(await repo.messageInteraction(accountId, "m1@x")).toBeNull();
    await repo.linkMessage(accountId, "m1@x", "i1");
    expect(await repo.messageInteraction(accountId, "m1@x")).toBe("i1");
    expect(await repo.messageInteraction(w.bob.accountId, "m1@x")).toBeNull();
    // Another member's mailbox ("someone-else") held it too: it is not this mailbox's alone.
    expect(await repo.capturedOnlyBy(accountId, userId)).toEqual([]);
    expect(await repo.capturedOnlyBy(accountId, "someone-else")).toEqual([]);

    const from = (address: string, messageId: string, occurredAt: string) =>
      repo.addCorrespondentMessage(accountId, userId, {
        ...{ address, messageId, name: "Zoë", direction: "inbound" as const, subject: "s", occurredAt },
      });
    await from("zoe@x.example", "a", T0);
    await from("zoe@x.example", "b", T1);
    await from("zoe@x.example", "b", T1);
    await from("max@x.example", "c", T0);
    await from("max@x.example", "d", T9);
    await from("one@x.example", "e", T0);
    expect(await repo.correspondents(accountId, userId, 2, 10)).toEqual([
      // No calendar here: every count is messages; the address as written is the calendar's (none).
      { address: "max@x.example", givenAddress: null, name: "Zoë", count: 2, messages: 2, meetings: 0, lastAt: T9 },
      { address: "zoe@x.example", givenAddress: null, name: "Zoë", count: 2, messages: 2, meetings: 0, lastAt: T1 },
    ]);
    await repo.dismiss(accountId, userId, "max@x.example", T1);
    await repo.dismiss(accountId, userId, "max@x.example", T1);
    expect((await repo.correspondents(accountId, userId, 1, 10)).map((c) => c.address)).toEqual([
      "zoe@x.example",
      "one@x.example",
    ]);
    expect(await repo.correspondents(w.bob.accountId, w.bob.userId, 1, 10)).toEqual([]);
    await repo.forgetMessages(accountId, userId);
    expect(await repo.capturedOnlyBy(accountId, userId)).toEqual([]);
    expect(await repo.messageInteraction(accountId, "m1@x")).toBe("i1");
    expect(await repo.capturedOnlyBy(accountId, "someone-else")).toEqual(["i1"]);
    await repo.forgetMessages(accountId, "someone-else");
    expect(await repo.messageInteraction(accountId, "m1@x")).toBeNull();
  });
});
