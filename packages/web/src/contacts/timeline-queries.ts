import type { Body } from "@kith/api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";

export type InteractionPatch = Body<"/api/interactions/{id}", "patch">;

/** Editing or deleting an entry changes its contacts' last touch, progress, due state and today list. */
function useRefreshAfterTimelineChange() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["interactions"] });
    void client.invalidateQueries({ queryKey: ["contacts"] });
    void client.invalidateQueries({ queryKey: ["today"] });
  };
}

export function useEditInteraction(id: string) {
  const refresh = useRefreshAfterTimelineChange();
  return useMutation({
    mutationFn: (patch: InteractionPatch) =>
      unwrap(api.PATCH("/api/interactions/{id}", { params: { path: { id } }, body: patch })),
    onSuccess: refresh,
  });
}

export function useDeleteInteraction(id: string) {
  const refresh = useRefreshAfterTimelineChange();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/interactions/{id}", { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
