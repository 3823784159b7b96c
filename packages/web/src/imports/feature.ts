import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "imports",
  // Reached from the contacts page; the Contacts tab stays current here (no tab of its own on phones).
  navUnder: "/contacts",
  routes: [
    { path: "/imports", page: lazy(() => import("./imports-page.tsx")) },
    { path: "/imports/:id", page: lazy(() => import("./import-report-page.tsx")) },
  ],
};
