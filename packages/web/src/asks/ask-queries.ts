import { useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import { useNetworkChanged } from "../network/network-queries.ts";
import type { Ask, AskInput, AskMove, AskNameInput } from "./ask-types.ts";

export function useAsks() {
  return useQuery({
    queryKey: ["asks"],
    queryFn: () => unwrap(api.GET("/api/asks")),
  });
}

export function useRecordAsk() {
  const changed = useNetworkChanged();
  return useMutation({
    mutationFn: (body: AskInput): Promise<Ask> => unwrap(api.POST("/api/asks", { body })),
    onSuccess: changed,
  });
}

export function useAddName(askId: string) {
  const changed = useNetworkChanged();
  return useMutation({
    mutationFn: (body: AskNameInput) =>
      unwrap(api.POST("/api/asks/{id}/names", { params: { path: { id: askId } }, body })),
    onSuccess: changed,
  });
}

export function useMoveAsk(askId: string) {
  const changed = useNetworkChanged();
  return useMutation({
    mutationFn: (body: AskMove) => unwrap(api.POST("/api/asks/{id}/status", { params: { path: { id: askId } }, body })),
    onSuccess: changed,
  });
}
