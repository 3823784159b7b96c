import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import type { EngineSettings, EngineSettingsPatch } from "../api/types.ts";

/** The engine's settings (circles, nudge schedule, daily cap, weekly goal…); null on a server without them. */
export function useEngineSettings() {
  return useQuery({
    queryKey: ["settings"],
    queryFn: async (): Promise<EngineSettings | null> => {
      try {
        return await unwrap(api.GET("/api/settings"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useCircleNames(fallback: string[]): string[] {
  const circles = useEngineSettings().data?.circles;
  return circles ? Object.keys(circles) : fallback;
}

export function useSaveEngineSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: EngineSettingsPatch) => unwrap(api.PATCH("/api/settings", { body: patch })),
    onSuccess: (saved) => {
      client.setQueryData(["settings"], saved);
      void client.invalidateQueries({ queryKey: ["today"] });
    },
  });
}
