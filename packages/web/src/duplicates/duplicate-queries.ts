import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { Duplicate } from "../api/types.ts";

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

/** A pair as the dismissal routes take it. */
export type PairIds = [string, string];

/** "Not the same person": the pair leaves the list at once, and for good (until undone). */
export function useDismissDuplicate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contactIds: PairIds) => unwrap(api.POST("/api/duplicates/dismissals", { body: { contactIds } })),
    onSuccess: (_none, [x, y]) => {
      const same = (d: Duplicate) => [d.contactId, d.duplicateOfId].sort().join() === [x, y].sort().join();
      client.setQueryData<Duplicate[]>(["duplicates"], (all) => all?.filter((d) => !same(d)));
      void client.invalidateQueries({ queryKey: ["duplicates"] });
    },
  });
}

export function useUndoDismissDuplicate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contactIds: PairIds) => unwrap(api.POST("/api/duplicates/dismissals/undo", { body: { contactIds } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["duplicates"] }),
  });
}
