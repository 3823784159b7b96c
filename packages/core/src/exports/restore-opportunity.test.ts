import { describe, expect, it } from "vitest";
import { opportunityPartId } from "./restore-opportunity.ts";
import { restoredId } from "./restored-ids.ts";

describe("the ids of a restored opportunity's parts", () => {
  const id = (list: string, ref: string) => restoredId("job-1", list, ref);

  it("never collide across thousands of opportunities, and keep each opportunity's parts in their order", () => {
    const ids = new Set<string>();
    for (let o = 0; o < 3000; o += 1) {
      const places = [1, 2, 3, 10].map((place) => opportunityPartId(id, `opportunity-${o}`, "stageChanges", place));
      expect([...places].sort()).toEqual(places);
      for (const each of [...places, opportunityPartId(id, `opportunity-${o}`, "interviews", 1)]) ids.add(each);
    }
    expect(ids.size).toBe(3000 * 5);
  });

  it("are the same on every run of the same job, and differ from job to job", () => {
    expect(opportunityPartId(id, "opportunity-4", "interviews", 2)).toBe(
      opportunityPartId(id, "opportunity-4", "interviews", 2),
    );
    const other = (list: string, ref: string) => restoredId("job-2", list, ref);
    expect(opportunityPartId(other, "opportunity-4", "interviews", 2)).not.toBe(
      opportunityPartId(id, "opportunity-4", "interviews", 2),
    );
  });
});
