import { z } from "zod";

/** Longest comment, in characters. */
export const COMMENT_MAX = 2000;
/** A thread holds at most this many comments (it is read whole). */
export const THREAD_MAX = 500;

export const opportunityCommentSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  /** null once restored from a backup (the author may not be a member here). */
  authorId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type OpportunityComment = z.output<typeof opportunityCommentSchema>;

export const createCommentSchema = z.strictObject({ body: z.string().trim().min(1).max(COMMENT_MAX) });
