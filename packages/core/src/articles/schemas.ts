import { z } from "zod";
import { tagSchema } from "../contacts/schemas.ts";
import { draftSchema } from "../messages/schemas.ts";

export const ARTICLE_STATUSES = ["pending", "fetched", "failed"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Text kept of an article's page (its main text, scripts and styles stripped), in characters. */
export const ARTICLE_TEXT_MAX = 50_000;
export const ARTICLE_TITLE_MAX = 300;
export const ARTICLE_DESCRIPTION_MAX = 1000;
/** Topics kept per article. */
export const ARTICLE_TOPICS_MAX = 20;
/** Contacts `GET /api/articles/{id}/matches` answers at most. */
export const ARTICLE_MATCHES_MAX = 20;

function urlOf(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * A link's literal form: http or https, no user name or password in it. Where it points (its addresses) is checked
 * by the guarded fetcher at save time and again at every fetch.
 */
export const articleUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((value) => {
    const url = urlOf(value);
    return url !== null && (url.protocol === "http:" || url.protocol === "https:");
  }, "URL must be an http:// or https:// address")
  .refine((value) => {
    const url = urlOf(value);
    return url === null || (url.username === "" && url.password === "");
  }, "URL must not carry a user name or password");

export const saveArticleSchema = z.strictObject({
  url: articleUrlSchema,
  note: z.string().trim().max(2000).optional(),
  tags: z.array(tagSchema).max(20).optional(),
});
export type SaveArticleInput = z.input<typeof saveArticleSchema>;

export const articleSchema = z.object({
  id: z.string(),
  url: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  /** Why the fetch failed (or why the last attempt did, while it is retried), in words. */
  failure: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  /** Words and phrases the article is about, strongest first. */
  topics: z.array(z.string()),
  savedAt: z.string(),
  fetchedAt: z.string().nullable(),
});
export type Article = z.output<typeof articleSchema>;

export const articleMatchSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  company: z.string().nullable(),
  /** Higher is a closer match (interests count most, then tags, company and notes). */
  score: z.number(),
  /** Why, in words: "interested in climate", "works at Acme". */
  reasons: z.array(z.string()),
  nextDueOn: z.string().nullable(),
});
export type ArticleMatch = z.output<typeof articleMatchSchema>;

/** "Share with": the contacts to draft a message to about the article. */
export const articleDraftsSchema = z.strictObject({
  contactIds: z.array(z.string().min(1).max(64)).min(1).max(ARTICLE_MATCHES_MAX),
});

export const articleListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const articleDraftSchema = z.object({ contactId: z.string(), draft: draftSchema });
export type ArticleDraft = z.output<typeof articleDraftSchema>;
