import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type MailboxDeps, MailboxWatcher, runMailboxSyncTick } from "@kith/core";
import type { Job } from "../jobs/job-runner.ts";

/** How often an instance looks for mailboxes due (each mailbox itself runs every few minutes, or backs off). */
export const MAILBOX_TICK_MS = 30_000;

/**
 * Connected mailboxes whose run is due: a pass (`runMailboxSyncTick`) every `everyMs` and when a member asks for a
 * sync here (the runner's kick). Each mailbox is claimed with a lease, so across instances one reads it.
 */
export function mailboxSyncJob(deps: MailboxDeps, opts: { everyMs?: number; owner?: string } = {}): Job {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    name: "mailboxes",
    everyMs: opts.everyMs ?? MAILBOX_TICK_MS,
    run: async (signal) => {
      const results = await runMailboxSyncTick(deps, { owner, signal });
      if (results.length === 0) return null;
      return {
        mailboxes: results.length,
        messages: results.reduce((n, r) => n + r.messages, 0),
        logged: results.reduce((n, r) => n + r.logged, 0),
        failing: results.filter((r) => r.error !== null).length,
      };
    },
  };
}

/** How often an instance renews its watches' leases, reconnects dropped ones and takes new mailboxes to watch. */
export const MAILBOX_IDLE_PASS_MS = 30_000;

/**
 * IMAP IDLE where offered (`MailboxWatcher`): up to `maxConnections` mailboxes watched by this instance, one watch
 * per mailbox across instances (its lease); new mail makes the mailbox due and `onNewMail` kicks the `mailboxes`
 * job. Stopping the runner closes every watch and gives the leases back.
 */
export function mailboxIdleJob(
  deps: MailboxDeps,
  opts: { maxConnections: number; onNewMail: () => void; everyMs?: number; owner?: string },
): Job {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}:idle`;
  const watcher = new MailboxWatcher(deps, { owner, maxConnections: opts.maxConnections, onNewMail: opts.onNewMail });
  return {
    name: "mailbox-idle",
    everyMs: opts.everyMs ?? MAILBOX_IDLE_PASS_MS,
    run: async (signal) => {
      const r = await watcher.pass(signal);
      return r.started + r.ended > 0 ? r : null;
    },
    stop: () => watcher.stop(),
  };
}
