import { describe, expect, it } from "vitest";
import { digestMessageId, messageIdsIn, parseDigestMessageId, sameTag } from "./digest-message-id.ts";

const TAG = "AbCdEfGhIjKlMnOpQrSt_-";

describe("digest Message-IDs", () => {
  it("round-trips the ledger key, readable where it can be", () => {
    const key = { accountId: "acc-000001", kind: "digest-email", period: "2026-11-03" };
    const id = digestMessageId(key, TAG, "kith.test");
    expect(id).toBe(`<digest-email.acc-000001.2026-11-03.${TAG}@kith.test>`);
    expect(parseDigestMessageId(id)).toEqual({ key, tag: TAG });
  });

  it("escapes dots, spaces, underscores and non-ASCII in a part", () => {
    const key = { accountId: "a_b.c", kind: "test-email", period: "2026-11-03T13:00:00.000Z id-7 é" };
    const id = digestMessageId(key, TAG, "kith.test");
    expect(id).toMatch(/^<[A-Za-z0-9_.-]+@kith\.test>$/);
    expect(parseDigestMessageId(id)).toEqual({ key, tag: TAG });
  });

  it("refuses ids that are not ours", () => {
    for (const id of [
      "<CAKz+abc@mail.gmail.com>",
      "<a.b.c@x>",
      `<digest-email.acc.2026-11-03.short@x>`,
      `<digest-email.acc.2026_ZZ.${TAG}@x>`,
      `<digest-email.acc.2026.extra.${TAG}@x>`,
      "",
    ]) {
      expect(parseDigestMessageId(id), id).toBeNull();
    }
  });

  it("finds every id in a References header and compares tags exactly", () => {
    expect(messageIdsIn("<a@x>\r\n <b.c@y> junk <d@z>")).toEqual(["<a@x>", "<b.c@y>", "<d@z>"]);
    expect(sameTag(TAG, TAG)).toBe(true);
    expect(sameTag(TAG, `${TAG.slice(0, -1)}x`)).toBe(false);
    expect(sameTag(TAG, TAG.slice(1))).toBe(false);
  });
});
