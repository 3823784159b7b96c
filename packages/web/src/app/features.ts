import type { Feature } from "./feature.ts";

const modules = import.meta.glob<{ feature: Feature }>("../*/feature.ts", { eager: true });

// app/feature.ts (the type) matches the pattern too; it exports no feature.
export const FEATURES: Feature[] = Object.values(modules).flatMap((m) => (m.feature ? [m.feature] : []));

export const NAV = FEATURES.flatMap((f) => (f.nav ? [f.nav] : [])).sort((a, b) => a.order - b.order);

export const PUBLIC_ROUTES = FEATURES.flatMap((f) => f.routes.filter((r) => r.public));
export const PRIVATE_ROUTES = FEATURES.flatMap((f) => f.routes.filter((r) => !r.public));
