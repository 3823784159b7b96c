import { describe, expect, it } from "vitest";
import { createContactSchema, displayNameOf, NO_NAME_MESSAGE, updateContactSchema } from "./schemas.ts";

describe("a contact's name", () => {
  it("takes a first name alone, a last name alone, or both", () => {
    expect(createContactSchema.safeParse({ firstName: "Ana" }).success).toBe(true);
    expect(createContactSchema.safeParse({ lastName: "Okafor" }).success).toBe(true);
    expect(createContactSchema.safeParse({ firstName: "", lastName: "Okafor" }).success).toBe(true);
    expect(displayNameOf({ lastName: "Okafor" })).toBe("Okafor");
  });

  it("refuses a contact with neither, naming firstName", () => {
    for (const input of [{}, { firstName: " ", lastName: "" }]) {
      const result = createContactSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["firstName"], message: NO_NAME_MESSAGE });
    }
  });

  it("lets an edit leave the names out but not blank both", () => {
    expect(updateContactSchema.safeParse({ title: "CTO" }).success).toBe(true);
    expect(updateContactSchema.safeParse({ firstName: "" }).success).toBe(true);
    expect(updateContactSchema.safeParse({ firstName: "", lastName: "" }).success).toBe(false);
  });
});
