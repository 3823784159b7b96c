import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "opportunities",
  nav: { label: "Jobs", href: "/jobs", order: 35, icon: "jobs" },
  routes: [
    { path: "/jobs", page: lazy(() => import("./jobs-page.tsx")) },
    // Before `/jobs/:id`: the router takes the first route that matches.
    { path: "/jobs/targets", page: lazy(() => import("./targets-page.tsx")) },
    { path: "/jobs/expenses", page: lazy(() => import("./expenses-page.tsx")) },
    { path: "/jobs/:id", page: lazy(() => import("./opportunity-page.tsx")) },
  ],
};
