import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "messages",
  nav: { label: "Templates", href: "/templates", order: 60, icon: "templates" },
  routes: [{ path: "/templates", page: lazy(() => import("./templates-page.tsx")) }],
};
