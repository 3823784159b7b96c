import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { EngineSettingsPatch } from "../api/types.ts";

/** The engine's settings (circles, nudge schedule, daily cap, weekly goal…). */
export function useEngineSettings() {
  return useQuery({ queryKey: ["settings"], queryFn: () => unwrap(api.GET("/api/settings")) });
}

/** The account's circles; `fallback` until the settings have arrived (or when they cannot be read). */
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
