import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { restoredId, sha256Hex } from "./restored-ids.ts";

describe("restored ids", () => {
  it("hashes with SHA-256 as node:crypto does", () => {
    for (const text of ["", "abc", "x".repeat(55), "x".repeat(56), "x".repeat(64), "é🙂".repeat(100)]) {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text).digest("hex"));
    }
  });

  it("are UUIDs, the same for the same job and ref, different across jobs, lists and refs", () => {
    const id = restoredId("job-1", "contacts", "contact-7");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(restoredId("job-1", "contacts", "contact-7")).toBe(id);
    const others = [
      restoredId("job-2", "contacts", "contact-7"),
      restoredId("job-1", "companies", "contact-7"),
      restoredId("job-1", "contacts", "contact-8"),
      restoredId("job-1", "contacts", "person-7"),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
  });

  it("keep the refs' order, so rows a backup cannot tell apart come back in the same order", () => {
    const ids = [1, 2, 9, 10, 11, 100, 12345].map((n) => restoredId("job-1", "contacts", `contact-${n}`));
    expect([...ids].sort()).toEqual(ids);
  });
});
