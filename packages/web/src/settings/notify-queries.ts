import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { CalendarFeedStatus, NotifySettings, NotifyStatus, WebhookInput } from "../api/types.ts";

/** The digest schedule, whether this server can mail, and the latest deliveries (one GET holds all three). */
export function useNotifyStatus() {
  return useQuery({ queryKey: ["notify", "status"], queryFn: () => unwrap(api.GET("/api/notify/status")) });
}

export function useSaveNotifySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<NotifySettings>) => unwrap(api.PATCH("/api/notify/settings", { body: patch })),
    onSuccess: (settings) =>
      client.setQueryData<NotifyStatus>(["notify", "status"], (status) => (status ? { ...status, settings } : status)),
  });
}

/** Today's digest to my own address, now; its outcome also lands in the recent deliveries. */
export function useSendTestDigest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/notify/test")),
    onSettled: () => client.invalidateQueries({ queryKey: ["notify", "status"] }),
  });
}

const CALENDAR_FEED = ["calendar", "feed"];

/**
 * Whether my calendar address is on (and since when); a new secret address (the previous one stops working), or
 * none. The address itself comes back only from `rotate`: the server keeps its hash.
 */
export function useCalendarFeed() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: CALENDAR_FEED, queryFn: () => unwrap(api.GET("/api/calendar/feed")) });
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST("/api/calendar/feed")),
    onSettled: () => client.invalidateQueries({ queryKey: CALENDAR_FEED }),
  });
  const turnOff = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/calendar/feed")),
    onSuccess: () => client.setQueryData<CalendarFeedStatus>(CALENDAR_FEED, { active: false, createdAt: null }),
    onSettled: () => client.invalidateQueries({ queryKey: CALENDAR_FEED }),
  });
  return { status, rotate, turnOff };
}

const WEBHOOKS = ["notify", "webhooks"];

/** The account's webhooks with the latest delivery to each (non-owners get each URL's origin only). */
export function useWebhooks() {
  return useQuery({ queryKey: WEBHOOKS, queryFn: () => unwrap(api.GET("/api/notify/webhooks")) });
}

/** Add (owner only): the answer carries the signing secret, the only time it is shown. */
export function useAddWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) => unwrap(api.POST("/api/notify/webhooks", { body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: WEBHOOKS }),
  });
}

export function useRemoveWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/notify/webhooks/{id}", { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: WEBHOOKS }),
  });
}

/** One test request now; its outcome also becomes the webhook's latest delivery and lands in the recent ones. */
export function useTestWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST("/api/notify/webhooks/{id}/test", { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ["notify"] }),
  });
}
