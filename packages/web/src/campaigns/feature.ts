import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "campaigns",
  // Reached from Contacts (a greeting to a circle, a tag, a company); the Contacts tab stays current here.
  navUnder: "/contacts",
  routes: [
    { path: "/campaigns", page: lazy(() => import("./campaigns-page.tsx")) },
    { path: "/campaigns/:id", page: lazy(() => import("./campaign-page.tsx")) },
  ],
};
