import { type Deps, runDigestTick, runRetrySweep, type TickResult } from "@kith/core";
import { type Config, openDelivery } from "@kith/runtime";
import { ownAddresses, pollReplies } from "./reply-mailbox.ts";
import { type Scheduler, type SchedulerJob, type SchedulerLog, startScheduler } from "./scheduler.ts";

/** A tick is worth a log line when it did something (every instance sees the same due accounts, most busy). */
const acted = (r: TickResult) => (r.sent + r.skipped + r.pending + r.failed > 0 ? r : null);

/**
 * Called by main (never by buildApp, so tests drive ticks themselves). Gathers the jobs this configuration enables
 * (the digest email needs SMTP; webhooks need nothing); null when the scheduler is off or no job is enabled.
 */
export function startBackgroundJobs(
  config: Config,
  deps: Deps,
  log: SchedulerLog & { warn(msg: string): void },
): Scheduler | null {
  if (!config.scheduler.enabled) return null;
  const { delivery, digest } = openDelivery(config, deps);
  const jobs: SchedulerJob[] = [];
  const closers: (() => void)[] = [];
  // Webhooks are per account, so the digest job always runs; it mails only when SMTP is configured.
  jobs.push(
    { name: "digest", run: async () => acted(await runDigestTick(digest)) },
    { name: "delivery-retries", run: async () => acted(await runRetrySweep(digest)) },
  );
  // Replies to the digest: read from IMAP, answered by SMTP (so both must be configured).
  const imap = config.imap;
  if (delivery && imap) {
    const opts = { ownAddresses: ownAddresses(config), log: { warn: (o: object, m: string) => log.error(o, m) } };
    jobs.push({
      name: "replies",
      run: async () => {
        const result = await pollReplies(delivery, imap, opts);
        return result.seen > 0 ? result : null;
      },
    });
  }
  if (delivery) closers.push(() => delivery.mailer.close());
  else log.warn("digest emails are off: set SMTP_HOST (and SMTP_FROM) to send them; webhooks still go out");
  if (jobs.length === 0) return null;
  const scheduler = startScheduler(jobs, config.scheduler.tickSeconds * 1000, log);
  return {
    async stop() {
      await scheduler.stop();
      for (const close of closers) close();
    },
  };
}
