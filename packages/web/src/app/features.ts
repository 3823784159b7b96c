import type { Feature } from "./feature.ts";

const modules = import.meta.glob<{ feature: Feature }>("../*/feature.ts", { eager: true });

// app/feature.ts (the type) matches the pattern too; it exports no feature.
export const FEATURES: Feature[] = Object.values(modules).flatMap((m) => (m.feature ? [m.feature] : []));

const ALL_NAV = FEATURES.flatMap((f) => (f.nav ? [f.nav] : [])).sort((a, b) => a.order - b.order);

/** The members' tabs, and the tabs a coach may be shown (the layout keeps those of the parts shared). */
export const NAV = ALL_NAV.filter((item) => item.audience !== "coach");
export const COACH_NAV = ALL_NAV;

export const PUBLIC_ROUTES = FEATURES.flatMap((f) => f.routes.filter((r) => r.public));
export const PRIVATE_ROUTES = FEATURES.flatMap((f) => f.routes.filter((r) => !r.public));

/** The tab current at a location: the one whose href starts it, or the tab a feature without its own lives under. */
export function currentNavHref(location: string): string | undefined {
  const under = FEATURES.find((f) => f.navUnder && f.routes.some((r) => startsWithPath(location, staticPart(r.path))));
  if (under?.navUnder) return under.navUnder;
  if (location === "/") return "/";
  return ALL_NAV.find((item) => item.href !== "/" && startsWithPath(location, item.href))?.href;
}

const staticPart = (path: string) => path.split("/:")[0] ?? path;
const startsWithPath = (location: string, prefix: string) => location === prefix || location.startsWith(`${prefix}/`);
