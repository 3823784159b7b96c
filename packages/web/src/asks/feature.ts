import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

/** The asks board lives under the Network tab, beside the graph (network/network-tabs.tsx links the two). */
export const feature: Feature = {
  id: "asks",
  navUnder: "/network",
  routes: [{ path: "/network/asks", page: lazy(() => import("./asks-page.tsx")) }],
};
