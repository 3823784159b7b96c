import { MailAccessError, type MailWatch } from "./mailbox-port.ts";
import { type MailboxDeps, openMailboxPassword } from "./mailbox-service.ts";

/** The watch lease: renewed by every pass of the watcher (every 30 s in a server), lapses this long after a crash. */
export const IDLE_LEASE_MS = 2 * 60_000;
/** IDLE connections one instance keeps at most by default (`KITH_MAILBOX_IDLE_MAX`; 0: none, polling only). */
export const IDLE_MAX_CONNECTIONS = 20;
/** A dropped or refused watch is tried again after 30 s, 1, 2, 4 … minutes, at most 30 minutes. */
export const idleRetryDelayMs = (failures: number) => Math.min(30_000 * 2 ** Math.max(0, failures - 1), 30 * 60_000);
/** A server that offers no IDLE is asked again after this long (meanwhile the job polls it as before). */
export const NO_IDLE_RECHECK_MS = 6 * 60 * 60_000;
/** The folder watched: new mail arrives in the inbox (the Sent folder and the others wait for the poll). */
export const WATCHED_FOLDER = "INBOX";

interface Held {
  accountId: string;
  userId: string;
  watch: MailWatch | null;
  /** Dropped watches in a row (the backoff's exponent). */
  failures: number;
  /** When a dropped watch is tried again (epoch ms). */
  retryAtMs: number;
  /** Set while this instance ends the watch itself: its close is not a failure. */
  ending: boolean;
}

export interface MailboxWatcherOptions {
  /** This instance's lease name. */
  owner: string;
  /** Connections kept at most (the instance's bound). */
  maxConnections: number;
  /** New mail arrived in a watched mailbox (made due): the server kicks its `mailboxes` job. */
  onNewMail(): void;
}

export interface WatchPassResult {
  watching: number;
  started: number;
  ended: number;
}

const keyOf = (accountId: string, userId: string) => `${accountId}\u0000${userId}`;

/**
 * IMAP IDLE where offered: while this instance holds a mailbox's watch lease (`claimIdle`, renewed every pass), it
 * keeps one connection idling on the inbox; a new message makes the mailbox due at once and `onNewMail` kicks the
 * sync job, so it is logged within seconds instead of at the next 5-minute poll (which stays, for the other
 * folders, for servers without IDLE, and whenever a watch is down). Across instances the lease keeps one watch per
 * mailbox; each instance keeps at most `maxConnections`. A dropped connection is tried again with backoff, a
 * server without IDLE is left to polling for `NO_IDLE_RECHECK_MS`; a mailbox disconnected, paused (its member may
 * no longer write), failing or taken over loses its watch at the next pass; `stop` closes every watch and gives
 * the leases back.
 */
export class MailboxWatcher {
  private readonly held = new Map<string, Held>();
  private readonly noIdleUntil = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly deps: MailboxDeps,
    private readonly opts: MailboxWatcherOptions,
  ) {}

  /** Mailboxes watched now (connections open). */
  get watching(): number {
    return [...this.held.values()].filter((h) => h.watch !== null).length;
  }

  /** One pass: keeps the leases held (ends what was lost), reconnects what is due, takes new mailboxes up to the bound. */
  async pass(signal?: AbortSignal): Promise<WatchPassResult> {
    const result: WatchPassResult = { watching: 0, started: 0, ended: 0 };
    if (!this.deps.mailReader.watch || this.opts.maxConnections <= 0 || this.stopped) return result;
    const now = this.deps.clock.now();
    const untilAt = new Date(now.getTime() + IDLE_LEASE_MS).toISOString();
    for (const [key, h] of [...this.held]) {
      if (signal?.aborted) break;
      const record = await this.deps.store.mailbox.find(h.accountId, h.userId);
      const kept =
        record !== null &&
        record.state !== "failing" &&
        (await this.deps.store.mailbox.renewIdle(h.accountId, h.userId, this.opts.owner, untilAt));
      if (!kept) {
        await this.end(key, h);
        result.ended += 1;
        continue;
      }
      if (!h.watch && h.retryAtMs <= now.getTime() && (await this.open(key, h))) result.started += 1;
    }
    const room = this.opts.maxConnections - this.held.size;
    if (room > 0 && !signal?.aborted) {
      const candidates = await this.deps.store.mailbox.idleCandidates(now.toISOString(), room + this.noIdleUntil.size);
      for (const c of candidates) {
        if (this.held.size >= this.opts.maxConnections || signal?.aborted) break;
        const key = keyOf(c.accountId, c.userId);
        if (this.held.has(key) || (this.noIdleUntil.get(key) ?? 0) > now.getTime()) continue;
        const claimed = await this.deps.store.mailbox.claimIdle(
          c.accountId,
          c.userId,
          this.opts.owner,
          untilAt,
          now.toISOString(),
        );
        if (!claimed) continue;
        const h: Held = { ...c, watch: null, failures: 0, retryAtMs: 0, ending: false };
        this.held.set(key, h);
        if (await this.open(key, h)) result.started += 1;
      }
    }
    result.watching = this.watching;
    return result;
  }

  /** Closes every watch and gives its lease back (the server is stopping). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [key, h] of [...this.held]) await this.end(key, h);
  }

  /** Opens the watch of a held mailbox; false (and a retry planned, or the lease given back) when it did not. */
  private async open(key: string, h: Held): Promise<boolean> {
    const record = await this.deps.store.mailbox.find(h.accountId, h.userId);
    const member = record ? await this.deps.store.memberships.find(h.accountId, h.userId) : null;
    if (!record || !member || member.role === "viewer") {
      await this.end(key, h);
      return false;
    }
    try {
      const password = openMailboxPassword(this.deps, record);
      const watch = await this.deps.mailReader.watch!({ ...record, password }, WATCHED_FOLDER, {
        onNew: () => this.arrived(h),
        onClosed: () => this.dropped(h),
      });
      if (watch === null) {
        this.noIdleUntil.set(key, this.deps.clock.now().getTime() + NO_IDLE_RECHECK_MS);
        await this.end(key, h);
        return false;
      }
      if (this.stopped || this.held.get(key) !== h) {
        await watch.stop();
        return false;
      }
      h.watch = watch;
      h.failures = 0;
      return true;
    } catch (error) {
      // Wrong password, a changed server key: the sync job says so in words; the watch waits like any failure.
      if (!(error instanceof MailAccessError)) throw error;
      this.dropped(h);
      return false;
    }
  }

  private arrived(h: Held): void {
    if (h.ending) return;
    const nowAt = this.deps.clock.now().toISOString();
    void this.deps.store.mailbox
      .requestRun(h.accountId, h.userId, nowAt)
      .then((asked) => {
        if (asked) this.opts.onNewMail();
      })
      .catch(() => undefined);
  }

  private dropped(h: Held): void {
    if (h.ending) return;
    h.watch = null;
    h.failures += 1;
    h.retryAtMs = this.deps.clock.now().getTime() + idleRetryDelayMs(h.failures);
  }

  private async end(key: string, h: Held): Promise<void> {
    h.ending = true;
    this.held.delete(key);
    const watch = h.watch;
    h.watch = null;
    await watch?.stop().catch(() => undefined);
    await this.deps.store.mailbox.releaseIdle(h.accountId, h.userId, this.opts.owner).catch(() => undefined);
  }
}
