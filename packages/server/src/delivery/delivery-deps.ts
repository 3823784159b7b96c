import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DeliveryDeps, Deps } from "@kith/core";
import type { Config } from "../config.ts";
import { ActionTokens, actionLinks } from "./action-tokens.ts";
import { type ClosableMailer, createSmtpMailer } from "./smtp-mailer.ts";

export interface DeliveryRuntime {
  /** Null when SMTP is not configured: nothing can be mailed. */
  delivery: (DeliveryDeps & { mailer: ClosableMailer }) | null;
  tokens: ActionTokens;
}

/** The delivery side of one process: its SMTP mailer, link signer, and a lease name unique to this process. */
export function openDelivery(config: Config, deps: Deps): DeliveryRuntime {
  const tokens = new ActionTokens(config.authSecret);
  if (!config.smtp) return { delivery: null, tokens };
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = config.scheduler.leaseSeconds * 1000;
  const delivery = {
    ...deps,
    leaseMs,
    mailer: createSmtpMailer(config.smtp, leaseMs),
    links: actionLinks(config.publicUrl, tokens),
    instanceId,
  };
  return { delivery, tokens };
}
