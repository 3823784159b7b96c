import { DIALECTS, insertTestUser, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { createContact } from "../contacts/contact-service.ts";
import { listInteractions } from "../interactions/interaction-service.ts";
import type { MailFolder, MailMessage, MailReader } from "./mailbox-port.ts";
import {
  disconnectMailbox,
  type MailboxDeps,
  mailboxStatus,
  requestMailboxSync,
  saveMailbox,
} from "./mailbox-service.ts";
import { MAILBOX_BATCH, NOT_AN_EDITOR, runMailboxSyncTick, syncMailboxNow } from "./sync-mailbox.ts";

const message = (uid: number, from: string, to = "alice@example.test"): MailMessage => ({
  ...{ uid, messageId: `<m${uid}@mail.test>`, date: `2026-10-20T09:${String(uid % 60).padStart(2, "0")}:00.000Z` },
  ...{ subject: `Message ${uid}`, from: [{ address: from, name: null }], to: [{ address: to, name: null }], cc: [] },
  ...{ bcc: [], deliveredTo: [], inReplyTo: null, listId: null, autoSubmitted: null, precedence: null, text: null },
});

/**
 * A mail server as the test sets it (the IMAP reader itself runs against a real Dovecot in server/src/mailbox):
 * folders with their messages, and a fault to throw at the n-th fetch.
 */
function server(folders: Record<string, MailMessage[]>, listed: MailFolder[] = []) {
  const state = { fetches: 0, failAt: 0, opened: [] as string[] };
  const reader: MailReader = {
    connect: async () => {
      let open: MailMessage[] = [];
      return {
        folders: async () => listed,
        open: async (path) => {
          state.opened.push(path);
          if (!folders[path]) return null;
          open = folders[path]!;
          return { uidValidity: "1" };
        },
        fetch: async (afterUid, _since, limit) => {
          state.fetches += 1;
          if (state.fetches === state.failAt) throw new Error("connection reset mid-folder");
          return open.filter((m) => m.uid > afterUid).slice(0, limit);
        },
        close: async () => {},
      };
    },
  };
  return { reader, state };
}

const sealer = { seal: (p: string) => `sealed:${p}`, open: (s: string) => s.slice("sealed:".length) };

describe.each(DIALECTS)("syncing a mailbox on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const connect = async (deps: MailboxDeps, extra: object = {}) =>
    saveMailbox(deps, w.alice, {
      host: "imap.example.com",
      user: "alice",
      password: "pw",
      startOn: "2026-10-01",
      ...extra,
    });
  const logged = async (contactId: string) =>
    (await listInteractions(w.deps, w.alice, { contactId }, { limit: 200 })).items.map((i) => i.summary).sort();

  it("a crash mid-folder keeps the batches committed with their mark; the next run adds the rest, none twice", async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const count = MAILBOX_BATCH + 20;
    const mail = server({ INBOX: Array.from({ length: count }, (_, i) => message(i + 1, "rosa@example.com")) });
    const deps: MailboxDeps = { ...w.deps, sealer, mailReader: mail.reader };
    await connect(deps, { folders: ["INBOX"] });
    mail.state.failAt = 2;
    const [first] = await runMailboxSyncTick(deps, { owner: "a" });
    expect(first).toEqual({
      messages: 0,
      logged: 0,
      error: "Reading the mailbox failed unexpectedly; it will be tried again",
    });
    expect(await logged(rosa.id)).toHaveLength(MAILBOX_BATCH);
    expect(await w.deps.store.mailbox.folderMark(w.alice.accountId, w.alice.userId, "INBOX")).toEqual({
      uidValidity: "1",
      lastUid: MAILBOX_BATCH,
    });
    expect(await mailboxStatus(w.deps, w.alice)).toMatchObject({
      state: "failing",
      counts: { messages: MAILBOX_BATCH },
    });
    w.clock.set("2026-11-02T09:01:00.000Z");
    const [second] = await runMailboxSyncTick(deps, { owner: "b" });
    expect(second).toEqual({ messages: count - MAILBOX_BATCH, logged: count - MAILBOX_BATCH, error: null });
    const summaries = await logged(rosa.id);
    expect(summaries).toHaveLength(count);
    expect(new Set(summaries).size).toBe(count);
    expect(await mailboxStatus(w.deps, w.alice)).toMatchObject({
      state: "ok",
      error: null,
      counts: { messages: count, logged: count },
    });
  }, 60_000);

  it("reads the inbox and the special-use Sent folder by default, and the BCC-to-log folder", async () => {
    const mail = server({ INBOX: [], "Sent Items": [], Kith: [], Junk: [] }, [
      { path: "INBOX", specialUse: "\\Inbox" },
      { path: "Sent Items", specialUse: "\\Sent" },
      { path: "Junk", specialUse: "\\Junk" },
      { path: "Kith", specialUse: null },
    ]);
    const deps: MailboxDeps = { ...w.deps, sealer, mailReader: mail.reader };
    await connect(deps, { logFolder: "Kith" });
    await runMailboxSyncTick(deps, { owner: "a" });
    expect(mail.state.opened).toEqual(["INBOX", "Sent Items", "Kith"]);
  });

  it('"sync now" during a running sync is not lost: the mailbox runs again on the next pass, not at the next poll', async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const inbox = [message(1, "rosa@example.com")];
    const mail = server({ INBOX: inbox });
    const reader: MailReader = {
      connect: async (account) => {
        const session = await mail.reader.connect(account);
        return {
          ...session,
          fetch: async (afterUid, since, limit, opts) => {
            const got = await session.fetch(afterUid, since, limit, opts);
            if (got.length === 0 && inbox.length === 1) {
              // New mail lands once the run has read to the end of the folder; the member presses "sync now".
              inbox.push(message(2, "rosa@example.com"));
              w.clock.set("2026-11-02T09:00:30.000Z");
              await requestMailboxSync(w.deps, w.alice);
            }
            return got;
          },
        };
      },
    };
    const deps: MailboxDeps = { ...w.deps, sealer, mailReader: reader };
    w.clock.set("2026-11-02T09:00:00.000Z");
    await connect(deps, { folders: ["INBOX"] });
    expect(await runMailboxSyncTick(deps, { owner: "a" })).toEqual([{ messages: 1, logged: 1, error: null }]);
    w.clock.set("2026-11-02T09:00:40.000Z");
    expect(await mailboxStatus(w.deps, w.alice)).toMatchObject({ state: "ok", nextRunAt: "2026-11-02T09:00:30.000Z" });
    expect(await runMailboxSyncTick(deps, { owner: "a" })).toEqual([{ messages: 1, logged: 1, error: null }]);
    expect(await logged(rosa.id)).toEqual(["Message 1", "Message 2"]);
    // Nothing asked during that second run: the next one is the poll.
    expect(await runMailboxSyncTick(deps, { owner: "a" })).toEqual([]);
  });

  it("two runs at once: one reads, the other is told a sync is running; each message is logged once", async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const mail = server({ INBOX: Array.from({ length: 30 }, (_, i) => message(i + 1, "rosa@example.com")) });
    const deps: MailboxDeps = { ...w.deps, sealer, mailReader: mail.reader };
    await connect(deps, { folders: ["INBOX"] });
    const runs = await Promise.all([
      syncMailboxNow(deps, w.alice),
      syncMailboxNow(deps, w.alice),
      runMailboxSyncTick(deps, { owner: "job" }),
    ]);
    const results = [runs[0], runs[1], ...runs[2]];
    expect(results.filter((r) => r?.logged === 30)).toHaveLength(1);
    expect(
      results.filter((r) => r?.error === "A sync of this mailbox is already running").length,
    ).toBeGreaterThanOrEqual(1);
    expect(await logged(rosa.id)).toHaveLength(30);
  });

  it("a member who may no longer write (a viewer now, or gone) logs nothing: the mailbox says it is paused", async () => {
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const mail = server({ INBOX: [message(1, "rosa@example.com")] });
    const deps: MailboxDeps = { ...w.deps, sealer, mailReader: mail.reader };
    await connect(deps, { folders: ["INBOX"] });
    await w.deps.store.memberships.updateRole(w.alice.accountId, w.alice.userId, "viewer");
    expect(await runMailboxSyncTick(deps, { owner: "a" })).toEqual([{ messages: 0, logged: 0, error: NOT_AN_EDITOR }]);
    expect(mail.state.opened).toEqual([]);
    expect(await logged(rosa.id)).toEqual([]);
  });

  it("disconnecting and removing takes only what this mailbox alone captured: a message two members' mailboxes held stays", async () => {
    await insertTestUser(w.db, { id: "user-carl", email: "carl@example.test", name: "Carl" });
    const carl: Actor = { accountId: w.alice.accountId, userId: "user-carl", role: "editor" };
    await w.deps.store.memberships.insert({ ...carl, createdAt: "2026-10-01T00:00:00.000Z" });
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });
    const both = message(1, "rosa@example.com");
    both.cc = [{ address: "carl@example.test", name: "Carl" }];
    const alicesOnly = message(2, "rosa@example.com");
    const carlsOnly = { ...message(3, "rosa@example.com", "carl@example.test"), subject: "Carl only" };
    const alicesMail = server({ INBOX: [both, alicesOnly] });
    const carlsMail = server({
      INBOX: [
        { ...both, uid: 7 },
        { ...carlsOnly, uid: 8 },
      ],
    });
    const save = (actor: Actor, deps: MailboxDeps) =>
      saveMailbox(deps, actor, { host: "imap.example.com", user: "u", password: "pw", startOn: "2026-10-01" });
    const aliceDeps: MailboxDeps = { ...w.deps, sealer, mailReader: alicesMail.reader };
    const carlDeps: MailboxDeps = { ...w.deps, sealer, mailReader: carlsMail.reader };
    await save(w.alice, aliceDeps);
    await syncMailboxNow(aliceDeps, w.alice);
    await save(carl, carlDeps);
    await syncMailboxNow(carlDeps, carl);
    expect(await logged(rosa.id)).toEqual(["Carl only", "Message 1", "Message 2"]);

    await disconnectMailbox(w.deps, w.alice, { keep: "false" });
    // Message 1 was in Carl's mailbox too: it stays; Message 2 was Alice's alone.
    expect(await logged(rosa.id)).toEqual(["Carl only", "Message 1"]);
    await disconnectMailbox(w.deps, carl, { keep: "false" });
    expect(await logged(rosa.id)).toEqual([]);
    expect(await w.deps.store.mailbox.messageInteraction(w.alice.accountId, "<m1@mail.test>")).toBeNull();
  });

  it("a member of another account never reads or writes this one's mailbox", async () => {
    const mail = server({ INBOX: [] });
    const deps: MailboxDeps = { ...w.deps, sealer, mailReader: mail.reader };
    await connect(deps);
    expect(await mailboxStatus(w.deps, w.bob)).toBeNull();
    expect(await syncMailboxNow(deps, w.bob)).toBeNull();
    expect(await w.deps.store.mailbox.find(w.bob.accountId, w.alice.userId)).toBeNull();
  });
});
