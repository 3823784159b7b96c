import type { ComponentType, LazyExoticComponent } from "react";

/**
 * A feature folder (today/, contacts/, …) exports one `feature` from its feature.ts. The shell discovers them with
 * import.meta.glob, so a new capability adds a folder and touches no other file.
 */
export interface Feature {
  id: string;
  /** Shown in the main navigation, sorted by `order`. */
  /** `audience: "coach"`: a tab only a coach sees (their progress); every other tab is everyone's (a coach's filtered). */
  nav?: { label: string; href: string; order: number; icon: string; audience?: "coach" };
  /** A feature without a tab of its own (import, duplicates): this tab is shown as current on its pages. */
  navUnder?: string;
  routes: FeatureRoute[];
}

export interface FeatureRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Reachable when signed out (sign-in, sign-up); everything else needs a session. */
  public?: boolean;
}
