import { type CampaignMailer, type CampaignMessage, CampaignSendFailure } from "@kith/core";
import nodemailer from "nodemailer";

/** The SMTP account a member sends from (their own server and address, never Kith's system sender). */
export interface MemberSmtp {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  pass?: string | undefined;
  /** "Ada Lovelace <ada@example.com>" */
  from: string;
}

export type MemberSmtpLookup = (member: { accountId: string; userId: string }) => Promise<MemberSmtp | null>;

// SMTP commands before the message's data: a failure there means nothing was handed over.
const BEFORE_DATA = new Set([
  "CONN",
  "EHLO",
  "HELO",
  "LHLO",
  "STARTTLS",
  "AUTH",
  "AUTH PLAIN",
  "AUTH LOGIN",
  "MAIL FROM",
  "RCPT TO",
]);
const NOT_CONNECTED = new Set(["ECONNECTION", "EDNS", "ECONNREFUSED", "ENOTFOUND", "EAUTH", "ETLS", "EENVELOPE"]);

interface SmtpError {
  code?: string;
  command?: string;
  responseCode?: number;
  message?: string;
}

/** What a nodemailer error says about the message: refused for good, never handed over, or nobody knows. */
export function failureOf(error: unknown): CampaignSendFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as SmtpError;
  const said = (e.message ?? String(error)).slice(0, 300);
  if (e.responseCode !== undefined && e.responseCode >= 500) {
    return new CampaignSendFailure("refused", `The mail server refused it: ${said}`);
  }
  if (e.code === "EAUTH") return new CampaignSendFailure("refused", `Your mail server refused the sign-in: ${said}`);
  const beforeData =
    (e.command !== undefined && BEFORE_DATA.has(e.command.toUpperCase())) || NOT_CONNECTED.has(e.code ?? "");
  if (beforeData || (e.responseCode !== undefined && e.responseCode >= 400 && e.command !== "DATA")) {
    return new CampaignSendFailure("not-sent", `Could not hand the message to your mail server: ${said}`);
  }
  return new CampaignSendFailure("unknown", said);
}

/**
 * Campaign messages through each member's own SMTP account (`lookup`). The Message-ID is `<{sendKey}@{host}>`,
 * recorded in the ledger before the call; one connection per message, bounded by `timeoutMs` per phase, so a hung
 * server ends the attempt long before the claim's lease lapses.
 */
export function createSmtpCampaignMailer(
  lookup: MemberSmtpLookup,
  options: { messageIdHost: string; timeoutMs?: number },
): CampaignMailer {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    async ready(member) {
      return (await lookup(member)) !== null;
    },
    async send(member, message: CampaignMessage) {
      const smtp = await lookup(member);
      if (!smtp) throw new CampaignSendFailure("not-sent", "You have no SMTP account set up in Settings");
      const transport = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? "" } } : {}),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      });
      try {
        await transport.sendMail({
          from: smtp.from,
          // nodemailer encodes the name and refuses line breaks in headers: contact data cannot add a header.
          to: { name: message.toName.replace(/[\r\n]+/g, " "), address: message.to },
          subject: message.subject.replace(/[\r\n]+/g, " "),
          text: message.body,
          messageId: `<${message.sendKey}@${options.messageIdHost}>`,
        });
      } catch (error) {
        throw failureOf(error);
      } finally {
        transport.close();
      }
    },
  };
}
