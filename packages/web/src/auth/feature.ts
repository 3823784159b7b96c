import { lazy } from "react";
import type { Feature } from "../app/feature.ts";
import { pendingInvitation } from "./pending-invitation.ts";

// An invitation link's token lives in its fragment, which the sign-in redirect would drop: keep it for this tab now.
pendingInvitation.takeFromLocation();

export const feature: Feature = {
  id: "auth",
  routes: [
    { path: "/sign-in", page: lazy(() => import("./sign-in-page.tsx")), public: true },
    { path: "/sign-up", page: lazy(() => import("./sign-up-page.tsx")), public: true },
    { path: "/welcome", page: lazy(() => import("./first-run-page.tsx")) },
    // Signed out, the shell sends its reader to sign in (or up) and back here; the link's token was kept first.
    { path: "/invite", page: lazy(() => import("./invitation-page.tsx")) },
  ],
};
