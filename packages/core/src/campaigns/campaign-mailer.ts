/**
 * The "send one" port: a campaign message through the member's own SMTP account (never Kith's system sender). The
 * runtime implements it; the Message-ID is made from `sendKey` (`<{sendKey}@{host}>`), which the ledger recorded
 * before the call, so a message can be looked up in the member's Sent folder by it.
 */
export interface CampaignMailer {
  /** Whether this member has an SMTP account to send from. */
  ready(member: { accountId: string; userId: string }): Promise<boolean>;
  send(member: { accountId: string; userId: string }, message: CampaignMessage): Promise<void>;
}

export interface CampaignMessage {
  to: string;
  toName: string;
  subject: string;
  body: string;
  sendKey: string;
}

/**
 * How a send failed, as far as the mailer can tell. `refused`: the server answered with a permanent refusal (5xx),
 * nothing was sent. `not-sent`: no message reached the server (connection refused, no such host): safe to try
 * again. `unknown`: the connection broke or timed out after the message may have been handed over.
 */
export class CampaignSendFailure extends Error {
  constructor(
    readonly outcome: "refused" | "not-sent" | "unknown",
    message: string,
  ) {
    super(message);
    this.name = "CampaignSendFailure";
  }
}
