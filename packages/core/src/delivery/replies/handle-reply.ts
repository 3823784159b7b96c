import type { Actor } from "../../accounts/roles.ts";
import type { Membership } from "../../accounts/schemas.ts";
import { addContactNote } from "../../contacts/add-note.ts";
import { loadEngineContext } from "../../due-state/engine-context.ts";
import { DomainError } from "../../shared/errors.ts";
import { doneToday, skipToday, snoozeToday } from "../../today/today-actions.ts";
import type { DeliveryKey, OutgoingMail } from "../delivery-ports.ts";
import { type DeliveryDeps, deliverOnce } from "../digest/deliver-digest.ts";
import { encodeIdPart, parseDigestMessageId, sameTag } from "../digest/digest-message-id.ts";
import type { DeliveryStatus } from "../schemas.ts";
import { answerDone, answerMail, answerUnclear, answerUnverified } from "./reply-answer.ts";
import { type DigestItemRef, parseReply, type ReplyCommand, snoozeUntilOn } from "./reply-commands.ts";
import { replyBodyOf } from "./reply-text.ts";

/** Ledger kinds: a reply acted on (once), and the answer mailed back (once, retried like any mail). */
export const REPLY_KIND = "reply";
export const REPLY_ANSWER_KIND = "reply-answer";

/** One mail read from the reply mailbox, as the face parsed it (MIME, charsets and HTML are the face's job). */
export interface IncomingReply {
  /** Its Message-ID (with angle brackets), or a stand-in unique in the mailbox when it has none. */
  id: string;
  hasMessageId: boolean;
  /** The sender's bare address (From). */
  from: string | null;
  inReplyTo: readonly string[];
  references: readonly string[];
  subject: string;
  /** The plain text (from the text part, or the HTML part turned into text). */
  text: string;
  /** An out-of-office, bounce or list mail: never obeyed, never answered (no mail loops). */
  automatic: boolean;
}

export type IgnoredReason = "automatic" | "not-a-digest-reply" | "forged" | "unknown-digest" | "stranger";

export type ReplyOutcome =
  | { status: "ignored"; reason: IgnoredReason }
  | {
      status: "handled";
      accountId: string;
      /** Commands carried out by this call (0 when the reply had been handled before, or nothing was done). */
      applied: number;
      answer: DeliveryStatus | "busy" | "none";
      /** False while the answer waits for a retry: the mail should stay where the next poll finds it again. */
      settled: boolean;
    };

const ignored = (reason: IgnoredReason): ReplyOutcome => ({ status: "ignored", reason });

/** The digest a reply answers: the first id in In-Reply-To, then References (newest first), whose tag is ours. */
function digestOf(deps: DeliveryDeps, mail: IncomingReply): DeliveryKey | "forged" | null {
  let looksOurs = false;
  for (const id of [...mail.inReplyTo, ...[...mail.references].reverse()]) {
    const parsed = parseDigestMessageId(id);
    if (!parsed) continue;
    looksOurs = true;
    if (sameTag(deps.links.replyTag(parsed.key), parsed.tag)) return parsed.key;
  }
  return looksOurs ? "forged" : null;
}

const VERB_PHRASE: Record<ReplyCommand["verb"], string> = {
  done: "mark it done",
  skip: "skip it",
  snooze: "snooze it",
  note: "add the note",
};

async function apply(deps: DeliveryDeps, actor: Actor, item: DigestItemRef, command: ReplyCommand): Promise<string> {
  const name = item.displayName;
  if (command.verb === "done") {
    const result = await doneToday(deps, actor, item.contactId, {});
    return result.applied
      ? `${name}: marked done; the touch is logged.`
      : `${name}: already done (or nothing is due); nothing more was logged.`;
  }
  if (command.verb === "skip") {
    const result = await skipToday(deps, actor, item.contactId);
    return `${name}: skipped this time${result.untilOn ? `; back on ${result.untilOn}` : ""}.`;
  }
  if (command.verb === "snooze") {
    const { todayOn } = await loadEngineContext(deps.store, actor.accountId, deps.clock.now());
    const result = await snoozeToday(deps, actor, item.contactId, { untilOn: snoozeUntilOn(todayOn, command.span) });
    return `${name}: snoozed until ${result.untilOn}.`;
  }
  await addContactNote(deps, actor, item.contactId, { text: command.text, source: "reply to the digest" });
  return `${name}: note added ("${command.text.length > 80 ? `${command.text.slice(0, 77)}…` : command.text}").`;
}

/**
 * Carries out what the reply asks, as the member who sent it, and says what happened line by line. A command the
 * domain refuses (a viewer, a contact gone) is reported and the others still run. An unexpected failure before
 * anything was done is thrown (the caller gives the reply back to the ledger); after, it is reported.
 */
async function act(
  deps: DeliveryDeps,
  member: Membership,
  key: DeliveryKey,
  items: readonly DigestItemRef[],
  mail: IncomingReply,
): Promise<{ text: string; applied: number }> {
  const parsed = parseReply(replyBodyOf(mail.text), items);
  if (!parsed.ok) return { text: answerUnclear(key, parsed.problem, items), applied: 0 };
  const actor: Actor = { accountId: member.accountId, userId: member.userId, role: member.role };
  const lines: string[] = [];
  let applied = 0;
  for (const command of parsed.commands) {
    const item = items[command.item] as DigestItemRef;
    try {
      lines.push(await apply(deps, actor, item, command));
      applied += 1;
    } catch (error) {
      const what = `${item.displayName}: could not ${VERB_PHRASE[command.verb]}`;
      if (error instanceof DomainError) lines.push(`${what} — ${error.message}.`);
      else if (applied === 0) throw error;
      else lines.push(`${what} — an unexpected error; try in Kith.`);
    }
  }
  return { text: answerDone(key, lines, parsed.unused), applied };
}

/** A reply's key in the ledger: its Message-ID, or a digest of a very long one. */
const replyKeyOf = (deps: DeliveryDeps, id: string) => (id.length <= 200 ? id : `sha256:${deps.secrets.hash(id)}`);

/**
 * Handles one mail from the reply mailbox, exactly once whatever the number of instances polling it: find the
 * digest it answers (by the tagged Message-ID it names), check that the sender is a member of that account with a
 * verified address, mark the reply used in the ledger, act, store the answer, and mail the answer through the
 * ledger. Strangers, forged and automatic mail are ignored without an answer (no backscatter). Calling it again for
 * the same mail acts no more; it only retries an answer that has not gone out yet.
 */
export async function handleDigestReply(deps: DeliveryDeps, mail: IncomingReply): Promise<ReplyOutcome> {
  if (mail.automatic) return ignored("automatic");
  const key = digestOf(deps, mail);
  if (key === null) return ignored("not-a-digest-reply");
  if (key === "forged") return ignored("forged");
  const items = await deps.store.digestReplies.findItems(key);
  if (!items) return ignored("unknown-digest");
  const members = await deps.store.memberships.listForAccount(key.accountId);
  const member = members.find((m) => m.email.toLowerCase() === mail.from?.toLowerCase());
  if (!member) return ignored("stranger");

  const replyKey = replyKeyOf(deps, mail.id);
  const marker = { accountId: key.accountId, kind: REPLY_KIND, period: replyKey };
  let applied = 0;
  if (await deps.store.deliveries.useOnce(marker, deps.clock.now().toISOString())) {
    try {
      const verified = await deps.store.users.isEmailVerified(member.userId);
      const outcome = verified
        ? await act(deps, member, key, items, mail)
        : { text: answerUnverified(member.email, deps.links.todayUrl), applied: 0 };
      applied = outcome.applied;
      await saveAnswer(deps, key.accountId, replyKey, member, mail, outcome.text);
    } catch (error) {
      // Nothing was done: give the reply back, so the next poll tries it again. Something was: never twice.
      if (applied === 0) await deps.store.deliveries.release(marker);
      throw error;
    }
  }
  return { status: "handled", accountId: key.accountId, applied, ...(await sendAnswer(deps, key.accountId, replyKey)) };
}

async function saveAnswer(
  deps: DeliveryDeps,
  accountId: string,
  replyKey: string,
  member: Membership,
  mail: IncomingReply,
  text: string,
): Promise<void> {
  const answer = answerMail({
    to: member.email,
    subject: mail.subject,
    text,
    messageId: `<${REPLY_ANSWER_KIND}.${encodeIdPart(accountId)}.${encodeIdPart(deps.secrets.hash(replyKey))}@${deps.links.host}>`,
    inReplyTo: mail.hasMessageId ? mail.id : null,
    references: [...mail.references, ...(mail.hasMessageId ? [mail.id] : [])],
    replyTo: deps.replyTo ?? null,
  });
  await deps.store.digestReplies.saveAnswer(accountId, replyKey, answer, deps.clock.now().toISOString());
}

/** Mails the stored answer through the ledger; settled once it was sent or given up. */
async function sendAnswer(
  deps: DeliveryDeps,
  accountId: string,
  replyKey: string,
): Promise<{ answer: DeliveryStatus | "busy" | "none"; settled: boolean }> {
  const answer: OutgoingMail | null = await deps.store.digestReplies.findAnswer(accountId, replyKey);
  // No answer stored: another instance is acting on it right now (it sends the answer), or one crashed mid-act.
  if (!answer) return { answer: "none", settled: true };
  const answerKey = { accountId, kind: REPLY_ANSWER_KIND, period: replyKey };
  const status = await deliverOnce(deps, answerKey, async () => answer);
  const row = await deps.store.deliveries.find(answerKey);
  return { answer: status, settled: row !== null && row.status !== "pending" };
}
