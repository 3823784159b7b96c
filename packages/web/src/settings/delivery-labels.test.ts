import { describe, expect, it } from "vitest";
import type { Delivery } from "../api/types.ts";
import { deliveryKindLabel, deliveryPeriodLabel, deliveryState } from "./delivery-labels.ts";

const delivery = (over: Partial<Delivery>): Delivery => ({
  kind: "digest-email",
  period: "2026-03-02",
  status: "sent",
  attempts: 1,
  lastError: null,
  nextAttemptAt: null,
  sentAt: "2026-03-02T07:00:03.000Z",
  updatedAt: "2026-03-02T07:00:03.000Z",
  ...over,
});

describe("a delivery in words", () => {
  it("names the kinds the server sends, webhooks included, and keeps unknown ones as they are", () => {
    expect(deliveryKindLabel("digest-email")).toBe("Email digest");
    expect(deliveryKindLabel("test-email")).toBe("Test email");
    expect(deliveryKindLabel("digest-webhook:w1")).toBe("Webhook digest");
    expect(deliveryKindLabel("reply-email")).toBe("reply-email");
  });

  it("reads a date period as a date and a test's instant as a date and time", () => {
    expect(deliveryPeriodLabel("2026-03-02")).not.toContain("T");
    expect(deliveryPeriodLabel("2026-03-02T07:00:00.000Z")).toMatch(/2026/);
    expect(deliveryPeriodLabel("2026-W10")).toBe("2026-W10");
    // A webhook test's period is its instant and an id: shown as the instant alone.
    expect(deliveryPeriodLabel("2026-03-02T07:00:00.000Z 01JTEST")).toBe(
      deliveryPeriodLabel("2026-03-02T07:00:00.000Z"),
    );
    expect(deliveryPeriodLabel("2026-03-02Tnonsense id")).toBe("2026-03-02Tnonsense id");
  });

  it("says a retried delivery is retrying, with the SMTP error and the next try", () => {
    const state = deliveryState(
      delivery({ status: "pending", attempts: 2, lastError: "ECONNREFUSED", nextAttemptAt: "2026-03-02T07:04:00Z" }),
    );
    expect(state).toMatchObject({ label: "retrying", tone: "warn" });
    expect(state.detail).toMatch(/^ECONNREFUSED; next try /);
  });

  it("says a pending delivery not tried yet is waiting, a failed one why, and a skipped one that nothing was due", () => {
    expect(deliveryState(delivery({ status: "pending", attempts: 0, sentAt: null })).label).toBe("waiting");
    expect(deliveryState(delivery({ status: "failed", attempts: 6, lastError: "550 no such user" })).detail).toBe(
      "550 no such user (6 attempts)",
    );
    expect(deliveryState(delivery({ status: "skipped" })).detail).toBe("nothing was due");
  });
});
