import { describe, expect, it } from "vitest";
import { z } from "zod";
import { uuidV7 } from "./uuid-v7.ts";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);

describe("uuidV7", () => {
  it("is an RFC 9562 version 7 UUID carrying its millisecond", () => {
    const at = Date.UTC(2031, 4, 6, 7, 8, 9, 123);
    const id = uuidV7(at);
    expect(id).toMatch(V7);
    expect(msOf(id)).toBe(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it("keeps ids minted in one millisecond in the order they were minted, and all different", () => {
    const at = Date.UTC(2032, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => uuidV7(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(V7);
  });

  it("never goes backwards when the clock does", () => {
    const at = Date.UTC(2033, 0, 1);
    const first = uuidV7(at);
    const after = uuidV7(at - 60_000);
    expect(after > first).toBe(true);
    expect(msOf(after)).toBeGreaterThanOrEqual(at);
    // Once the clock is past the ids' time again, ids carry the clock's time.
    expect(msOf(uuidV7(at + 5_000))).toBe(at + 5_000);
  });

  it("sorts by time across milliseconds", () => {
    const at = Date.UTC(2034, 0, 1);
    const ids = [uuidV7(at), uuidV7(at + 1), uuidV7(at + 1000), uuidV7(at + 86_400_000)];
    expect([...ids].sort()).toEqual(ids);
  });
});
