import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../testing/test-server.ts";
import { useReplyWorld } from "../testing/reply-world.ts";

describe.each(DIALECTS)("who is obeyed when replying to the digest on %s", (dialect) => {
  const w = useReplyWorld(dialect);

  /** Alice's account with Rosa due, its digest sent; `verify` says whether Alice confirmed her address. */
  async function digestFor(verify: boolean) {
    const alice = await w.member("Alice", "alice@example.com", { verify });
    const rosa = await w.dueContact(alice, "Rosa", "Diaz");
    const digest = await w.digest();
    const followUp = async () => (await alice("GET", `/api/follow-ups?contactId=${rosa}`)).json().items[0];
    return { alice, rosa, digest, followUp };
  }
  const ids = (box: { messageId: string }[] | undefined) => (box ?? []).map((m) => m.messageId);

  it("a member whose address is not verified is told to verify it, and nothing is done", async () => {
    const { digest, followUp } = await digestFor(false);
    await w.append(await w.reply(digest, "done"));
    expect(await w.poll()).toMatchObject({ handled: 1 });
    expect(await followUp()).toMatchObject({ status: "open" });
    const [answer] = w.answers();
    expect(answer?.to).toMatchObject({ value: [{ address: "alice@example.com" }] });
    expect(answer?.text).toContain("Nothing was done: Kith acts on replies only from a verified address");
    expect(answer?.text).toContain("alice@example.com is not verified yet");
  });

  it("strangers, forgeries, robots and mail that answers no digest are ignored, with no mail back", async () => {
    const { alice, digest, followUp } = await digestFor(true);
    const sentBefore = w.sink.messages.length;
    // Bob is verified, but not a member of Alice's account.
    await w.member("Bob", "bob@example.com");
    const sentAfterBob = w.sink.messages.length;
    expect(sentAfterBob).toBe(sentBefore + 1);
    const forgedId = digest.messageId?.replace(/\.[\w-]{22}@/, ".AAAAAAAAAAAAAAAAAAAAAA@") ?? "";
    const mails = {
      stranger: await w.reply(digest, "done", { from: "Mallory <mallory@example.net>", messageId: "<m1@x>" }),
      nonMember: await w.reply(digest, "done", { from: "Bob <bob@example.com>", messageId: "<m2@x>" }),
      forged: await w.reply(digest, "done", { inReplyTo: forgedId, references: [forgedId], messageId: "<m3@x>" }),
      notAReply: await w.reply(digest, "done", { inReplyTo: "", references: [], messageId: "<m4@x>" }),
      outOfOffice: await w.reply(digest, "I am away until Monday.", {
        messageId: "<m5@x>",
        headers: { "Auto-Submitted": "auto-replied" },
      }),
      loop: await w.reply(digest, "done", { from: `Kith <${w.dovecot.user}>`, messageId: "<m6@x>" }),
    };
    for (const raw of Object.values(mails)) await w.append(raw);
    expect(await w.poll()).toEqual({ seen: 6, handled: 0, ignored: 6, waiting: 0 });
    expect(w.sink.messages.length).toBe(sentAfterBob);
    expect(await followUp()).toMatchObject({ status: "open" });
    const [listed] = (await alice("GET", "/api/contacts")).json().items;
    expect((await alice("GET", `/api/contacts/${listed.id}`)).json().notes).toBe("");
    const boxes = await w.mailboxes();
    expect(boxes.INBOX).toEqual([]);
    expect(ids(boxes["Kith.Ignored"]).sort()).toEqual(["<m1@x>", "<m2@x>", "<m3@x>", "<m4@x>", "<m5@x>", "<m6@x>"]);
    // Ignoring is not recorded against the account: no ledger entries for replies.
    const kinds = await w.s.db.db.selectFrom("delivery").select("kind").execute();
    expect(kinds.map((k) => k.kind)).toEqual(["digest-email"]);
  });

  it("a verified member acts with their own role: a viewer is told they cannot", async () => {
    const { alice, digest, followUp } = await digestFor(true);
    const vera = await w.member("Vera", "vera@example.com");
    await addMember(alice, vera, "vera@example.com", "viewer");
    await w.append(await w.reply(digest, "done", { from: "Vera <vera@example.com>" }));
    expect(await w.poll()).toMatchObject({ handled: 1 });
    expect(await followUp()).toMatchObject({ status: "open" });
    const answer = w.answers()[0];
    expect(answer?.to).toMatchObject({ value: [{ address: "vera@example.com" }] });
    expect(answer?.text).toContain("Rosa Diaz: could not mark it done — this needs the editor role; you are a viewer");
  });

  it("signing up with mail configured sends the verification link; a member can ask for it again", async () => {
    const carol = await signUp(w.s, "Carol", "carol@example.com");
    expect(w.verifications()).toHaveLength(1);
    expect((await carol.call("GET", "/api/email-verification")).json()).toEqual({
      email: "carol@example.com",
      verified: false,
      canSend: true,
    });
    expect((await carol.call("POST", "/api/email-verification")).statusCode).toBe(200);
    expect(w.verifications()).toHaveLength(2);
    const link = /https?:\/\/\S+verify-email\S+/.exec(w.verifications()[1]?.text ?? "")?.[0] ?? "";
    expect(link.startsWith("http://kith.test/api/auth/verify-email?token=")).toBe(true);
    expect((await w.s.app.inject({ method: "GET", url: link.slice("http://kith.test".length) })).statusCode).toBe(302);
    expect((await carol.call("GET", "/api/email-verification")).json()).toMatchObject({ verified: true });
    const again = await carol.call("POST", "/api/email-verification");
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe("carol@example.com is verified already");
    // better-auth's own endpoint, which would mail any registered address for anyone, is closed.
    const open = await w.s.app.inject({
      method: "POST",
      url: "/api/auth/send-verification-email",
      headers: { origin: "http://kith.test" },
      payload: { email: "carol@example.com" },
    });
    expect(open.statusCode).toBe(404);
    expect(w.verifications()).toHaveLength(2);
  });
});
