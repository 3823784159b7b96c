import { randomUUID } from "node:crypto";
import type { Config } from "../config.ts";
import { createSmtpMailer } from "../mail/smtp-mailer.ts";

/** Tells the owner of an address that someone tried to sign up with it; null when SMTP is not configured. */
export type SendSignUpNotice = (email: string) => Promise<void>;

/**
 * A sign-up with an address that is already registered answers exactly like a new one (no one learns from it
 * whether an address has an account); the address's owner learns of it by mail instead, when SMTP is configured.
 */
export function signUpNoticeSender(config: Config): SendSignUpNotice | null {
  const smtp = config.smtp;
  if (!smtp) return null;
  const host = new URL(config.publicUrl).hostname;
  return async (email) => {
    const mailer = createSmtpMailer(smtp, config.scheduler.leaseSeconds * 1000);
    try {
      const text = [
        "Hello,",
        "",
        `Someone tried to create a Kith account at ${config.publicUrl} with ${email}, which already has one.`,
        "If it was you, sign in with your password instead. If it was not, you need do nothing: nothing changed.",
      ].join("\n");
      await mailer.send({
        to: [email],
        subject: "Kith: you already have an account",
        text,
        html: `<!doctype html><html><body><pre style="font-family:inherit;white-space:pre-wrap">${text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c)}</pre></body></html>`,
        messageId: `<sign-up-notice.${randomUUID()}@${host}>`,
        headers: {},
      });
    } finally {
      mailer.close();
    }
  };
}

/** Mails the link that confirms a new address for an account; null when SMTP is not configured. */
export type SendEmailChange = (email: string, link: string) => Promise<void>;

export function emailChangeSender(config: Config): SendEmailChange | null {
  const smtp = config.smtp;
  if (!smtp) return null;
  const host = new URL(config.publicUrl).hostname;
  return async (email, link) => {
    const mailer = createSmtpMailer(smtp, config.scheduler.leaseSeconds * 1000);
    try {
      const text = [
        "Hello,",
        "",
        `Someone signed in to Kith at ${config.publicUrl} asked to move their account to ${email}.`,
        "If it was you, open this link within 24 hours to confirm; your other sessions will be signed out:",
        link,
        "",
        "If it was not you, ignore this message: nothing changes.",
      ].join("\n");
      await mailer.send({
        to: [email],
        subject: "Kith: confirm your new email address",
        text,
        html: `<!doctype html><html><body><pre style="font-family:inherit;white-space:pre-wrap">${text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c)}</pre></body></html>`,
        messageId: `<email-change.${randomUUID()}@${host}>`,
        headers: {},
      });
    } finally {
      mailer.close();
    }
  };
}
