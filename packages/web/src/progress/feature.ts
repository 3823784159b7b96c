import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

/** A coach's home (issue #16): progress within what was shared. Members reach it from Analytics. */
export const feature: Feature = {
  id: "progress",
  nav: { label: "Progress", href: "/progress", order: 5, icon: "progress", audience: "coach" },
  routes: [{ path: "/progress", page: lazy(() => import("./progress-page.tsx")) }],
};
