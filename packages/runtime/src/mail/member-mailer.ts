import type { MemberMail, MemberMailer, SmtpAccount, SmtpOutcome } from "@kith/core";
import nodemailer from "nodemailer";

/** Each phase (connect, greeting, an idle socket) of a member's SMTP conversation. */
const PHASE_MS = 10_000;

function transportOf(account: SmtpAccount, phaseMs: number) {
  return nodemailer.createTransport({
    host: account.host.replace(/^\[(.*)\]$/, "$1"),
    port: account.port,
    // tls: implicit TLS; starttls: the upgrade is required (no silent fallback to a plain connection); none: never
    // upgraded (loopback only, checked by the schema).
    secure: account.security === "tls",
    requireTLS: account.security === "starttls",
    ignoreTLS: account.security === "none",
    ...(account.user ? { auth: { user: account.user, pass: account.password ?? "" } } : {}),
    connectionTimeout: phaseMs,
    greetingTimeout: phaseMs,
    socketTimeout: phaseMs,
    logger: false,
    debug: false,
  });
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/**
 * What failed, in Kith's words: never the server's banner or reply text (a member could otherwise read what any
 * host on the server's network answers); the SMTP reply code at most.
 */
export function smtpFailure(error: unknown): string {
  const e = (error ?? {}) as SmtpError;
  const reply = e.responseCode ? ` (reply ${e.responseCode})` : "";
  const message = String(e.message ?? "");
  switch (e.code) {
    case "EDNS":
      return "the mail server's name was not found";
    case "ETIMEDOUT":
      return "the mail server did not answer in time";
    case "ECONNECTION":
    case "ESOCKET":
      if (/ECONNREFUSED/.test(message)) return "could not connect to the mail server (connection refused)";
      if (/certificate|self[- ]signed|altnames|CERT/i.test(message)) {
        return "the mail server's TLS certificate is not trusted or does not match its name";
      }
      if (/wrong version number|ssl|tls/i.test(message)) {
        return "a TLS connection could not be made: check the port and the security setting";
      }
      return "the connection to the mail server failed";
    case "ETLS":
      return "the mail server does not offer STARTTLS, or the TLS upgrade failed";
    case "EAUTH":
      return `the mail server refused the user name or password${reply}`;
    case "ENOAUTH":
      return "the mail server needs a user name and password";
    case "EENVELOPE":
      return `the mail server refused the sender or the recipient${reply}`;
    case "EMESSAGE":
      return `the mail server refused the message${reply}`;
    case "EPROTOCOL":
      return "the server did not answer like a mail server";
    default:
      return `sending failed${e.code ? ` (${e.code})` : ""}${reply}`;
  }
}

/** The member's own SMTP account through nodemailer, a fresh connection each time (sends are one at a time). */
export function createMemberMailer(phaseMs = PHASE_MS): MemberMailer {
  return {
    async send(account: SmtpAccount, mail: MemberMail): Promise<SmtpOutcome> {
      const transport = transportOf(account, phaseMs);
      try {
        await transport.sendMail({
          from: { name: account.fromName, address: account.fromAddress },
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          // Header injection: the subject is one line (core's schema), and nodemailer encodes headers as well.
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: smtpFailure(error) };
      } finally {
        transport.close();
      }
    },
    async verify(account: SmtpAccount): Promise<SmtpOutcome> {
      const transport = transportOf(account, phaseMs);
      try {
        await transport.verify();
        return { ok: true };
      } catch (error) {
        return { ok: false, error: smtpFailure(error) };
      } finally {
        transport.close();
      }
    },
  };
}
