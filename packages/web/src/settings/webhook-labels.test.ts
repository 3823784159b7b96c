import { describe, expect, it } from "vitest";
import { WEBHOOK_FORMATS, webhookFormatLabel, webhookTestSentence } from "./webhook-labels.ts";

describe("webhooks in words", () => {
  it("offers both formats the API takes, Kith's first (the API's default)", () => {
    expect(WEBHOOK_FORMATS.map((f) => f.id)).toEqual(["kith", "ntfy"]);
    expect(webhookFormatLabel("kith")).toBe("Kith JSON");
    expect(webhookFormatLabel("ntfy")).toBe("ntfy");
  });

  it("says a test went through, or why not in the receiver's own words", () => {
    expect(webhookTestSentence({ status: "sent", error: null })).toEqual({
      ok: true,
      text: "The test was delivered.",
    });
    expect(webhookTestSentence({ status: "failed", error: "404 Not Found" })).toEqual({
      ok: false,
      text: "The test failed: 404 Not Found",
    });
    expect(webhookTestSentence({ status: "failed", error: null }).text).toBe("The test failed: unknown error");
    expect(webhookTestSentence({ status: "pending", error: null })).toEqual({
      ok: false,
      text: "The test is still under way.",
    });
  });
});
