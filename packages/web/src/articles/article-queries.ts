import type { Answer, Body } from "@kith/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";

export type Article = Answer<"/api/articles/{id}", "get">;
export type ArticleMatch = Answer<"/api/articles/{id}/matches", "get">["items"][number];
export type ArticleDraft = Answer<"/api/articles/{id}/drafts", "post">["items"][number];

/** Pending articles are being fetched by the server's job: ask again until they are not. */
const whilePending = (pending: boolean) => (pending ? 1500 : false);

export function useArticles() {
  return useQuery({
    queryKey: ["articles"],
    queryFn: async () => (await unwrap(api.GET("/api/articles", { params: { query: { limit: 100 } } }))).items,
    refetchInterval: (query) => whilePending((query.state.data ?? []).some((a) => a.status === "pending")),
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: ["articles", id],
    queryFn: () => unwrap(api.GET("/api/articles/{id}", { params: { path: { id } } })),
    refetchInterval: (query) => whilePending(query.state.data?.status === "pending"),
  });
}

export function useArticleMatches(id: string, status: Article["status"] | undefined) {
  return useQuery({
    queryKey: ["articles", id, "matches", status],
    queryFn: async () => (await unwrap(api.GET("/api/articles/{id}/matches", { params: { path: { id } } }))).items,
    enabled: status !== undefined,
  });
}

export function useSaveArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<"/api/articles", "post">) => unwrap(api.POST("/api/articles", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["articles"] }),
  });
}

export function useDeleteArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/articles/{id}", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["articles"] }),
  });
}

export function useArticleDrafts(id: string) {
  return useMutation({
    mutationFn: async (contactIds: string[]) =>
      (await unwrap(api.POST("/api/articles/{id}/drafts", { params: { path: { id } }, body: { contactIds } }))).items,
  });
}
