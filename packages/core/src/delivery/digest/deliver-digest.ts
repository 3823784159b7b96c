import type { Actor } from "../../accounts/roles.ts";
import type { Deps } from "../../ports/index.ts";
import type { TodayView } from "../../today/schemas.ts";
import { getToday } from "../../today/today-service.ts";
import type { ActionLinks, DeliveryKey, Mailer, OutgoingMail } from "../delivery-ports.ts";
import { deliverEntry, type LedgerDeps } from "../ledger.ts";
import type { DeliveryStatus } from "../schemas.ts";
import { composeDigest } from "./compose-digest.ts";
import { digestMessageId } from "./digest-message-id.ts";

/** What mailing needs beyond the ledger's deps: the mail port and the link signer. */
export interface DeliveryDeps extends LedgerDeps {
  mailer: Mailer;
  links: ActionLinks;
  /** Where replies to a digest go (its `Reply-To`), when this server reads them; absent or null: replies are off. */
  replyTo?: string | null;
}

export const DIGEST_KIND = "digest-email";
const DAY_MS = 86_400_000;
const ACTION_LINK_DAYS = 7;
const UNSUBSCRIBE_LINK_DAYS = 60;

const plusMs = (at: string, ms: number) => new Date(new Date(at).getTime() + ms).toISOString();

/** The owners receive the digest; the first one acts when a link is followed (its role is checked then). */
async function ownersOf(deps: Deps, accountId: string) {
  const members = await deps.store.memberships.listForAccount(accountId);
  return members.filter((m) => m.role === "owner").sort((a, b) => a.userId.localeCompare(b.userId));
}

/** Builds the mail of one (account, period), or null when nothing is due (no mail is sent then). */
export async function buildDigestMail(
  deps: DeliveryDeps,
  key: DeliveryKey,
  opts: { to?: string[]; sendEmpty?: boolean } = {},
): Promise<OutgoingMail | null> {
  const owners = await ownersOf(deps, key.accountId);
  const actor: Actor = { accountId: key.accountId, userId: owners[0]?.userId ?? "", role: "viewer" };
  const to = opts.to ?? owners.map((o) => o.email);
  if (to.length === 0) return null;
  const view: TodayView = await getToday(deps, actor);
  if (view.items.length === 0 && view.movedOn.length === 0 && !opts.sendEmpty) return null;
  const nowAt = deps.clock.now().toISOString();
  const claim = (purpose: "done" | "snooze-week" | "unsubscribe", contactId: string | null, days: number) =>
    deps.links.link({
      purpose,
      accountId: key.accountId,
      userId: actor.userId,
      contactId,
      nonce: `${key.kind}/${key.period}/${contactId ?? ""}/${purpose}`,
      expiresAt: plusMs(nowAt, days * DAY_MS),
    });
  const unsubscribeUrl = claim("unsubscribe", null, UNSUBSCRIBE_LINK_DAYS);
  const content = composeDigest(
    view,
    (item) => ({
      done: claim("done", item.contactId, ACTION_LINK_DAYS),
      snoozeWeek: claim("snooze-week", item.contactId, ACTION_LINK_DAYS),
    }),
    { todayUrl: deps.links.todayUrl, unsubscribeUrl, replies: Boolean(deps.replyTo) },
  );
  // Kept before sending, so that a reply (which names items by number) finds the list it answers.
  const items = view.items.map((i) => ({ contactId: i.contactId, displayName: i.displayName, sentence: i.sentence }));
  await deps.store.digestReplies.saveItems(key, items, nowAt);
  return {
    to,
    ...content,
    messageId: digestMessageId(key, deps.links.replyTag(key), deps.links.host),
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      ...(deps.replyTo ? { "Reply-To": deps.replyTo } : {}),
    },
  };
}

/**
 * Delivers one mail through its ledger entry at most once (see `deliverEntry`): claim, build, send, record. Returns
 * "busy" when this instance did not get the lease (another has it, or the entry is settled or waiting).
 */
export async function deliverOnce(
  deps: DeliveryDeps,
  key: DeliveryKey,
  build: () => Promise<OutgoingMail | null>,
  opts: { retry: boolean } = { retry: true },
): Promise<DeliveryStatus | "busy"> {
  const attempt = async () => {
    const mail = await build();
    if (!mail) return "skipped" as const;
    await deps.mailer.send(mail);
    return "sent" as const;
  };
  return deliverEntry(deps, key, attempt, opts);
}
