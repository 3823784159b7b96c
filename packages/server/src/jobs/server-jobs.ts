import { type Deps, memberCampaignMailer, runDigestTick, runRetrySweep, type TickResult } from "@kith/core";
import {
  type Config,
  type DeliveryRuntime,
  openArticleFetcher,
  openDelivery,
  openMailboxSync,
  openSending,
} from "@kith/runtime";
import type { OpenDatabase } from "@kith/store";
import { ownAddresses, pollReplies } from "../delivery/replies/reply-mailbox.ts";
import { mailboxIdleJob, mailboxSyncJob } from "../mailbox/mailbox-sync-job.ts";
import { articleFetchJob } from "./article-fetch-job.ts";
import { openCalendarSyncJob } from "./calendar-sync-job.ts";
import { campaignSendJob } from "./campaign-send-job.ts";
import { databaseBackupJob } from "./database-backup-job.ts";
import { IMPORT_POLL_MS, importJob } from "./import-job.ts";
import { createJobRunner, type Job, type JobLog, type JobRunner } from "./job-runner.ts";
import { RESTORE_POLL_MS, restoreJob } from "./restore-job.ts";
import { THREAD_JOBS, type ThreadJobName, threadedJobs } from "./threaded-jobs.ts";

export interface JobContext {
  config: Config;
  deps: Deps;
  /** The jobs' own mailer, webhook transport and lease name (closed when the runner stops). */
  delivery: DeliveryRuntime;
  log: JobLog;
  /** The database this process opened (the backup job copies it). */
  database: OpenDatabase | undefined;
  /** Kicks another job of this runner (a watch that saw new mail kicks `mailboxes`). */
  kick(name: string): void;
}

/** One entry per background job: whether this configuration runs it, and how to make it. */
export interface JobEntry {
  name: string;
  enabled(ctx: JobContext): boolean;
  create(ctx: JobContext): Job;
}

/** A tick is worth a log line when it did something (every instance sees the same due accounts, most busy). */
const acted = (r: TickResult) => (r.sent + r.skipped + r.pending + r.failed > 0 ? r : null);
const tickMs = (config: Config) => config.scheduler.tickSeconds * 1000;
/** KITH_SCHEDULER=false stops this instance from delivering (others still do); imports always run. */
const delivers = ({ config }: JobContext) => config.scheduler.enabled;

/**
 * Every background job a server runs. A new job (mailbox sync, calendar sync) is one more entry here. Each `run`
 * must be safe on every instance at once and twice in a row (its ledger or lease decides who acts).
 */
export const JOBS: readonly JobEntry[] = [
  // Webhooks are per account, so the digest job always runs; it mails only when SMTP is configured.
  {
    name: "digest",
    enabled: delivers,
    create: ({ config, delivery }) => ({
      name: "digest",
      everyMs: tickMs(config),
      run: async () => acted(await runDigestTick(delivery.digest)),
    }),
  },
  {
    name: "delivery-retries",
    enabled: delivers,
    create: ({ config, delivery }) => ({
      name: "delivery-retries",
      everyMs: tickMs(config),
      run: async () => acted(await runRetrySweep(delivery.digest)),
    }),
  },
  // Replies to the digest: read from IMAP, answered by SMTP (so both must be configured).
  {
    name: "replies",
    enabled: (ctx) => delivers(ctx) && ctx.delivery.delivery !== null && ctx.config.imap !== null,
    create: ({ config, delivery, log }) => {
      const mail = delivery.delivery!;
      const imap = config.imap!;
      const opts = { ownAddresses: ownAddresses(config), log: { warn: (o: object, m: string) => log.error(o, m) } };
      return {
        name: "replies",
        everyMs: tickMs(config),
        run: async () => {
          const result = await pollReplies(mail, imap, opts);
          return result.seen > 0 ? result : null;
        },
      };
    },
  },
  { name: "imports", enabled: () => true, create: ({ deps }) => importJob(deps) },
  { name: "restores", enabled: () => true, create: ({ deps }) => restoreJob(deps) },
  // Saved articles are fetched through the guarded fetcher (`runtime/src/http/guarded-fetch.ts`).
  {
    name: "articles",
    enabled: () => true,
    create: ({ config, deps }) => articleFetchJob({ ...deps, articleFetcher: openArticleFetcher(config) }),
  },
  // Calendar subscriptions, fetched through the guarded fetcher, leased per calendar (imported files need no job).
  {
    name: "calendars",
    enabled: () => true,
    create: ({ config, deps }) => openCalendarSyncJob(config, deps),
  },
  // Campaigns go out through each member's own SMTP account, not the server's: they run whatever SMTP_HOST says.
  {
    name: "campaigns",
    enabled: () => true,
    create: ({ config, deps }) => campaignSendJob(deps, memberCampaignMailer(openSending(config, deps))),
  },
  // Members' own mailboxes (IMAP): each due mailbox is leased, read from its folders' marks, and logged once.
  {
    name: "mailboxes",
    enabled: () => true,
    create: ({ config, deps }) => mailboxSyncJob(openMailboxSync(config, deps)),
  },
  // IMAP IDLE on members' inboxes where the server offers it: new mail kicks `mailboxes` (the poll stays).
  {
    name: "mailbox-idle",
    enabled: ({ config }) => config.mailboxIdleMax > 0,
    create: ({ config, deps, kick }) =>
      mailboxIdleJob(openMailboxSync(config, deps), {
        maxConnections: config.mailboxIdleMax,
        onNewMail: () => kick("mailboxes"),
      }),
  },
  // SQLite: a daily online backup, the newest KITH_BACKUP_KEEP kept (PostgreSQL is backed up with pg_dump).
  {
    name: "database-backups",
    enabled: ({ config, database }) => config.backups.daily && database?.dialect === "sqlite",
    create: ({ config, deps, database }) => databaseBackupJob(config, deps, database!),
  },
];

/** Whether a pass of a thread job would find a row to claim now (read here, before a jobs thread is started). */
const claimable =
  (deps: Deps) =>
  async (name: ThreadJobName): Promise<boolean> => {
    const ledger = name === "imports" ? deps.store.importJobs : deps.store.restoreJobs;
    return (await ledger.claimableJobs(deps.clock.now().toISOString(), 1)).length > 0;
  };

export interface ServerJobsOptions {
  /** Only these jobs (tests drive the delivery ticks themselves and run only the import job). Default: all. */
  only?: readonly string[] | undefined;
  /** The database this process opened, for the jobs that work on it whole (backups). */
  database?: OpenDatabase | undefined;
  /**
   * Runs the heavy jobs (imports, restores) in a worker thread on its own connection to the configured database
   * (`threaded-jobs.ts`), so their chunks never hold the loop that answers requests. `startServer` sets it
   * (`npm start`, `kith serve`); tests, whose database is not the configured one (in memory, a schema of their own), do not.
   */
  thread?: boolean | undefined;
}

/**
 * The jobs this configuration enables, in one runner, not started: the server (`start.ts`) starts it in the process
 * that runs the background jobs (`cluster.ts`); closing the app stops it.
 */
export function openServerJobs(
  config: Config,
  deps: Deps,
  log: JobLog & { warn(msg: string): void },
  options: ServerJobsOptions = {},
): JobRunner {
  const delivery = openDelivery(config, deps);
  let runner: JobRunner | null = null;
  const ctx: JobContext = {
    config,
    deps,
    delivery,
    log,
    database: options.database,
    kick: (name) => runner?.kick(name),
  };
  const wanted = JOBS.filter((entry) => !options.only || options.only.includes(entry.name)).filter((entry) =>
    entry.enabled(ctx),
  );
  const inThread = (name: string): name is ThreadJobName =>
    options.thread === true && (THREAD_JOBS as readonly string[]).includes(name);
  const threaded = wanted.map((entry) => entry.name).filter(inThread);
  const jobs = [
    ...wanted.filter((entry) => !inThread(entry.name)).map((entry) => entry.create(ctx)),
    ...(threaded.length > 0
      ? threadedJobs(config, threaded, { everyMs: Math.min(IMPORT_POLL_MS, RESTORE_POLL_MS), hasWork: claimable(deps) })
      : []),
  ];
  const created = createJobRunner(jobs, log);
  runner = created;
  return {
    names: created.names,
    start() {
      if (created.names.includes("digest") && !delivery.delivery) {
        log.warn("digest emails are off: set SMTP_HOST (and SMTP_FROM) to send them; webhooks still go out");
      }
      created.start();
    },
    kick: (name) => created.kick(name),
    async stop() {
      await created.stop();
      delivery.delivery?.mailer.close();
    },
  };
}
