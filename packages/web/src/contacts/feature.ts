import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "contacts",
  nav: { label: "Contacts", href: "/contacts", order: 20, icon: "contacts" },
  routes: [
    { path: "/contacts", page: lazy(() => import("./contacts-page.tsx")) },
    { path: "/contacts/:id", page: lazy(() => import("./contact-page.tsx")) },
  ],
};
