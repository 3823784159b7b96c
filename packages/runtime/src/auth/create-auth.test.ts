import { describe, expect, it } from "vitest";
import { nameFromProfile } from "./create-auth.ts";

describe("the name a person gets from their OpenID provider", () => {
  it("is the provider's name, its spaces tidied", () => {
    expect(nameFromProfile({ name: "  Zoë   Núñez 🌿 " })).toBe("Zoë Núñez 🌿");
    expect(nameFromProfile({ name: "מרים כהן" })).toBe("מרים כהן");
  });

  it("falls back to the given and family names, the user name, then the address's first part", () => {
    expect(nameFromProfile({ name: " ", given_name: "Grace", family_name: "Hopper" })).toBe("Grace Hopper");
    expect(nameFromProfile({ preferred_username: "ghopper" })).toBe("ghopper");
    expect(nameFromProfile({ email: "grace.h@example.com" })).toBe("grace.h");
    expect(nameFromProfile({})).toBe("Kith user");
    expect(nameFromProfile({ name: 42 })).toBe("Kith user");
  });

  it("keeps to sign-up's 120 characters without cutting an emoji in half", () => {
    const name = nameFromProfile({ name: `${"a".repeat(117)}🌿🌿` });
    expect(name).toBe(`${"a".repeat(117)}🌿`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(nameFromProfile({ name: "x".repeat(300) })).toHaveLength(120);
  });
});
