import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "today",
  nav: { label: "Today", href: "/", order: 10, icon: "today" },
  routes: [{ path: "/", page: lazy(() => import("./today-page.tsx")) }],
};
