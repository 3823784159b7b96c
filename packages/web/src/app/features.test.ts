import { describe, expect, it } from "vitest";
import { COACH_NAV, currentNavHref, NAV, PRIVATE_ROUTES } from "./features.ts";

describe("the shell's features", () => {
  it("route the import, report and duplicates pages, and give them no tab of their own", () => {
    const paths = PRIVATE_ROUTES.map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(["/imports", "/imports/:id", "/duplicates"]));
    expect(NAV.map((n) => n.href)).toEqual([
      "/",
      "/contacts",
      "/companies",
      "/jobs",
      "/articles",
      "/templates",
      "/settings",
    ]);
  });

  it("give a coach a Progress tab first (their home), and members none", () => {
    expect(COACH_NAV[0]?.href).toBe("/progress");
    expect(NAV.map((n) => n.href)).not.toContain("/progress");
    expect(currentNavHref("/progress")).toBe("/progress");
  });

  it("mark the tab a page lives under as current", () => {
    expect(currentNavHref("/")).toBe("/");
    expect(currentNavHref("/contacts")).toBe("/contacts");
    expect(currentNavHref("/contacts/c1")).toBe("/contacts");
    expect(currentNavHref("/imports")).toBe("/contacts");
    expect(currentNavHref("/imports/j1")).toBe("/contacts");
    expect(currentNavHref("/duplicates")).toBe("/contacts");
    expect(currentNavHref("/network")).toBe("/contacts");
    expect(currentNavHref("/network/asks")).toBe("/contacts");
    expect(currentNavHref("/settings")).toBe("/settings");
    expect(currentNavHref("/templates")).toBe("/templates");
    expect(currentNavHref("/jobs/targets")).toBe("/jobs");
    expect(currentNavHref("/jobs/o1")).toBe("/jobs");
    expect(currentNavHref("/contactsx")).toBeUndefined();
    expect(currentNavHref("/nowhere")).toBeUndefined();
  });
});
