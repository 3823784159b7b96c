import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "duplicates",
  // Reached from the contacts page and import reports; the Contacts tab stays current here.
  navUnder: "/contacts",
  routes: [{ path: "/duplicates", page: lazy(() => import("./duplicates-page.tsx")) }],
};
