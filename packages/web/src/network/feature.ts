import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

/**
 * Its own tab, after Companies: networking deeper is one of Kith's habits, the asks board is a working list to come
 * back to, and the graph spans people and companies alike, so it belongs under neither of their tabs.
 */
export const feature: Feature = {
  id: "network",
  nav: { label: "Network", href: "/network", order: 35, icon: "network" },
  routes: [{ path: "/network", page: lazy(() => import("./network-page.tsx")) }],
};
