import { addContactNote, createContact, type OutgoingMail } from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

const AT = "2026-11-03T13:00:00.000Z";
const answer = (text: string): OutgoingMail => ({
  to: ["alice@example.test"],
  subject: "Re: Kith",
  text,
  html: `<p>${text}</p>`,
  messageId: "<reply-answer.x@kith.test>",
  headers: { "In-Reply-To": "<r1@example.com>" },
});

describe.each(DIALECTS)("digest items and reply answers on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("keeps each digest's items by its key, the latest write winning, scoped to the account", async () => {
    const repo = w.deps.store.digestReplies;
    const key = { accountId: w.alice.accountId, kind: "digest-email", period: "2026-11-03" };
    const ada = { contactId: "c1", displayName: "Ada Lovelace", sentence: "Call Ada" };
    const rosa = { contactId: "c2", displayName: "Rosa Díaz", sentence: "It's been 40 days" };
    expect(await repo.findItems(key)).toBeNull();
    await repo.saveItems(key, [ada], AT);
    await repo.saveItems(key, [ada, rosa], AT);
    expect(await repo.findItems(key)).toEqual([ada, rosa]);
    expect(await repo.findItems({ ...key, accountId: w.bob.accountId })).toBeNull();
    expect(await repo.findItems({ ...key, period: "2026-11-04" })).toBeNull();
  });

  it("keeps the first answer to a reply, scoped to the account", async () => {
    const repo = w.deps.store.digestReplies;
    await repo.saveAnswer(w.alice.accountId, "<r1@example.com>", answer("first"), AT);
    await repo.saveAnswer(w.alice.accountId, "<r1@example.com>", answer("second"), AT);
    expect(await repo.findAnswer(w.alice.accountId, "<r1@example.com>")).toEqual(answer("first"));
    expect(await repo.findAnswer(w.bob.accountId, "<r1@example.com>")).toBeNull();
  });

  it("reads whether a user's address is verified", async () => {
    expect(await w.deps.store.users.isEmailVerified(w.alice.userId)).toBe(false);
    await w.db.db
      .updateTable("user")
      .set({ emailVerified: dialect === "sqlite" ? 1 : true })
      .where("id", "=", w.alice.userId)
      .execute();
    expect(await w.deps.store.users.isEmailVerified(w.alice.userId)).toBe(true);
    expect(await w.deps.store.users.isEmailVerified("nobody")).toBe(false);
  });

  it("a note is added under the account's local date, after what was there, by editors only", async () => {
    const contact = await createContact(w.deps, w.alice, { firstName: "Ada", notes: "Met at the fair." });
    // 02:00 UTC on the 4th is still the 3rd in New York.
    w.clock.set("2026-11-04T02:00:00.000Z");
    const noted = await addContactNote(w.deps, w.alice, contact.id, { text: " Moving to Berlin. ", source: "email" });
    expect(noted.notes).toBe("Met at the fair.\n\n**2026-11-03** (email): Moving to Berlin.");
    await expect(
      addContactNote(w.deps, { ...w.alice, role: "viewer" }, contact.id, { text: "x", source: "email" }),
    ).rejects.toThrow("editor");
    await expect(addContactNote(w.deps, w.bob, contact.id, { text: "x", source: "email" })).rejects.toThrow(
      "not found",
    );
    await expect(addContactNote(w.deps, w.alice, contact.id, { text: "  ", source: "email" })).rejects.toThrow(
      "text: must not be empty",
    );
  });
});
