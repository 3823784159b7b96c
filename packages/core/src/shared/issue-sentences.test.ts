import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signUpSchema } from "../accounts/sign-up.ts";
import { createContactSchema } from "../contacts/schemas.ts";
import type { DomainError } from "./errors.ts";
import { fieldLabel, summaryOf } from "./issue-sentences.ts";
import { parseInput } from "./validate.ts";

const messages = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues.map((i) => i.message);

describe("validation messages in words", () => {
  it("say which field and what it needs, not zod's wording", () => {
    const schema = z.strictObject({
      password: z.string().min(10).max(200),
      firstName: z.string().min(1),
      emails: z.array(z.object({ address: z.email() })).max(2),
      dailyCap: z.number().int().min(1).max(100),
      kind: z.enum(["call", "email"]),
    });
    expect(
      messages(schema, {
        password: "short",
        firstName: "",
        emails: [{ address: "nope" }],
        dailyCap: 1.5,
        kind: "fax",
        colour: "red",
      }),
    ).toEqual([
      "Password must be at least 10 characters",
      "First name must not be empty",
      "Email address must be an email address such as ada@example.com",
      "Daily cap must be a whole number",
      'Kind must be one of "call", "email"',
      "The request has a field Kith does not know: colour",
    ]);
    expect(messages(schema, {})?.slice(0, 2)).toEqual(["Password is required", "First name is required"]);
    const emails = [{ address: "a@b.co" }, { address: "c@d.co" }, { address: "e@f.co" }];
    expect(messages(schema.pick({ dailyCap: true, emails: true }), { dailyCap: 500, emails })).toEqual([
      "Daily cap must be at most 100",
      "Emails allows at most 2 entries",
    ]);
    for (const message of messages(schema, { password: 3 }) ?? [])
      expect(message).not.toMatch(/Too small|Invalid input|expected/);
  });

  it("keep a schema's own message", () => {
    expect(messages(z.object({ n: z.number().min(1, "n must be at least 1 day") }), { n: 0 })).toEqual([
      "n must be at least 1 day",
    ]);
  });

  it("reach the errors core throws: the sign-up password, and a contact with a bad email", () => {
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error as DomainError;
      }
      throw new Error("nothing was thrown");
    };
    const signUp = thrown(() => parseInput(signUpSchema, { name: "Ada", email: "ada@example.com", password: "short" }));
    // The password policy's own sentence wins over the generic one, and names its field.
    const tooShort = "This password is too short: use at least 10 characters";
    expect(signUp.message).toBe(tooShort);
    expect(signUp.issues).toEqual([{ path: "password", message: tooShort }]);
    const contact = thrown(() => parseInput(createContactSchema, { firstName: "Ada", emails: [{ address: "nope" }] }));
    expect(contact.issues[0]?.path).toBe("emails.0.address");
    expect(contact.issues[0]?.message).toBe("Email address must be an email address such as ada@example.com");
  });

  it("name fields as a person would and keep the path once when the message does not name it", () => {
    expect(fieldLabel(["firstName"])).toBe("First name");
    expect(fieldLabel(["phones", 1, "number"])).toBe("Phone number");
    expect(fieldLabel(["tags", 3])).toBe("Tag");
    expect(fieldLabel([])).toBe("The request");
    expect(summaryOf({ path: "domain", message: "is not a domain such as example.com" })).toBe(
      "domain: is not a domain such as example.com",
    );
    expect(summaryOf({ path: "emails.0.address", message: "Email address must be …" })).toBe("Email address must be …");
  });
});
