import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

/**
 * Under the Contacts tab, linked from its header as campaigns and duplicates are: the phone tab bar holds six tabs
 * at 360 px and a seventh clipped "Companies" and "Templates". The asks' follow-ups come to Today by themselves,
 * so the board is not a daily stop; the contact and company pages link into the graph where it matters.
 */
export const feature: Feature = {
  id: "network",
  navUnder: "/contacts",
  routes: [{ path: "/network", page: lazy(() => import("./network-page.tsx")) }],
};
