import { lazy } from "react";
import type { Feature } from "../app/feature.ts";

export const feature: Feature = {
  id: "articles",
  nav: { label: "Articles", href: "/articles", order: 40, icon: "articles" },
  routes: [
    // `/articles/new?url=…&title=…` is where the bookmarklet and the installed app's share target land.
    { path: "/articles", page: lazy(() => import("./articles-page.tsx")) },
    { path: "/articles/new", page: lazy(() => import("./articles-page.tsx")) },
    { path: "/articles/:id", page: lazy(() => import("./article-page.tsx")) },
  ],
};
