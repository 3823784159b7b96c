import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "settings",
  nav: { label: "Settings", href: "/settings", order: 90, icon: "settings" },
  routes: [{ path: "/settings", page: lazy(() => import("./settings-page.tsx")) }],
};
