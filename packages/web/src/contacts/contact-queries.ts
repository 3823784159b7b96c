import type { Body } from "@kith/api";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { ArchivedFilter, Contact, ContactInput, ContactProgress, ContactSort } from "../api/types.ts";

export interface ContactFilters {
  q: string;
  circle: string;
  tag: string;
  companyId: string;
  archived: ArchivedFilter;
  /** "" is any progress. */
  progress: ContactProgress | "";
  sort: ContactSort;
}

export const NO_FILTERS: ContactFilters = {
  q: "",
  circle: "",
  tag: "",
  companyId: "",
  archived: "exclude",
  progress: "",
  sort: "name",
};

/** Pages of 200, fetched as the list scrolls; the previous result stays on screen while a search is typed. */
export function useContactList(filters: ContactFilters) {
  return useInfiniteQuery({
    queryKey: ["contacts", "list", filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/contacts", {
          signal,
          params: {
            query: {
              limit: 200,
              archived: filters.archived,
              sort: filters.sort,
              ...(filters.progress ? { progress: filters.progress } : {}),
              ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
              ...(filters.circle ? { circle: filters.circle } : {}),
              ...(filters.tag.trim() ? { tag: filters.tag.trim().toLowerCase() } : {}),
              ...(filters.companyId ? { companyId: filters.companyId } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Why the contact is due today, worded as on the today list; refreshed with it (same key prefix). */
export function useContactDue(id: string) {
  return useQuery({
    queryKey: ["today", "contact", id],
    queryFn: async () => (await unwrap(api.GET("/api/contacts/{id}/due", { params: { path: { id } } }))).item,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: ["contacts", "one", id],
    queryFn: () => unwrap(api.GET("/api/contacts/{id}", { params: { path: { id } } })),
  });
}

/** A change to a contact: only the fields sent change. */
export type ContactPatch = Body<"/api/contacts/{id}", "patch">;

/** Adds a contact (`id` absent: the whole input) or changes one (`id`: only what is sent). */
export function useSaveContact(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactPatch): Promise<Contact> =>
      id
        ? unwrap(api.PATCH("/api/contacts/{id}", { params: { path: { id } }, body: input }))
        : unwrap(api.POST("/api/contacts", { body: input as ContactInput })),
    onSuccess: (saved) => {
      client.setQueryData(["contacts", "one", saved.id], saved);
      void client.invalidateQueries({ queryKey: ["contacts", "list"] });
      void client.invalidateQueries({ queryKey: ["today"] });
    },
  });
}

export function useArchiveContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (archive: boolean) =>
      archive
        ? unwrap(api.POST("/api/contacts/{id}/archive", { params: { path: { id } } }))
        : unwrap(api.POST("/api/contacts/{id}/unarchive", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["contacts"] }),
  });
}

/** Circles the engine ships with; the settings API (when present) names the account's own. */
export const DEFAULT_CIRCLES = ["inner", "close", "network", "acquaintance", "occasions-only", "none"];

/** Default target of exchanges before a true connection (DESIGN: 7–10 meaningful interactions). */
export const CONNECTION_TARGET = 7;
