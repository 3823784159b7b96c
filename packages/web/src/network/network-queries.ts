import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { NetworkTarget, RelationshipInput, RelationshipPatch } from "./network-types.ts";

/** Everything a relationship or an ask changes is read again: pages, the graph, paths, Today's ask follow-ups. */
export function useNetworkChanged() {
  const client = useQueryClient();
  return () => {
    for (const key of ["relationships", "network", "asks", "who-do-you-know", "follow-ups", "today", "contacts"])
      void client.invalidateQueries({ queryKey: [key] });
  };
}

export function useRelationships(contactId: string) {
  return useQuery({
    queryKey: ["relationships", contactId],
    queryFn: () => unwrap(api.GET("/api/contacts/{id}/relationships", { params: { path: { id: contactId } } })),
  });
}

export function useAddRelationship() {
  const changed = useNetworkChanged();
  return useMutation({
    mutationFn: (body: RelationshipInput) => unwrap(api.POST("/api/relationships", { body })),
    onSuccess: changed,
  });
}

export function useEditRelationship(id: string) {
  const changed = useNetworkChanged();
  return useMutation({
    mutationFn: (body: RelationshipPatch) =>
      unwrap(api.PATCH("/api/relationships/{id}", { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useRemoveRelationship() {
  const changed = useNetworkChanged();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/relationships/{id}", { params: { path: { id } } })),
    onSuccess: changed,
  });
}

export function useNeighbourhood(around: NetworkTarget | null, depth: 1 | 2) {
  return useQuery({
    queryKey: ["network", "neighbourhood", around, depth],
    queryFn: () =>
      unwrap(api.GET("/api/network/neighbourhood", { params: { query: { around: around as string, depth } } })),
    enabled: Boolean(around),
    placeholderData: keepPreviousData,
  });
}

export function usePaths(to: NetworkTarget | null) {
  return useQuery({
    queryKey: ["network", "paths", to],
    queryFn: () => unwrap(api.GET("/api/network/paths", { params: { query: { to: to as string } } })),
    enabled: Boolean(to),
  });
}

export function useWhoDoYouKnow(companyId: string) {
  return useQuery({
    queryKey: ["who-do-you-know", companyId],
    queryFn: () => unwrap(api.GET("/api/companies/{id}/who-do-you-know", { params: { path: { id: companyId } } })),
  });
}
