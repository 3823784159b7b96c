import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "auth",
  routes: [
    { path: "/sign-in", page: lazy(() => import("./sign-in-page.tsx")), public: true },
    { path: "/sign-up", page: lazy(() => import("./sign-up-page.tsx")), public: true },
    { path: "/welcome", page: lazy(() => import("./first-run-page.tsx")) },
    // Public: the page itself asks its reader to sign in, keeping the link's token (a redirect would drop it).
    { path: "/invite", page: lazy(() => import("./invitation-page.tsx")), public: true },
  ],
};
