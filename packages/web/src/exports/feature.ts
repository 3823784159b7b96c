import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "exports",
  // Reached from Settings; the Settings tab stays current here.
  navUnder: "/settings",
  routes: [{ path: "/exports", page: lazy(() => import("./exports-page.tsx")) }],
};
