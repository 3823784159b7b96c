import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type CampaignMailer, type Deps, runCampaignSends } from "@kith/core";
import type { Job } from "./job-runner.ts";

/** How often an instance looks for campaigns being sent (a "Send all" also kicks the job). */
export const CAMPAIGN_POLL_MS = 5000;

/**
 * The campaign sender: each pass sends the pending messages of every campaign being sent, through the member's own
 * SMTP account, one claimed recipient at a time (`runCampaignSends`). Safe on every instance at once and after a
 * crash: the recipient rows are the ledger, and a row a dead sender left `sending` becomes `unknown`, never re-sent.
 */
export function campaignSendJob(
  deps: Deps,
  mailer: CampaignMailer,
  opts: { everyMs?: number; holder?: string } = {},
): Job {
  const holder = opts.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    name: "campaigns",
    everyMs: opts.everyMs ?? CAMPAIGN_POLL_MS,
    run: async (signal) => {
      const r = await runCampaignSends(deps, mailer, { holder, signal });
      return r.sent + r.failed + r.unknown > 0 ? r : null;
    },
  };
}
