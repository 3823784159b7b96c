import type { Answer, Body } from "@kith/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";

export type CampaignInput = Body<"/api/campaigns", "post">;
export type Segment = CampaignInput["segment"];
export type CampaignDetail = Answer<"/api/campaigns/{id}", "get">;
export type Recipient = CampaignDetail["recipients"][number];

export function useCampaigns() {
  return useQuery({ queryKey: ["campaigns"], queryFn: async () => (await unwrap(api.GET("/api/campaigns"))).items });
}

/** The count beside the segment picker, asked again as the segment changes. */
export function useSegmentPreview(segment: Segment) {
  return useQuery({
    queryKey: ["campaigns", "segment", segment],
    queryFn: () => unwrap(api.POST("/api/campaigns/segment-preview", { body: { segment } })),
    placeholderData: keepPreviousData,
  });
}

/** A campaign being sent is polled, so its progress moves on the page. */
export function useCampaign(id: string) {
  return useQuery({
    queryKey: ["campaigns", id],
    queryFn: () => unwrap(api.GET("/api/campaigns/{id}", { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === "sending" ? 1500 : false),
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignInput) => unwrap(api.POST("/api/campaigns", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["campaigns"] }),
  });
}

const path = (id: string, contactId: string) => ({ params: { path: { id, contactId } } });

/** Every action on one campaign refreshes it (and the contacts' last touches). */
export function useCampaignActions(id: string) {
  const client = useQueryClient();
  const refresh = () => {
    for (const key of [["campaigns"], ["contacts"], ["today"]]) void client.invalidateQueries({ queryKey: key });
  };
  return {
    edit: useMutation({
      mutationFn: (v: { contactId: string; personalLine: string }) =>
        unwrap(
          api.PATCH("/api/campaigns/{id}/recipients/{contactId}", {
            ...path(id, v.contactId),
            body: { personalLine: v.personalLine },
          }),
        ),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (contactId: string) =>
        unwrap(api.DELETE("/api/campaigns/{id}/recipients/{contactId}", path(id, contactId))),
      onSuccess: refresh,
    }),
    markSent: useMutation({
      mutationFn: (contactId: string) =>
        unwrap(api.POST("/api/campaigns/{id}/recipients/{contactId}/mark-sent", path(id, contactId))),
      onSuccess: refresh,
    }),
    retry: useMutation({
      mutationFn: (contactId: string) =>
        unwrap(api.POST("/api/campaigns/{id}/recipients/{contactId}/retry", path(id, contactId))),
      onSuccess: refresh,
    }),
    sendAll: useMutation({
      mutationFn: () => unwrap(api.POST("/api/campaigns/{id}/send", { params: { path: { id } } })),
      onSuccess: refresh,
    }),
  };
}
