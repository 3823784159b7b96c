import { describe, expect, it } from "vitest";
import type { TodayItem, TodayView } from "../../today/schemas.ts";
import { kithDigestPayload, kithWebhookPayloadSchema, ntfyDigestPayload } from "./webhook-payload.ts";
import { createWebhookSchema, ntfyTarget } from "./webhook-schemas.ts";

const item = (contactId: string, displayName: string, templateSlot: string): TodayItem => ({
  contactId,
  displayName,
  circle: "close",
  reasonKind: "follow-up-due",
  sentence: `Ask ${displayName} about the studio`,
  sinceOn: "2026-11-01",
  daysOverdue: 2,
  priority: 90,
  templateSlot,
  followUpId: null,
  alsoDue: [],
  connection: { exchanges: 2, target: 7, stage: "building" },
  suggestMoveOn: false,
  article: null,
  opportunity: null,
  draft: {
    templateId: `default:${templateSlot}`,
    templateName: templateSlot,
    channel: "any",
    subject: `About ${templateSlot}`,
    body: `Hi ${displayName.split(" ")[0]},\n\nA line for ${templateSlot}.\n\nBest,\nSam`,
  },
});

const withArticle = (i: TodayItem): TodayItem => ({
  ...i,
  article: {
    id: "a1",
    title: "The sourdough revival",
    url: "https://news.example/sourdough?x=1&y=2",
    draft: { ...i.draft, subject: "Thought of you: The sourdough revival" },
  },
});

const view = (items: TodayItem[], laterCount = 0): TodayView => ({
  todayOn: "2026-11-03",
  items,
  later: [],
  laterCount,
  laterCountCapped: false,
  movedOn: [],
  habit: {
    weekStartOn: "2026-11-02",
    weekEndOn: "2026-11-08",
    weekCount: 0,
    weeklyGoal: 1,
    met: false,
    remaining: 1,
    streakWeeks: 0,
  },
});

const linksFor = (i: TodayItem) => ({
  done: `https://kith.test/act?token=done-${i.contactId}`,
  snoozeWeek: `https://kith.test/act?token=snooze-${i.contactId}`,
});
const envelope = {
  event: "digest" as const,
  deliveryId: "digest-webhook:w1/2026-11-03",
  accountId: "acc-1",
  period: "2026-11-03",
  todayUrl: "https://kith.test/today",
};

describe("Kith's webhook payload", () => {
  it("carries each item's contact, reason, draft and one-click links", () => {
    const payload = kithDigestPayload(
      view([item("c1", "Rosa Díaz", "follow-up"), item("c2", "Ann", "birthday")], 4),
      linksFor,
      envelope,
    );
    expect(kithWebhookPayloadSchema.parse(payload)).toEqual(payload);
    expect(payload).toMatchObject({
      event: "digest",
      deliveryId: "digest-webhook:w1/2026-11-03",
      period: "2026-11-03",
      todayOn: "2026-11-03",
      title: "Kith: 2 follow-ups today — Rosa Díaz and others",
      url: "https://kith.test/today",
      laterCount: 4,
    });
    expect(payload.items[0]).toEqual({
      contact: { id: "c1", displayName: "Rosa Díaz", circle: "close" },
      reason: {
        kind: "follow-up-due",
        sentence: "Ask Rosa Díaz about the studio",
        sinceOn: "2026-11-01",
        daysOverdue: 2,
      },
      draft: {
        templateId: "default:follow-up",
        templateName: "follow-up",
        channel: "any",
        subject: "About follow-up",
        body: "Hi Rosa,\n\nA line for follow-up.\n\nBest,\nSam",
      },
      article: null,
      links: { done: "https://kith.test/act?token=done-c1", snoozeWeek: "https://kith.test/act?token=snooze-c1" },
    });
    expect(payload.items[1]?.draft.subject).toBe("About birthday");
  });

  it("carries the article an item offers, with its title, link and draft", () => {
    const payload = kithDigestPayload(view([withArticle(item("c1", "Zoë علي", "article"))]), linksFor, envelope);
    expect(kithWebhookPayloadSchema.parse(payload)).toEqual(payload);
    expect(payload.items[0]?.article).toEqual({
      id: "a1",
      title: "The sourdough revival",
      url: "https://news.example/sourdough?x=1&y=2",
      draft: expect.objectContaining({ subject: "Thought of you: The sourdough revival" }),
    });
  });

  it("marks a test in its title", () => {
    expect(kithDigestPayload(view([]), linksFor, { ...envelope, event: "test" }).title).toBe(
      "Kith: nothing is due today (test)",
    );
  });
});

describe("ntfy's payload", () => {
  it("publishes to the topic with a title, the reasons with what to say, and view actions for the first item", () => {
    const payload = ntfyDigestPayload(
      view([item("c1", "Rosa Díaz", "nudge"), item("c2", "Ann", "check-in")], 2),
      linksFor,
      envelope,
      "my-topic",
    );
    expect(payload).toEqual({
      topic: "my-topic",
      title: "Kith: 2 follow-ups today — Rosa Díaz and others",
      message:
        "• Ask Rosa Díaz about the studio\n  Say: A line for nudge.\n• Ask Ann about the studio\n  Say: A line for check-in.\n2 more wait.",
      tags: ["busts_in_silhouette"],
      priority: 3,
      click: "https://kith.test/today",
      actions: [
        { action: "view", label: "Open Kith", url: "https://kith.test/today" },
        { action: "view", label: "Done: Rosa Díaz", url: "https://kith.test/act?token=done-c1" },
        { action: "view", label: "Snooze a week", url: "https://kith.test/act?token=snooze-c1" },
      ],
    });
  });

  it("names an offered article with its link under the item", () => {
    const payload = ntfyDigestPayload(
      view([withArticle(item("c1", "Zoë علي", "article")), item("c2", "Ann", "check-in")]),
      linksFor,
      envelope,
      "t",
    );
    expect(payload.message).toBe(
      "• Ask Zoë علي about the studio\n  Say: A line for article.\n" +
        "  Article: The sourdough revival https://news.example/sourdough?x=1&y=2\n" +
        "• Ask Ann about the studio\n  Say: A line for check-in.",
    );
  });

  it("stays within ntfy's limits: three actions, a short label, a message under 4,096 bytes", () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      item(`c${i}`, `Person With A Really Rather Long Name ${i}`, "check-in"),
    );
    const payload = ntfyDigestPayload(view(many), linksFor, envelope, "t");
    expect(payload.actions).toHaveLength(3);
    expect(payload.actions[1]?.label.length).toBeLessThanOrEqual(40);
    expect(payload.actions[1]?.label.endsWith("…")).toBe(true);
    expect(Buffer.byteLength(payload.message)).toBeLessThan(4096);
    expect(payload.message.endsWith("…")).toBe(true);
  });

  it("takes the topic from the URL's last segment and posts to the server root", () => {
    expect(ntfyTarget("https://ntfy.sh/my-topic")).toEqual({ postUrl: "https://ntfy.sh/", topic: "my-topic" });
    expect(ntfyTarget("https://push.example.org/ntfy/alerts_1?auth=abc")).toEqual({
      postUrl: "https://push.example.org/ntfy/?auth=abc",
      topic: "alerts_1",
    });
    expect(ntfyTarget("https://ntfy.sh/")).toBeNull();
    expect(ntfyTarget("https://ntfy.sh/bad topic!")).toBeNull();
  });
});

describe("webhook input", () => {
  it("names the field: a URL that is not http(s), an ntfy URL without a topic, an unknown format", () => {
    const issues = (input: unknown) => createWebhookSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(issues({ url: "ftp://example.org/x" })).toEqual(["url"]);
    expect(issues({ url: "https://ntfy.sh/", format: "ntfy" })).toEqual(["url"]);
    expect(issues({ url: "https://example.org/x", format: "slack" })).toEqual(["format"]);
    expect(createWebhookSchema.parse({ url: " https://example.org/x " })).toEqual({
      url: "https://example.org/x",
      format: "kith",
    });
  });
});
