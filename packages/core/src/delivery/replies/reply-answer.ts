import type { DeliveryKey, OutgoingMail } from "../delivery-ports.ts";
import type { DigestItemRef } from "./reply-commands.ts";

/** The short line under a digest's items; the same words as the help an unclear reply gets back. */
export function replyHint(itemCount: number): string {
  const which = itemCount > 1 ? ', with the item\'s number first ("2 done", "#3 snooze 2w")' : "";
  return `Reply to this email to act: "done", "snooze 2w", "skip", or a note for the contact${which}.`;
}

const HELP = [
  "Reply with one of these, one to a line:",
  "  done        the follow-up is done (the touch is logged)",
  "  snooze 2w   later: 10d, 2w, 1m, 3 days (a week when no time is given)",
  "  skip        not this time",
  "  any text    a note on that contact",
  'With several items, put the item\'s number first ("2 done", "#2 snooze 2w", "#2 Met her at the fair"),',
  'or the name ("Ada done").',
].join("\n");

export const digestLabel = (key: DeliveryKey): string =>
  key.kind === "digest-email" ? `the digest of ${key.period}` : "the test digest";

function itemList(items: readonly DigestItemRef[]): string {
  return items.map((item, i) => `${i + 1}. ${item.displayName} — ${item.sentence}`).join("\n");
}

export function answerDone(key: DeliveryKey, lines: readonly string[], unused: readonly string[]): string {
  const parts = [`From your reply to ${digestLabel(key)}:`, "", ...lines.map((l) => `- ${l}`)];
  if (unused.length > 0) {
    parts.push("", "These lines were not used (send a note in a reply of its own):", ...unused.map((l) => `  ${l}`));
  }
  return parts.join("\n");
}

export function answerUnclear(key: DeliveryKey, problem: string, items: readonly DigestItemRef[]): string {
  return [
    `Nothing was done: ${problem}.`,
    "",
    `${digestLabel(key).replace(/^t/, "T")} had ${items.length === 1 ? "this item" : "these items"}:`,
    itemList(items),
    "",
    HELP,
  ].join("\n");
}

export function answerUnverified(email: string, url: string): string {
  return [
    `Nothing was done: Kith acts on replies only from a verified address, and ${email} is not verified yet.`,
    `Open Kith (${url}), verify your address in the settings, then reply to the digest again.`,
  ].join("\n");
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** An answer in the thread of the reply: `In-Reply-To` and `References` point at it, and it says it is automatic. */
export function answerMail(input: {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
  references: readonly string[];
  replyTo: string | null;
}): OutgoingMail {
  const subject = input.subject.trim() === "" ? "Re: your reply to Kith" : input.subject.trim();
  // A long thread's References keep the first id (the digest: later replies find it there) and the newest ones.
  const all = [...new Set(input.references)];
  const references = all.length > 10 ? [...all.slice(0, 1), ...all.slice(-9)] : all;
  return {
    to: [input.to],
    subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
    text: input.text,
    html: `<!doctype html><html><body><pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(input.text)}</pre></body></html>`,
    messageId: input.messageId,
    headers: {
      // RFC 3834: an automatic answer, so that other responders (out-of-office) do not answer it in turn.
      "Auto-Submitted": "auto-replied",
      ...(input.inReplyTo ? { "In-Reply-To": input.inReplyTo } : {}),
      ...(references.length > 0 ? { References: references.join(" ") } : {}),
      ...(input.replyTo ? { "Reply-To": input.replyTo } : {}),
    },
  };
}
