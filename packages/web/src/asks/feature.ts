import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

/** The asks board lives beside the graph, under the Contacts tab (network/network-tabs.tsx links the two). */
export const feature: Feature = {
  id: "asks",
  navUnder: "/contacts",
  routes: [{ path: "/network/asks", page: lazy(() => import("./asks-page.tsx")) }],
};
