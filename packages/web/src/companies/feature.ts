import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "companies",
  nav: { label: "Companies", href: "/companies", order: 30, icon: "companies" },
  routes: [
    { path: "/companies", page: lazy(() => import("./companies-page.tsx")) },
    { path: "/companies/:id", page: lazy(() => import("./company-page.tsx")) },
  ],
};
