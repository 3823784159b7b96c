import { z } from "zod";
import { CONNECTION_STAGES } from "../engine/progress.ts";
import { REASON_KINDS } from "../engine/reasons.ts";
import { dateOn } from "../follow-ups/schemas.ts";
import { DIRECTIONS, INTERACTION_KINDS, templateIdInput } from "../interactions/schemas.ts";
import { draftSchema } from "../messages/schemas.ts";

export const todayItemSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  circle: z.string(),
  reasonKind: z.enum(REASON_KINDS),
  /** A human sentence: "You wrote to Rosa 8 days ago and haven't heard back — nudge 2 of 3". */
  sentence: z.string(),
  /** Due since this date. */
  sinceOn: z.string(),
  daysOverdue: z.number(),
  priority: z.number(),
  templateSlot: z.string(),
  followUpId: z.string().nullable(),
  alsoDue: z.array(z.enum(REASON_KINDS)),
  connection: z.object({ exchanges: z.number(), target: z.number(), stage: z.enum(CONNECTION_STAGES) }),
  suggestMoveOn: z.boolean(),
  /** What to say: the account's template for this reason, rendered for this person. */
  draft: draftSchema,
  /**
   * A recent article for this person: on an article-match item, the one the draft is about; on a cadence item, the
   * best match of the last 30 days' articles (an interest or a tag), offered beside the check-in with its own
   * "thought of you" draft. Null when none matches.
   */
  article: z.object({ id: z.string(), title: z.string(), url: z.string(), draft: draftSchema }).nullable(),
  /** The opportunity the item's follow-up is about (a thank-you, a status check, a keep-in-touch), or null. */
  opportunity: z.object({ id: z.string(), title: z.string(), companyName: z.string().nullable() }).nullable(),
});
export type TodayItem = z.output<typeof todayItemSchema>;

export const todayViewSchema = z.object({
  todayOn: z.string(),
  items: z.array(todayItemSchema),
  /** Beyond the daily cap: spread over the coming days (backlog amnesty), never dropped. */
  later: z.array(todayItemSchema.extend({ plannedOn: z.string() })),
  /** How many items wait beyond today's cap in all (`later` shows the first of them). */
  laterCount: z.number(),
  /** True when more are waiting than `laterCount` says (counting stops at 200). */
  laterCountCapped: z.boolean(),
  /**
   * Contacts Kith moved to occasions-only by itself in the last week (a move-on suggestion ignored for a week),
   * most recent first: each can be undone (`POST /api/contacts/{id}/move-on/undo`).
   */
  movedOn: z.array(
    z.object({ contactId: z.string(), displayName: z.string(), movedOnAt: z.string(), note: z.string() }),
  ),
  habit: z.object({
    weekStartOn: z.string(),
    weekEndOn: z.string(),
    weekCount: z.number().describe("reach-outs this week, counted up to 100"),
    weeklyGoal: z.number(),
    met: z.boolean(),
    remaining: z.number(),
    streakWeeks: z.number(),
  }),
});
export type TodayView = z.output<typeof todayViewSchema>;

export const doneTodaySchema = z.strictObject({
  kind: z.enum(INTERACTION_KINDS).default("message"),
  /** Default: a call or a meeting is a conversation (mutual); a written message went out (outbound). */
  direction: z.enum(DIRECTIONS).optional(),
  summary: z.string().max(20_000).optional(),
  /**
   * An outbound message opens an outreach (nudges until answered) only when it waits for a reply. Default: it does
   * when the item was a nudge (the outreach goes on), not otherwise.
   */
  awaitsReply: z.boolean().optional(),
  /**
   * The message that did it is logged already (sent through the member's own email, `POST /api/messages/send`):
   * done records no second interaction, and its undo leaves that record of a sent message alone.
   */
  loggedInteractionId: z.string().min(1).max(64).optional(),
  /** Done by sending the item's draft yourself ("did you send it?"): its template, kept on the logged message. */
  templateId: templateIdInput.optional(),
  /**
   * The message shared this saved article (a cadence item's "Share it instead"): Kith no longer suggests it to this
   * contact. An article item's own article is closed without it.
   */
  articleId: z.string().min(1).max(64).optional(),
});

export const snoozeTodaySchema = z.union([
  z.strictObject({ untilOn: dateOn }),
  z.strictObject({ days: z.number().int().min(1).max(365) }),
]);

/** What an action did, so the same act can be undone (the web's "Undo" toast, `kith undo`). */
export const undoTokenSchema = z.strictObject({
  action: z.enum(["done", "snooze", "skip"]),
  contactId: z.string().max(64),
  followUpId: z.string().max(64).nullable(),
  interactionId: z.string().max(64).nullable(),
  snoozedUntilOnBefore: dateOn.nullable(),
  /** The done item's identity, recorded so the same item is done once; undo forgets it. */
  doneKey: z.string().max(400).nullable().optional(),
  /** An article item done (shared) or skipped (dismissed): undo suggests the article to the contact again. */
  articleId: z.string().max(64).nullable().optional(),
});
export type UndoToken = z.output<typeof undoTokenSchema>;

export const todayActionResultSchema = z.object({
  contactId: z.string(),
  /** What the action set: the date the item comes back (snooze, skip), or null. */
  untilOn: z.string().nullable(),
  /** False when nothing was done: the item had been done already (a second press, link or reply) or nothing was due. */
  applied: z.boolean(),
  undo: undoTokenSchema,
});
export type TodayActionResult = z.output<typeof todayActionResultSchema>;
