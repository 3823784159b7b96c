import { describe, expect, it } from "vitest";
import { IMPORT_CHUNK_ROWS_MIN, nextChunkRows } from "./run-import-job.ts";

describe("a chunk's rows under a time budget", () => {
  it("takes the rows that would have fit in the budget at the last chunk's pace", () => {
    expect(nextChunkRows(200, 100, 25, 500)).toBe(IMPORT_CHUNK_ROWS_MIN); // 50 fit
    expect(nextChunkRows(400, 40, 25, 500)).toBe(250);
  });

  it("never falls below the least nor grows past the run's size, and at most doubles at a time", () => {
    expect(nextChunkRows(100, 10_000, 25, 500)).toBe(IMPORT_CHUNK_ROWS_MIN);
    expect(nextChunkRows(100, 1, 25, 500)).toBe(200);
    expect(nextChunkRows(400, 1, 25, 500)).toBe(500);
    expect(nextChunkRows(100, 0, 25, 500)).toBe(200);
    expect(nextChunkRows(20, 1000, 25, 20)).toBe(20);
  });

  it("takes a least of the caller's (a restore's batch)", () => {
    expect(nextChunkRows(200, 100, 25, 200, 10)).toBe(50);
    expect(nextChunkRows(50, 1000, 25, 200, 10)).toBe(10);
  });
});
