import { describe, expect, it } from "vitest";
import { pageOf } from "./paging.ts";

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("pageOf", () => {
  it("cuts a long list into pages with 1-based positions", () => {
    const page = pageOf(numbers(230), 1, 50);
    expect(page.items[0]).toBe(51);
    expect(page.items).toHaveLength(50);
    expect(page).toMatchObject({ page: 1, pages: 5, first: 51, last: 100 });
  });

  it("keeps the last, shorter page and clamps a page past the end", () => {
    expect(pageOf(numbers(230), 9, 50)).toMatchObject({ page: 4, pages: 5, first: 201, last: 230 });
    expect(pageOf(numbers(230), -3, 50)).toMatchObject({ page: 0, first: 1, last: 50 });
  });

  it("gives one empty page for an empty list", () => {
    expect(pageOf([], 0, 50)).toEqual({ items: [], page: 0, pages: 1, first: 0, last: 0 });
  });
});
