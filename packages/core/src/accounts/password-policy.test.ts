import { describe, expect, it } from "vitest";
import { codeOf } from "../testing/fakes.ts";
import { isCommonPassword, PASSWORD_LIMITS, passwordSchema } from "./password-policy.ts";
import { signUp, signUpSchema } from "./sign-up.ts";

const messageOf = (password: string, email = "ada@example.com") => {
  const result = signUpSchema.safeParse({ name: "Ada", email, password });
  return result.success ? null : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
};

describe("the password policy (NIST SP 800-63B)", () => {
  it("refuses the passwords people pick most, whatever their letter case", () => {
    for (const p of ["password123", "qwertyuiop", "1234567890", "PassWord123", "iloveyou12"]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(messageOf(p), p).toBe("password: This password is too common: it appears on lists attackers try first");
    }
    expect(isCommonPassword("correct horse battery")).toBe(false);
  });

  it("takes any characters between the limits: spaces, emoji, other scripts; nothing is composed for you", () => {
    for (const p of [
      "correct horse battery",
      "🦊🦊🦊🦊🦊 fox den",
      "пароль-для-кита",
      "a".repeat(PASSWORD_LIMITS.max),
    ]) {
      expect(messageOf(p), p).toBeNull();
    }
  });

  it("says in words when a password is too short or too long", () => {
    expect(messageOf("short1!")).toBe("password: This password is too short: use at least 10 characters");
    expect(messageOf("x".repeat(PASSWORD_LIMITS.max + 1))).toBe(
      "password: This password is too long: use at most 128 characters",
    );
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_LIMITS.min)).success).toBe(true);
  });

  it("refuses the account's own address as its password", () => {
    expect(messageOf("Ada.Lovelace@Example.com", "ada.lovelace@example.com")).toBe(
      "password: This password is your email address: choose something else",
    );
  });

  it("sign-up refuses a common password before anyone is registered", async () => {
    let registered = false;
    const registrar = {
      async register() {
        registered = true;
        return { id: "u", email: "ada@example.com", name: "Ada" };
      },
    };
    const deps = {} as Parameters<typeof signUp>[0];
    expect(
      await codeOf(signUp(deps, registrar, { name: "Ada", email: "ada@example.com", password: "password123" })),
    ).toBe("validation");
    expect(registered).toBe(false);
  });
});
