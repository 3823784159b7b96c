import { describe, expect, it } from "vitest";
import { companiesNamed } from "./company-names.ts";

describe("companies named by a person", () => {
  const all = [
    { id: "c1", name: "Acme Robotics" },
    { id: "c2", name: "Acme" },
    { id: "c3", name: "Zoë's Bakery" },
  ];
  it("takes an id first, then an exact name in any case, then names that contain it", () => {
    expect(companiesNamed(all, "c3").map((c) => c.id)).toEqual(["c3"]);
    expect(companiesNamed(all, " ACME ").map((c) => c.id)).toEqual(["c2"]);
    expect(companiesNamed(all, "robot").map((c) => c.id)).toEqual(["c1"]);
    expect(companiesNamed(all, "a").map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
    expect(companiesNamed(all, "nowhere")).toEqual([]);
  });
});
