import { describe, expect, it } from "vitest";
import { renderDraft, terminalSafe } from "./render-draft.ts";

const draft = {
  templateId: "default:check-in",
  templateName: "Check-in",
  channel: "email" as const,
  subject: "Coffee soon?",
  body: "Hi Rosa,\n\nIt's been a while since the meetup.\nHow did the opening go?\nWould love to hear.\n\nAda",
};

describe("renderDraft", () => {
  it("prints the subject and the first lines that carry text, and says how to see the rest", () => {
    expect(renderDraft(draft, { mode: "short", indent: "   ", more: "kith draft c1" })).toBe(
      [
        "   Subject: Coffee soon?",
        "     Hi Rosa,",
        "     It's been a while since the meetup.",
        "     How did the opening go?",
        "     … (kith draft c1)",
      ].join("\n"),
    );
  });

  it("prints the whole body in full, blank lines and all, without trailing blanks", () => {
    const text = renderDraft(draft, { mode: "full" });
    expect(text).toBe(
      `Subject: Coffee soon?\n  Hi Rosa,\n\n  It's been a while since the meetup.\n  How did the opening go?\n  Would love to hear.\n\n  Ada`,
    );
  });

  it("adds no ellipsis when the short form is the whole draft", () => {
    expect(renderDraft({ ...draft, body: "Hi Rosa,\r\nCoffee?" }, { mode: "short" })).toBe(
      "Subject: Coffee soon?\n  Hi Rosa,\n  Coffee?",
    );
  });
});

describe("terminalSafe", () => {
  it("drops escape sequences and bidi overrides from contact data, keeps text, tabs and line breaks", () => {
    expect(terminalSafe("Rosa\u001b]0;pwned\u0007 Diaz\u202e\tok\nnext é")).toBe("Rosa]0;pwned Diaz\tok\nnext é");
  });
});
