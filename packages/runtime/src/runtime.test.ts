import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileClock } from "./runtime.ts";

describe("the test-only file clock", () => {
  it("reads now from the file, keeps the last instant while the file is being rewritten, and lets go when it goes", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "kith-clock-")), "now");
    const clock = fileClock(file);
    const before = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    writeFileSync(file, "2026-11-03T13:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2026-11-03T13:00:00.000Z");
    writeFileSync(file, ""); // caught between truncate and write
    expect(clock.now().toISOString()).toBe("2026-11-03T13:00:00.000Z");
    rmSync(file);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
  });
});
