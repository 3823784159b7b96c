import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { Direction, InteractionInput, InteractionKind } from "../api/types.ts";

export function useTimeline(contactId: string) {
  return useInfiniteQuery({
    queryKey: ["interactions", contactId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/interactions", {
          params: { query: { contactId, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Logging a touch changes the contact's last touch, progress, due state and today list: refresh them all. */
export function useLogInteraction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InteractionInput) => unwrap(api.POST("/api/interactions", { body: input })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["interactions"] });
      void client.invalidateQueries({ queryKey: ["contacts"] });
      void client.invalidateQueries({ queryKey: ["today"] });
    },
  });
}

export const KIND_LABELS: Record<InteractionKind, string> = {
  email: "Email",
  call: "Call",
  meeting: "Meeting",
  message: "Message",
  letter: "Letter",
  social: "Social",
  other: "Other",
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  outbound: "I reached out",
  inbound: "They reached out",
  mutual: "Together",
};
