import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/roles.ts";
import { requireJobSearchShared, scopeOf, sharedTags, sharesContact } from "./scope.ts";

const base = { userId: "u", accountId: "a" };
const coach = (tags: string[], jobSearch: boolean): Actor => ({ ...base, role: "coach", scope: { tags, jobSearch } });

describe("a coach's scope", () => {
  it("leaves every other role the whole account", () => {
    for (const role of ["owner", "editor", "viewer"] as const) {
      const actor: Actor = { ...base, role };
      expect(scopeOf(actor)).toBeNull();
      expect(sharesContact(actor, [])).toBe(true);
      expect(sharedTags(actor)).toBeUndefined();
      expect(() => requireJobSearchShared(actor)).not.toThrow();
    }
  });

  it("shares a contact carrying any shared tag, in any case or spacing, and no other", () => {
    const actor = coach(["job search", "mentors"], false);
    expect(sharesContact(actor, ["Family", " Job Search "])).toBe(true);
    expect(sharesContact(actor, ["mentors"])).toBe(true);
    expect(sharesContact(actor, ["family", "jobsearch"])).toBe(false);
    expect(sharesContact(actor, [])).toBe(false);
  });

  it("sees nothing when its scope is missing", () => {
    const actor: Actor = { ...base, role: "coach" };
    expect(scopeOf(actor)).toEqual({ tags: [], jobSearch: false });
    expect(sharesContact(actor, ["anything"])).toBe(false);
    expect(() => requireJobSearchShared(actor)).toThrow(/job search is not shared/);
  });

  it("opens the job search only when shared", () => {
    expect(() => requireJobSearchShared(coach([], true))).not.toThrow();
    expect(() => requireJobSearchShared(coach(["x"], false))).toThrow();
  });
});
