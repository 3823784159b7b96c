import { type Actor, requireRole } from "../accounts/roles.ts";
import { logInteractionIn } from "../interactions/interaction-service.ts";
import type { Repositories } from "../ports/index.ts";
import { SANE_YEARS } from "../shared/sane-dates.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import { ContactEmailIndex, classifyMessage, messageKey } from "./classify-message.ts";
import { MailAccessError, type MailboxRecord, type MailMessage, type MailSession } from "./mailbox-port.ts";
import { type MailboxDeps, openMailboxPassword } from "./mailbox-service.ts";
import type { SyncResult } from "./schemas.ts";
import { autoAcceptSuggestions } from "./suggestion-service.ts";

/** A run's lease: renewed by every batch, so a live holder never loses it; a dead one's lapses in this time. */
export const MAILBOX_LEASE_MS = 5 * 60_000;
/** Time between two runs of a mailbox that synced well. */
export const MAILBOX_POLL_MS = 5 * 60_000;
/** Messages read and written per transaction (each batch commits its folder's high-water mark with its rows). */
export const MAILBOX_BATCH = 50;
/** A failing mailbox waits 1, 2, 4 … minutes, at most an hour, before it is tried again. */
export const retryDelayMs = (failures: number) => Math.min(60_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
/** Text kept per message when the member keeps bodies. */
const MAX_BODY = 20_000;
const MAX_SUMMARY = 500;

export const NOT_AN_EDITOR = "Paused: only editors and owners of the account can log mail into it";

/** Thrown inside a batch whose lease moved to another instance: its transaction rolls back. */
class LeaseLost extends Error {}

export interface MailboxTickOptions {
  owner: string;
  signal?: AbortSignal;
  /** Mailboxes synced at most in one pass (default 5). */
  maxMailboxes?: number;
}

/** The folders a run reads: the chosen ones, or the inbox and the special-use `\Sent`; the BCC-to-log folder too. */
async function foldersToRead(session: MailSession, record: MailboxRecord): Promise<string[]> {
  let chosen = record.folders;
  if (chosen.length === 0) {
    const listed = await session.folders();
    const sent = listed.find((f) => f.specialUse === "\\Sent")?.path;
    chosen = ["INBOX", ...(sent ? [sent] : [])];
  }
  return [...new Set([...chosen, ...(record.logFolder ? [record.logFolder] : [])])];
}

/** The message's instant when it is one Kith stores (1900–2200), else the run's. */
function occurredAtOf(m: MailMessage, nowAt: string): string {
  const t = Date.parse(m.date);
  if (Number.isNaN(t)) return nowAt;
  const year = new Date(t).getUTCFullYear();
  return year >= SANE_YEARS.min && year <= SANE_YEARS.max ? new Date(t).toISOString() : nowAt;
}

interface BatchCounts {
  messages: number;
  logged: number;
}

/**
 * One batch in one transaction: the lease renewed (a run that lost it writes nothing), every contact the batch may
 * touch held first (the order writers take rows in), each message through the ledger (a Message-ID already read in
 * this account — another folder, another member, a resync, a concurrent run — does nothing), the new ones logged
 * through the interaction service (derived state, outreach answered), strangers kept for suggestions, and the
 * folder's high-water mark moved past the batch.
 */
async function writeBatch(
  deps: MailboxDeps,
  record: MailboxRecord,
  owner: string,
  folder: { path: string; uidValidity: string; inLogFolder: boolean },
  batch: MailMessage[],
): Promise<BatchCounts> {
  const { accountId, userId } = record;
  const actor: Actor = { accountId, userId, role: "editor" };
  const nowAt = deps.clock.now().toISOString();
  const untilAt = new Date(deps.clock.now().getTime() + MAILBOX_LEASE_MS).toISOString();
  const member = { own: [record.userEmail, ...record.aliases], logAddress: record.logAddress };
  return deps.store.transaction(async (tx: Repositories) => {
    if (!(await tx.mailbox.holdLease(accountId, userId, owner, untilAt))) throw new LeaseLost();
    const index = new ContactEmailIndex(await tx.mailbox.contactEmails(accountId));
    const classified = batch.map((m) => ({
      m,
      c: classifyMessage(m, { ...member, inLogFolder: folder.inLogFolder }, index),
    }));
    const touched = [...new Set(classified.flatMap(({ c }) => (c.action === "log" ? c.contactIds : [])))].sort();
    if (touched.length > 0) await tx.contacts.lockExisting(accountId, touched);
    const counts: BatchCounts = { messages: 0, logged: 0 };
    for (const { m, c } of classified) {
      const key = messageKey(m);
      const occurredAt = occurredAtOf(m, nowAt);
      // The server searched by arrival; the Date header decides (mail moved in from an old archive).
      if (occurredAt.slice(0, 10) < record.startOn) continue;
      const body = record.storeBodies && m.text ? m.text.slice(0, MAX_BODY) : null;
      const fresh = await tx.mailbox.recordMessage(accountId, {
        messageId: key,
        userId,
        occurredAt,
        body,
        createdAt: nowAt,
      });
      if (!fresh) continue;
      counts.messages += 1;
      if (c.action === "skip") continue;
      const summary = m.subject.trim().slice(0, MAX_SUMMARY);
      if (c.contactIds.length > 0) {
        const logged = await logInteractionIn(deps, tx, actor, {
          contactIds: c.contactIds.slice(0, 50),
          kind: "email",
          direction: c.direction,
          occurredAt,
          summary,
          meaningful: c.meaningful,
          ...(c.meaningful ? {} : { awaitsReply: false }),
          source: "mailbox",
        });
        await tx.mailbox.linkMessage(accountId, key, logged.id);
        counts.logged += 1;
      }
      for (const u of c.unknown) {
        await tx.mailbox.addCorrespondentMessage(accountId, userId, {
          address: u.address.slice(0, 254),
          messageId: key,
          name: u.name?.slice(0, 200) ?? null,
          direction: c.direction,
          subject: summary,
          occurredAt,
        });
      }
    }
    const last = batch.at(-1);
    if (last)
      await tx.mailbox.setFolderMark(
        accountId,
        userId,
        folder.path,
        { uidValidity: folder.uidValidity, lastUid: last.uid },
        nowAt,
      );
    await tx.mailbox.addCounts(accountId, userId, counts.messages, counts.logged);
    return counts;
  });
}

/** Reads every folder of a claimed mailbox from its high-water mark on; throws MailAccessError in words. */
async function readMailbox(
  deps: MailboxDeps,
  record: MailboxRecord,
  owner: string,
  signal: AbortSignal | undefined,
): Promise<BatchCounts & { missing: string[] }> {
  const password = openMailboxPassword(deps, record);
  const session = await deps.mailReader.connect({ ...record, password });
  const total = { messages: 0, logged: 0, missing: [] as string[] };
  try {
    for (const path of await foldersToRead(session, record)) {
      const opened = await session.open(path);
      if (!opened) {
        total.missing.push(path);
        continue;
      }
      const mark = await deps.store.mailbox.folderMark(record.accountId, record.userId, path);
      // A new UIDVALIDITY means the server renumbered the folder: read it again; the ledger keeps out doubles.
      let afterUid = mark && mark.uidValidity === opened.uidValidity ? mark.lastUid : 0;
      const folder = { path, uidValidity: opened.uidValidity, inLogFolder: path === record.logFolder };
      for (;;) {
        if (signal?.aborted) return total;
        const batch = await session.fetch(afterUid, record.startOn, MAILBOX_BATCH, { withText: record.storeBodies });
        if (batch.length === 0) break;
        const counts = await writeBatch(deps, record, owner, folder, batch);
        total.messages += counts.messages;
        total.logged += counts.logged;
        afterUid = batch.at(-1)!.uid;
        await yieldToLoop();
      }
    }
  } finally {
    await session.close().catch(() => undefined);
  }
  return total;
}

/** Runs a mailbox this owner has claimed, and records how it went (in words) with the next run. */
async function runClaimed(
  deps: MailboxDeps,
  record: MailboxRecord,
  owner: string,
  signal?: AbortSignal,
): Promise<SyncResult> {
  const { accountId, userId } = record;
  let result: SyncResult;
  let outcomeError: string | null = null;
  try {
    // The run acts as its member: one who left the account, or who may no longer write, logs nothing.
    const member = await deps.store.memberships.find(accountId, userId);
    if (!member || member.role === "viewer" || member.role === "coach") throw new MailAccessError(NOT_AN_EDITOR, false);
    const read = await readMailbox(deps, record, owner, signal);
    let logged = read.logged;
    if (record.autoCreate) logged += await autoAcceptSuggestions(deps, { accountId, userId, role: "editor" });
    if (read.missing.length > 0) outcomeError = `Folder not found: ${read.missing.join(", ")}`;
    result = { messages: read.messages, logged, error: outcomeError };
  } catch (error) {
    if (error instanceof LeaseLost) return { messages: 0, logged: 0, error: "another run took this mailbox over" };
    outcomeError =
      error instanceof MailAccessError
        ? error.message
        : "Reading the mailbox failed unexpectedly; it will be tried again";
    result = { messages: 0, logged: 0, error: outcomeError };
  }
  const now = deps.clock.now();
  const failed = result.error !== null && result.messages === 0 && !result.error.startsWith("Folder not found");
  const failures = failed ? record.failures + 1 : 0;
  await deps.store.mailbox.finishRun(accountId, userId, owner, {
    state: failed ? "failing" : "ok",
    error: outcomeError,
    lastRunAt: now.toISOString(),
    lastSuccessAt: failed ? record.lastSuccessAt : now.toISOString(),
    nextRunAt: new Date(now.getTime() + (failed ? retryDelayMs(failures) : MAILBOX_POLL_MS)).toISOString(),
    failures,
    claimedAt: record.nextRunAt, // the claim set it to its own instant
  });
  return result;
}

/**
 * One pass of the mailbox job: each mailbox whose run is due is claimed with a lease (one instance reads it at a
 * time; a dead instance's lease lapses and another takes over), read from each folder's mark, and its outcome
 * recorded. Safe on every instance at once and twice in a row: the ledger and the marks make a message count once.
 */
export async function runMailboxSyncTick(deps: MailboxDeps, opts: MailboxTickOptions): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  const due = await deps.store.mailbox.due(deps.clock.now().toISOString(), opts.maxMailboxes ?? 5);
  for (const next of due) {
    if (opts.signal?.aborted) break;
    const now = deps.clock.now();
    const untilAt = new Date(now.getTime() + MAILBOX_LEASE_MS).toISOString();
    const record = await deps.store.mailbox.claim(next.accountId, next.userId, opts.owner, untilAt, now.toISOString());
    if (!record) continue;
    results.push(await runClaimed(deps, record, opts.owner, opts.signal));
  }
  return results;
}

/**
 * Syncs the member's mailbox here and now (`kith sync` in-process, where no job runs), under a lease of its own so a
 * server's job on the same database cannot read it at the same time; null when no mailbox is connected. When
 * another run holds it, says so.
 */
export async function syncMailboxNow(deps: MailboxDeps, actor: Actor): Promise<SyncResult | null> {
  requireRole(actor, "editor");
  const now = deps.clock.now();
  const exists = await deps.store.mailbox.find(actor.accountId, actor.userId);
  if (!exists) return null;
  const owner = `in-process:${deps.ids.newId()}`;
  const untilAt = new Date(now.getTime() + MAILBOX_LEASE_MS).toISOString();
  const record = await deps.store.mailbox.claim(actor.accountId, actor.userId, owner, untilAt, now.toISOString());
  if (!record) return { messages: 0, logged: 0, error: "A sync of this mailbox is already running" };
  return runClaimed(deps, record, owner);
}
