import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";

export function useDuplicates() {
  return useQuery({ queryKey: ["duplicates"], queryFn: async () => (await unwrap(api.GET("/api/duplicates"))).items });
}

/** A merge or its undo moves values, interactions and follow-ups between contacts. */
function refreshAfterMerge(client: QueryClient) {
  for (const key of ["duplicates", "contacts", "today", "interactions", "follow-ups"]) {
    void client.invalidateQueries({ queryKey: [key] });
  }
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { keepId: string; mergeId: string }) => unwrap(api.POST("/api/merges", { body: input })),
    onSuccess: () => refreshAfterMerge(client),
  });
}

export function useUndoMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => unwrap(api.POST("/api/merges/{id}/undo", { params: { path: { id: mergeId } } })),
    onSuccess: () => refreshAfterMerge(client),
  });
}
