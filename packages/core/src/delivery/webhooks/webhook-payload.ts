import { z } from "zod";
import { draftSchema } from "../../messages/schemas.ts";
import type { TodayItem, TodayView } from "../../today/schemas.ts";

export interface ItemLinks {
  done: string;
  snoozeWeek: string;
}

export interface DigestEnvelope {
  event: "digest" | "test";
  deliveryId: string;
  accountId: string;
  /** The local date (daily) or week start (weekly) the digest is for; a test's own instant. */
  period: string;
  todayUrl: string;
}

/** Kith's own webhook body; receivers may parse it with this schema (it is also documented in the README). */
export const kithWebhookPayloadSchema = z.object({
  event: z.enum(["digest", "test"]),
  deliveryId: z.string(),
  accountId: z.string(),
  period: z.string(),
  todayOn: z.string(),
  title: z.string(),
  url: z.string(),
  items: z.array(
    z.object({
      contact: z.object({ id: z.string(), displayName: z.string(), circle: z.string() }),
      reason: z.object({ kind: z.string(), sentence: z.string(), sinceOn: z.string(), daysOverdue: z.number() }),
      /** What to say: the account's template for the reason, rendered for this person (plain text). */
      draft: draftSchema,
      /**
       * The article the item offers (an article item's own, or one a cadence item's person would like, with its own
       * "thought of you" draft); null when none.
       */
      article: z.object({ id: z.string(), title: z.string(), url: z.string(), draft: draftSchema }).nullable(),
      links: z.object({ done: z.string(), snoozeWeek: z.string() }),
    }),
  ),
  laterCount: z.number(),
  laterCountCapped: z.boolean(),
});
export type KithWebhookPayload = z.output<typeof kithWebhookPayloadSchema>;

/** ntfy's JSON publish body (https://docs.ntfy.sh/publish/#publish-as-json). */
export interface NtfyPayload {
  topic: string;
  title: string;
  message: string;
  tags: string[];
  priority: number;
  click: string;
  actions: { action: "view"; label: string; url: string }[];
}

/** The title names the count and the first person, so a notification is useful on a lock screen alone. */
export function digestTitle(view: TodayView, event: DigestEnvelope["event"]): string {
  const first = view.items[0]?.displayName ?? "";
  const n = view.items.length;
  const title =
    n === 0
      ? "Kith: nothing is due today"
      : n === 1
        ? `Kith: follow up with ${first} today`
        : `Kith: ${n} follow-ups today — ${first} and others`;
  return event === "test" ? `${title} (test)` : title;
}

export function kithDigestPayload(
  view: TodayView,
  linksFor: (item: TodayItem) => ItemLinks,
  envelope: DigestEnvelope,
): KithWebhookPayload {
  return {
    event: envelope.event,
    deliveryId: envelope.deliveryId,
    accountId: envelope.accountId,
    period: envelope.period,
    todayOn: view.todayOn,
    title: digestTitle(view, envelope.event),
    url: envelope.todayUrl,
    items: view.items.map((item) => ({
      contact: { id: item.contactId, displayName: item.displayName, circle: item.circle },
      reason: {
        kind: item.reasonKind,
        sentence: item.sentence,
        sinceOn: item.sinceOn,
        daysOverdue: item.daysOverdue,
      },
      draft: item.draft,
      article: item.article,
      links: linksFor(item),
    })),
    laterCount: view.laterCount,
    laterCountCapped: view.laterCountCapped,
  };
}

/** ntfy shows at most 3 actions and 4,096 bytes of message; the rest is one tap away in Kith. */
const NTFY_MESSAGE_CHARS = 3500;
const NTFY_LABEL_CHARS = 40;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** A draft's first words after its greeting ("Hi Ana,"), on one line: what a notification has room for. */
export function draftSnippet(draft: TodayItem["draft"], max = 140): string {
  const lines = draft.body.split("\n").map((l) => l.trim());
  const start = lines[0]?.endsWith(",") ? 1 : 0;
  const line = lines.slice(start).find((l) => l !== "") ?? "";
  return clip(line, max);
}

/** A line of its own for an offered article, title and link (ntfy makes the link tappable). */
const ntfyItemLines = (i: TodayItem): string[] => {
  const say = draftSnippet(i.draft);
  const article = i.article ? [`  Article: ${clip(i.article.title, 120)} ${i.article.url}`] : [];
  return [`• ${i.sentence}`, ...(say ? [`  Say: ${say}`] : []), ...article];
};

export function ntfyDigestPayload(
  view: TodayView,
  linksFor: (item: TodayItem) => ItemLinks,
  envelope: DigestEnvelope,
  topic: string,
): NtfyPayload {
  const later = view.laterCount > 0 ? [`${view.laterCount}${view.laterCountCapped ? "+" : ""} more wait.`] : [];
  const lines = view.items.length === 0 ? ["Nothing is due today."] : view.items.flatMap(ntfyItemLines);
  const actions: NtfyPayload["actions"] = [{ action: "view", label: "Open Kith", url: envelope.todayUrl }];
  const first = view.items[0];
  if (first) {
    const links = linksFor(first);
    actions.push(
      { action: "view", label: clip(`Done: ${first.displayName}`, NTFY_LABEL_CHARS), url: links.done },
      { action: "view", label: "Snooze a week", url: links.snoozeWeek },
    );
  }
  return {
    topic,
    title: digestTitle(view, envelope.event),
    message: clip([...lines, ...later].join("\n"), NTFY_MESSAGE_CHARS),
    tags: ["busts_in_silhouette"],
    priority: 3,
    click: envelope.todayUrl,
    actions,
  };
}
