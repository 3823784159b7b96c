import type { TodayItem } from "../../today/schemas.ts";

/**
 * A first line to send, by the item's template slot, so a digest says what to say as well as whom to reach. Plain
 * defaults until the account's own templates replace them; the first word of the display name greets.
 */
const checkIn = (n: string) => `Hi ${n}, it's been a while — how are you doing?`;
const OPENERS: Record<string, (first: string) => string> = {
  "follow-up": (n) => `Hi ${n}, I wanted to follow up — do you have a moment this week?`,
  opportunity: (n) => `Hi ${n}, I wanted to check in on where things stand — is there anything you need from me?`,
  ask: (n) => `Hi ${n}, thanks again for thinking about who you might know — did anyone come to mind?`,
  nudge: (n) => `Hi ${n}, bumping my last message in case it got buried.`,
  "move-on": (n) => `Hi ${n}, I know things get busy — no pressure at all, I'll leave it with you.`,
  birthday: (n) => `Happy birthday, ${n}! I hope the year ahead is a great one.`,
  anniversary: (n) => `Hi ${n}, happy anniversary! Thinking of you today.`,
  occasion: (n) => `Hi ${n}, thinking of you today — I hope all is well.`,
  holiday: (n) => `Hi ${n}, wishing you a happy holiday!`,
  "check-in": checkIn,
  article: (n) => `Hi ${n}, I came across something I thought you'd like.`,
};

export function suggestedMessage(item: Pick<TodayItem, "displayName" | "templateSlot">): string {
  const first = item.displayName.trim().split(/\s+/)[0] || item.displayName;
  return (OPENERS[item.templateSlot] ?? checkIn)(first);
}
