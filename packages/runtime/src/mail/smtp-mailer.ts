import type { Mailer, OutgoingMail } from "@kith/core";
import nodemailer from "nodemailer";
import type { SmtpConfig } from "../config.ts";

export interface ClosableMailer extends Mailer {
  close(): void;
}

/**
 * Mail through the configured SMTP server. Each phase (connect, greeting, idle socket) may take a quarter of the
 * delivery lease at most, so a hung server fails the attempt (the ledger retries it) before the lease lapses and
 * another instance could take the same delivery over.
 */
export function createSmtpMailer(smtp: SmtpConfig, leaseMs: number): ClosableMailer {
  const phaseMs = Math.floor(leaseMs / 4);
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? "" } } : {}),
    connectionTimeout: phaseMs,
    greetingTimeout: phaseMs,
    socketTimeout: phaseMs,
  });
  return {
    async send(mail: OutgoingMail): Promise<void> {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
      });
    },
    close: () => transport.close(),
  };
}
