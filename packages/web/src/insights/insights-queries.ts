import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { Insights } from "../api/types.ts";

/** Touches per week and the spread of due dates; refreshed with the today list (same key prefix). */
export function useInsights() {
  return useQuery({
    queryKey: ["today", "insights"],
    queryFn: async (): Promise<Insights> => unwrap(api.GET("/api/insights")),
  });
}
