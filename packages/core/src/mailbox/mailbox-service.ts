import { type Actor, requireRole } from "../accounts/roles.ts";
import { deleteInteraction } from "../interactions/interaction-service.ts";
import type { SecretSealer } from "../messages/send/send-ports.ts";
import type { Deps } from "../ports/index.ts";
import { conflict, DomainError, invalid } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { type ImapAccount, MailAccessError, type MailboxRecord, type MailReader } from "./mailbox-port.ts";
import {
  disconnectQuerySchema,
  type Mailbox,
  type MailboxStatus,
  type MailboxTestResult,
  mailboxInputSchema,
} from "./schemas.ts";

/** What mailbox sync needs besides the store: the sealer of stored passwords and the IMAP client. */
export interface MailboxDeps extends Deps {
  sealer: SecretSealer;
  mailReader: MailReader;
}

/** Unknown people become suggestions from this many messages and meetings (together) on. */
export const SUGGESTION_MIN_COUNT = 2;
/** The default start when the member names none: this many days before the first save. */
const DEFAULT_START_DAYS = 30;

/** The sealed password's context: it opens only on this member's mailbox row. */
export const mailboxSealContext = (accountId: string, userId: string) => `mailbox:${accountId}:${userId}`;
export const KEY_CHANGED = "The server key changed: enter the mailbox password again";

export const presentMailbox = (r: MailboxRecord): Mailbox => ({
  host: r.host,
  port: r.port,
  tls: r.tls,
  user: r.user,
  passwordSet: r.sealedPassword !== null,
  folders: r.folders,
  startOn: r.startOn,
  storeBodies: r.storeBodies,
  autoCreate: r.autoCreate,
  aliases: r.aliases,
  logFolder: r.logFolder,
  logAddress: r.logAddress,
  updatedAt: r.updatedAt,
});

/** The asking member's own mailbox in this account, or null. Nobody else's: a mailbox is its member's. */
export async function getMailbox(deps: Deps, actor: Actor): Promise<Mailbox | null> {
  const found = await deps.store.mailbox.find(actor.accountId, actor.userId);
  return found ? presentMailbox(found) : null;
}

/**
 * Saves the member's mailbox (editors and owners: syncing logs interactions). The password is sealed with the
 * server key; omitted or empty, the saved one is kept. A new mailbox needs one. Saving makes a sync due now.
 */
export async function saveMailbox(deps: MailboxDeps, actor: Actor, input: unknown): Promise<Mailbox> {
  requireRole(actor, "editor");
  const data = parseInput(mailboxInputSchema, input);
  const existing = await deps.store.mailbox.find(actor.accountId, actor.userId);
  const sealedPassword = data.password
    ? deps.sealer.seal(data.password, mailboxSealContext(actor.accountId, actor.userId))
    : (existing?.sealedPassword ?? null);
  if (sealedPassword === null) throw invalid("password", "Password is needed to read the mailbox");
  const now = deps.clock.now();
  const nowAt = now.toISOString();
  const startOn =
    data.startOn ??
    existing?.startOn ??
    new Date(now.getTime() - DEFAULT_START_DAYS * 86_400_000).toISOString().slice(0, 10);
  await deps.store.mailbox.save(
    actor.accountId,
    {
      accountId: actor.accountId,
      userId: actor.userId,
      host: data.host,
      port: data.port,
      tls: data.tls,
      user: data.user,
      sealedPassword,
      folders: data.folders,
      startOn,
      storeBodies: data.storeBodies,
      autoCreate: data.autoCreate,
      aliases: data.aliases,
      logFolder: data.logFolder,
      logAddress: data.logAddress,
      createdAt: existing?.createdAt ?? nowAt,
      updatedAt: nowAt,
    },
    nowAt,
  );
  const saved = await deps.store.mailbox.find(actor.accountId, actor.userId);
  if (!saved) throw conflict("the mailbox was removed meanwhile");
  return presentMailbox(saved);
}

/**
 * Disconnects the member's mailbox. `keep=true` (default) leaves what it logged (and the ledger, so connecting
 * again logs nothing twice); `keep=false` removes every interaction captured only by this mailbox (each contact's
 * last touch is recomputed; one another member's mailbox also holds stays) and forgets its messages.
 */
export async function disconnectMailbox(deps: Deps, actor: Actor, query: unknown): Promise<void> {
  requireRole(actor, "editor");
  const { keep } = parseInput(disconnectQuerySchema, query ?? {});
  if (keep === "false") {
    // Only what this mailbox alone captured: a message another member's mailbox also held keeps its interaction.
    for (const id of await deps.store.mailbox.capturedOnlyBy(actor.accountId, actor.userId)) {
      try {
        await deleteInteraction(deps, actor, id);
      } catch (error) {
        // Deleted by hand meanwhile: nothing left to remove.
        if (!(error instanceof DomainError && error.code === "not_found")) throw error;
      }
    }
    await deps.store.mailbox.forgetMessages(actor.accountId, actor.userId);
  }
  await deps.store.mailbox.delete(actor.accountId, actor.userId);
}

/** The saved mailbox's password opened; a MailAccessError (in words) when the server key changed. */
export function openMailboxPassword(deps: MailboxDeps, record: MailboxRecord): string {
  if (record.sealedPassword === null) throw new MailAccessError("No password is saved for the mailbox", false);
  try {
    return deps.sealer.open(record.sealedPassword, mailboxSealContext(record.accountId, record.userId));
  } catch {
    throw new MailAccessError(KEY_CHANGED, false);
  }
}

/**
 * Connects and signs in, reading nothing: the saved mailbox, or the form given (without a password, the saved one).
 * Says in words what failed.
 */
export async function testMailbox(deps: MailboxDeps, actor: Actor, input?: unknown): Promise<MailboxTestResult> {
  requireRole(actor, "editor");
  const saved = await deps.store.mailbox.find(actor.accountId, actor.userId);
  let account: ImapAccount;
  try {
    if (input === undefined || input === null) {
      if (!saved) throw conflict("connect a mailbox first");
      account = { ...saved, password: openMailboxPassword(deps, saved) };
    } else {
      const data = parseInput(mailboxInputSchema, input);
      const password = data.password || (saved ? openMailboxPassword(deps, saved) : "");
      if (!password) throw invalid("password", "Password is needed to read the mailbox");
      account = { host: data.host, port: data.port, tls: data.tls, user: data.user, password };
    }
    const session = await deps.mailReader.connect(account);
    await session.folders();
    await session.close();
    return { ok: true, error: null };
  } catch (error) {
    if (error instanceof MailAccessError) return { ok: false, error: error.message };
    throw error;
  }
}

export async function mailboxStatus(deps: Deps, actor: Actor): Promise<MailboxStatus | null> {
  const r = await deps.store.mailbox.find(actor.accountId, actor.userId);
  if (!r) return null;
  const suggestions = await deps.store.mailbox.correspondents(
    actor.accountId,
    actor.userId,
    SUGGESTION_MIN_COUNT,
    1000,
  );
  return {
    state: r.state,
    lastRunAt: r.lastRunAt,
    lastSuccessAt: r.lastSuccessAt,
    nextRunAt: r.nextRunAt,
    error: r.error,
    counts: { messages: r.messagesCount, logged: r.loggedCount, suggestions: suggestions.length },
  };
}

/** "Sync now": the mailbox is due at once (the job's next pass, kicked by the route, takes it). */
export async function requestMailboxSync(deps: Deps, actor: Actor): Promise<MailboxStatus> {
  requireRole(actor, "editor");
  const asked = await deps.store.mailbox.requestRun(actor.accountId, actor.userId, deps.clock.now().toISOString());
  if (!asked) throw conflict("connect a mailbox first (Settings, Sources)");
  const status = await mailboxStatus(deps, actor);
  if (!status) throw conflict("connect a mailbox first (Settings, Sources)");
  return status;
}
