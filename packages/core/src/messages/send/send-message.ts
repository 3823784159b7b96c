import { type Actor, requireRole } from "../../accounts/roles.ts";
import { closeArticleSuggestion } from "../../articles/article-suggestions.ts";
import { emailKey } from "../../contacts/email-address.ts";
import { logInteractionIn } from "../../interactions/interaction-service.ts";
import type { Deps, Repositories } from "../../ports/index.ts";
import { conflict, invalid, notFound } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validate.ts";
import { memberSmtpAccount, type SendingDeps } from "./member-smtp-service.ts";
import type { MessageSendRecord } from "./send-ports.ts";
import { type RecordSentInput, recordSentSchema, type SendMessageResult, sendMessageSchema } from "./send-schemas.ts";

/** A Message-ID's right side: the sender's domain when it is ASCII, else a name that is never a real host. */
function messageIdOf(id: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1).toLowerCase();
  return `<kith.${id}@${/^[a-z0-9.-]+$/.test(domain) ? domain : "kith.invalid"}>`;
}

/** The interaction's summary: the subject, else the message's first line (a chat message has no subject). */
function summaryOf(subject: string, body: string): string {
  if (subject.trim()) return subject.trim();
  const first = body.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  return first.trim().slice(0, 200);
}

/**
 * Sends a message to a contact through the member's own SMTP account (From is the member's address, never Kith's
 * system sender), then logs one outbound email interaction (opening an outreach when it awaits a reply, the
 * default) in one transaction with its ledger row.
 *
 * Once: a `message_send` row keyed by (account, idempotency key) is written before the mail goes, with its
 * Message-ID. A retry with the key of a sent message answers the first result and sends nothing; of a message
 * being sent (or whose sender died after the server may have taken it), a conflict; of a failed one, it tries
 * again with the same Message-ID. The same key for a different message is refused.
 */
export async function sendMessage(deps: SendingDeps, actor: Actor, input: unknown): Promise<SendMessageResult> {
  requireRole(actor, "editor");
  const data = parseInput(sendMessageSchema, input);
  const contact = await deps.store.contacts.findById(actor.accountId, data.contactId);
  if (!contact) throw notFound("contact", data.contactId);
  const addresses = contact.emails.map((e) => e.address);
  let to = addresses[0];
  if (data.to !== undefined) {
    to = addresses.find((a) => emailKey(a) === emailKey(data.to ?? ""));
    if (!to) throw invalid("to", "must be one of the contact's email addresses");
  }
  if (!to) throw invalid("to", "this contact has no email address; add one first");
  await checkArticle(deps.store, actor, data.articleId);
  const account = await memberSmtpAccount(deps, actor);

  const nowAt = deps.clock.now().toISOString();
  const id = deps.ids.newId();
  const key = data.idempotencyKey ?? `kith:${id}`;
  const requestHash = deps.secrets.hash(
    JSON.stringify([actor.userId, contact.id, to, data.subject, data.body, data.awaitsReply ?? true]),
  );
  const { created, row } = await deps.store.messageSends.begin(actor.accountId, {
    accountId: actor.accountId,
    key,
    userId: actor.userId,
    contactId: contact.id,
    requestHash,
    status: "sending",
    toAddress: to,
    messageId: messageIdOf(id, account.fromAddress),
    interactionId: null,
    error: null,
    createdAt: nowAt,
    updatedAt: nowAt,
  });
  if (!created) await takeOver(deps, actor, row, requestHash, nowAt);
  if (row.status === "sent" && row.interactionId) return { interactionId: row.interactionId, messageId: row.messageId };

  const outcome = await deps.memberMailer.send(account, {
    to,
    subject: data.subject,
    text: data.body,
    messageId: row.messageId,
  });
  if (!outcome.ok) {
    await deps.store.messageSends.fail(actor.accountId, key, outcome.error, deps.clock.now().toISOString());
    throw conflict(`the message was not sent: ${outcome.error}`);
  }
  return deps.store.transaction(async (tx) => {
    const interaction = await logInteractionIn(deps, tx, actor, {
      contactIds: [contact.id],
      kind: "email",
      direction: "outbound",
      summary: data.subject.trim(),
      awaitsReply: data.awaitsReply ?? true,
      ...(data.templateId !== undefined && { templateId: data.templateId }),
    });
    const doneAt = deps.clock.now().toISOString();
    await tx.messageSends.complete(actor.accountId, key, interaction.id, doneAt);
    if (data.articleId) await closeArticleSuggestion(tx, deps, actor.accountId, data.articleId, contact.id, "shared");
    return { interactionId: interaction.id, messageId: row.messageId };
  });
}

/** An earlier request with the same key: answered (sent), refused (in flight, or another message), or retried. */
async function takeOver(deps: Deps, actor: Actor, row: MessageSendRecord, requestHash: string, nowAt: string) {
  if (row.requestHash !== requestHash || row.userId !== actor.userId) {
    throw conflict("this idempotency key was used for another message");
  }
  if (row.status === "sent") return;
  if (row.status === "sending") {
    throw conflict("this message is being sent, or its sending was interrupted: check your Sent folder");
  }
  if (!(await deps.store.messageSends.retake(actor.accountId, row.key, nowAt))) {
    throw conflict("this message is being sent by another request");
  }
  row.status = "sending";
}

/**
 * Logs a message the member sent themselves (copied, or opened in their mail app, then "did you send it?" → yes):
 * one outbound interaction of its channel, summarised by its subject (or first line), awaiting a reply by default.
 */
export async function recordSent(deps: Deps, actor: Actor, input: unknown): Promise<{ interactionId: string }> {
  requireRole(actor, "editor");
  const data: RecordSentInput = parseInput(recordSentSchema, input);
  const interaction = await deps.store.transaction(async (tx) => {
    if (!(await tx.contacts.findById(actor.accountId, data.contactId))) throw notFound("contact", data.contactId);
    await checkArticle(tx, actor, data.articleId);
    const logged = await logInteractionIn(deps, tx, actor, {
      contactIds: [data.contactId],
      kind: data.channel === "email" ? "email" : "message",
      direction: "outbound",
      summary: summaryOf(data.subject, data.body),
      awaitsReply: data.awaitsReply ?? true,
      ...(data.templateId !== undefined && { templateId: data.templateId }),
    });
    if (data.articleId)
      await closeArticleSuggestion(tx, deps, actor.accountId, data.articleId, data.contactId, "shared");
    return logged;
  });
  return { interactionId: interaction.id };
}

/** A message that shares an article names one of the account's articles (400 naming `articleId` otherwise). */
async function checkArticle(tx: Repositories, actor: Actor, articleId: string | undefined): Promise<void> {
  if (articleId !== undefined && !(await tx.articles.find(actor.accountId, articleId))) {
    throw invalid("articleId", "must be an article saved in this account");
  }
}
