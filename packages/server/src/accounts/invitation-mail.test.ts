import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, TEST_ORIGIN, useTestServer } from "../testing/test-server.ts";

/** With SMTP, the invitation link goes to the invitee by mail, and a sign-up with a taken address to its owner. */
describe.each(DIALECTS)("invitation and sign-up mail on %s", (dialect) => {
  const sink = useSmtpSink();
  const s = useTestServer(dialect, { env: () => sink.env() });
  const to = (address: string) => sink.messages.filter((m) => JSON.stringify(m.to).includes(address));

  it("mails the invitation's link to the invited address, and still shows it to the owner", async () => {
    const owner = await signUp(s, "Ada", "ada@example.com");
    const res = await owner.call("POST", "/api/account/invitations", { email: "coach@example.com", role: "viewer" });
    expect(res.statusCode).toBe(201);
    const { link, mailed } = res.json() as { link: string; mailed: boolean };
    expect(mailed).toBe(true);
    await sink.waitUntil(() => to("coach@example.com").length > 0);
    const [mail] = to("coach@example.com");
    expect(mail?.subject).toBe("Kith: Ada invites you to Ada's network");
    expect(mail?.text).toContain(link);
    expect(mail?.text).toContain("as a viewer");
    expect(link.startsWith(`${TEST_ORIGIN}/invite#kinv_`)).toBe(true);
  });

  it("tells the owner of a taken address that someone tried to sign up with it; the answer says nothing", async () => {
    await signUp(s, "Ada", "ada@example.com");
    const res = await s.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: { origin: TEST_ORIGIN },
      payload: { name: "Mallory", email: "ada@example.com", password: "another long passphrase" },
    });
    expect(res.statusCode).toBe(200);
    await sink.waitUntil(() => to("ada@example.com").some((m) => m.subject === "Kith: you already have an account"));
    const notice = to("ada@example.com").find((m) => m.subject === "Kith: you already have an account");
    expect(notice?.text).toContain("Someone tried to create a Kith account");
  });
});
