import { pageQuerySchema } from "@kith/core";
import { z } from "zod";

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** List query strings: the feature's filters plus cursor and limit. */
export const listQuery = <T extends z.ZodRawShape>(filters: z.ZodObject<T>) =>
  filters.extend(pageQuerySchema.shape).strict();

export const splitPage = <Q extends { cursor?: string | undefined; limit?: number | undefined }>(query: Q) => {
  const { cursor, limit, ...filters } = query;
  return { filters, page: { ...(cursor !== undefined ? { cursor } : {}), ...(limit !== undefined ? { limit } : {}) } };
};

export const noContent = z.null().describe("No content");
