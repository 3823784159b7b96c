import type { TemplateSlot } from "./template-types.ts";

/**
 * Words for a template's reasons (slots) and channels, and the placeholders a template can use with what each
 * means (the fields of core's DraftContext, issue #12).
 */
// Keyed by the API's own enum: a slot added in core is a compile error here until it has words.
export const SLOT_LABELS: Record<TemplateSlot, string> = {
  "check-in": "Check-in",
  "nudge-1": "Nudge 1 (no reply yet)",
  "nudge-2": "Nudge 2",
  "nudge-3": "Nudge 3 (the last)",
  "move-on": "Moving on",
  birthday: "Birthday",
  anniversary: "Anniversary",
  holiday: "Holiday",
  occasion: "Occasion",
  "follow-up": "Follow-up",
  opportunity: "Opportunity",
  ask: "Who do you know at…?",
  "ask-insider": "Asking someone who works there",
  article: "Thought of you (article)",
  "thank-you-meeting": "Thank-you after a meeting",
  "thank-you-interview": "Thank-you after an interview",
  "new-role": "New role",
  "introducer-thanks": "Thanks to an introducer",
  "introducer-update": "How it went (to an introducer)",
  campaign: "Campaign",
  "status-check": "Status check on an application",
  "keep-in-touch": "Keeping in touch after a decision",
  "thank-you-referral": "Thanks for a referral",
};

export const slotLabel = (slot: TemplateSlot): string => SLOT_LABELS[slot] ?? slot;

export const SLOTS = Object.keys(SLOT_LABELS) as TemplateSlot[];

export const CHANNEL_LABELS: Record<string, string> = {
  any: "Any (e-mail or message)",
  email: "E-mail",
  message: "Message",
};

export const PLACEHOLDERS: readonly { name: string; meaning: string }[] = [
  { name: "contact.firstName", meaning: "their first name (empty when unknown: write “Hi,” around it)" },
  { name: "contact.lastName", meaning: "their last name" },
  { name: "contact.displayName", meaning: "their name as Kith shows it" },
  { name: "contact.company", meaning: "where they work" },
  { name: "contact.title", meaning: "their job title" },
  { name: "contact.howWeMet", meaning: "how you met, as you wrote it" },
  { name: "contact.interests", meaning: 'their interests, a list (| first, | join: ", ")' },
  { name: "lastTouch.ago", meaning: "when you last talked, in words (“3 weeks ago”)" },
  { name: "lastTouch.kind", meaning: "what it was: call, meeting, email…" },
  { name: "lastTouch.summary", meaning: "what it was about" },
  {
    name: "lastTouch.line",
    meaning: "what it was about as a sentence to them (“I still think about our talk about …”), or empty",
  },
  {
    name: "lastTouch.outing",
    meaning: "what you did together, to follow “meeting me for” (“coffee at Blue Bottle”), or empty",
  },
  { name: "lastTouch.topic", meaning: "what you talked about, to follow “our conversation about”, or empty" },
  { name: "lastTouch.note", meaning: "its note" },
  { name: "openFollowUps", meaning: "your open follow-ups with them, a list" },
  { name: "gap", meaning: "the time since the last touch (“four months”)" },
  { name: "me.name", meaning: "your name" },
  { name: "me.update", meaning: "your update (Settings → Your update)" },
  { name: "occasion.name", meaning: "the occasion: a birthday, Thanksgiving…" },
  { name: "article.title", meaning: "the article you thought of them with; also article.url, article.description" },
  { name: "company", meaning: "the company an ask is about" },
  { name: "personalLine", meaning: "a campaign's line for this person" },
];
