import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

/** Reached from Today's "Your network" card; no tab of its own. */
export const feature: Feature = {
  id: "analytics",
  navUnder: "/",
  routes: [{ path: "/analytics", page: lazy(() => import("./analytics-page.tsx")) }],
};
