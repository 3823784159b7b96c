import type { Body, Answer as Ok } from "@kith/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";

export type CalendarView = Ok<"/api/calendars/{id}", "get">;
export type CalendarImport = Ok<"/api/calendars/import", "post">;
export type Mailbox = NonNullable<Ok<"/api/me/mailbox", "get">["mailbox"]>;
export type MailboxInput = Body<"/api/me/mailbox", "put">;
export type MailboxStatus = NonNullable<Ok<"/api/me/mailbox/status", "get">["status"]>;

const CALENDARS = ["calendars"];
const MAILBOX = ["me", "mailbox"];
const MAILBOX_STATUS = ["me", "mailbox", "status"];
/** While a source is waiting or syncing, its status is read again this often. */
const BUSY_POLL_MS = 2000;

const busy = (state: string | undefined) => state === "waiting" || state === "syncing";

/** The account's calendars; polled while one of them waits for or runs its sync. */
export function useCalendars() {
  return useQuery({
    queryKey: CALENDARS,
    queryFn: async () => (await unwrap(api.GET("/api/calendars"))).items,
    refetchInterval: (q) => (q.state.data?.some((c) => busy(c.state)) ? BUSY_POLL_MS : false),
  });
}

function useCalendarMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Meetings logged or removed change contacts' timelines and the today list too.
    onSuccess: () => client.invalidateQueries(),
  });
}

export const useImportCalendar = () =>
  useCalendarMutation((content: string) => unwrap(api.POST("/api/calendars/import", { body: { content } })));

export const useSubscribeCalendar = () =>
  useCalendarMutation((body: Body<"/api/calendars", "post">) => unwrap(api.POST("/api/calendars", { body })));

export const useSyncCalendar = () =>
  useCalendarMutation((id: string) => unwrap(api.POST("/api/calendars/{id}/sync", { params: { path: { id } } })));

/** A subscription's address given again (one restored from a backup, or failed): the same calendar is read again. */
export const useSetCalendarAddress = () =>
  useCalendarMutation(({ id, url }: { id: string; url: string }) =>
    unwrap(api.PUT("/api/calendars/{id}/address", { params: { path: { id } }, body: { url } })),
  );

export const useRemoveCalendar = () =>
  useCalendarMutation(({ id, keep }: { id: string; keep: boolean }) =>
    unwrap(api.DELETE("/api/calendars/{id}", { params: { path: { id }, query: { keep: keep ? "true" : "false" } } })),
  );

/** My own mailbox (null: none connected); the password only as `passwordSet`. */
export function useMailbox() {
  return useQuery({ queryKey: MAILBOX, queryFn: async () => (await unwrap(api.GET("/api/me/mailbox"))).mailbox });
}

export function useMailboxStatus(enabled: boolean) {
  return useQuery({
    queryKey: MAILBOX_STATUS,
    enabled,
    queryFn: async () => (await unwrap(api.GET("/api/me/mailbox/status"))).status,
    refetchInterval: (q) => (busy(q.state.data?.state) ? BUSY_POLL_MS : false),
  });
}

export function useSaveMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MailboxInput) => unwrap(api.PUT("/api/me/mailbox", { body })),
    onSuccess: (saved) => {
      client.setQueryData(MAILBOX, saved);
      void client.invalidateQueries({ queryKey: MAILBOX_STATUS });
    },
  });
}

/** Connects and signs in with the form as it is (the saved password when none is typed), reading nothing. */
export function useTestMailbox() {
  return useMutation({ mutationFn: (body: MailboxInput) => unwrap(api.POST("/api/me/mailbox/test", { body })) });
}

export function useSyncMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/me/mailbox/sync")),
    onSuccess: (status) => client.setQueryData(MAILBOX_STATUS, status),
  });
}

export function useDisconnectMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keep: boolean) =>
      unwrap(api.DELETE("/api/me/mailbox", { params: { query: { keep: keep ? "true" : "false" } } })),
    onSuccess: () => client.invalidateQueries(),
  });
}

export type SuggestionView = Ok<"/api/mailbox/suggestions", "get">["suggestions"][number];

/** My unknown people from mail and meetings ("add as contact?"). */
export function useSuggestions() {
  return useQuery({
    queryKey: ["mailbox", "suggestions"],
    queryFn: async () => (await unwrap(api.GET("/api/mailbox/suggestions"))).suggestions,
  });
}

export function useAcceptSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (address: string) =>
      unwrap(api.POST("/api/mailbox/suggestions/{address}/accept", { params: { path: { address } }, body: {} })),
    // A new contact with its messages and meetings: lists, timelines and the today list change.
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useDismissSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (address: string) =>
      unwrap(api.POST("/api/mailbox/suggestions/{address}/dismiss", { params: { path: { address } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["mailbox", "suggestions"] }),
  });
}
