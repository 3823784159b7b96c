import type { CampaignMailer } from "@kith/core";
import type { Config } from "../config.ts";
import { createSmtpCampaignMailer, type MemberSmtpLookup } from "./smtp-campaign-mailer.ts";

/**
 * The campaign mailer a server opens: each member's own SMTP account, Message-IDs under the public URL's host.
 * The member's SMTP account arrives with the `sending` work (`/api/me/smtp`, sealed passwords); until it is merged
 * no member has one, so "Send all" answers 409 and campaigns are marked as sent one by one.
 */
export function openCampaignMailer(config: Config, lookup: MemberSmtpLookup = async () => null): CampaignMailer {
  return createSmtpCampaignMailer(lookup, { messageIdHost: new URL(config.publicUrl).hostname || "kith.invalid" });
}
