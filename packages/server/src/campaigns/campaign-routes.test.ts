import { memberCampaignMailer, runCampaignSends } from "@kith/core";
import { openSending } from "@kith/runtime";
import { useSmtpSink } from "@kith/runtime/testing/smtp-sink";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("campaign routes on %s", (dialect) => {
  const sink = useSmtpSink();
  const s = useTestServer(dialect);

  it("sends all through the member's own SMTP account: one mail each, one touch each, From the member", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const saved = await alice.call("PUT", "/api/me/smtp", {
      host: "127.0.0.1",
      port: sink.port,
      security: "none",
      fromName: "Alice Liddell",
      fromAddress: "alice@example.com",
    });
    expect(saved.statusCode).toBe(200);
    for (const name of ["Ada", "Grace", "Linus"]) {
      await alice.call("POST", "/api/contacts", {
        firstName: name,
        emails: [{ address: `${name.toLowerCase()}@example.org` }],
      });
    }
    const campaign = (
      await alice.call("POST", "/api/campaigns", { occasion: { kind: "thanksgiving" }, segment: { circle: "network" } })
    ).json() as { id: string };
    const sending = await alice.call("POST", `/api/campaigns/${campaign.id}/send`);
    expect(sending.json()).toMatchObject({ status: "sending" });
    // The server's job would run now; the test runs its pass twice, as two instances would.
    const mailer = memberCampaignMailer(openSending(s.config, s.deps));
    await runCampaignSends(s.deps, mailer, { holder: "one" });
    await runCampaignSends(s.deps, mailer, { holder: "two" });
    await sink.waitFor(3);
    expect(sink.messages.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : "")).sort()).toEqual([
      "ada@example.org",
      "grace@example.org",
      "linus@example.org",
    ]);
    expect(sink.messages.every((m) => m.from?.text === '"Alice Liddell" <alice@example.com>')).toBe(true);
    expect(sink.messages.map((m) => m.subject).sort()).toEqual([
      "Happy Thanksgiving, Ada",
      "Happy Thanksgiving, Grace",
      "Happy Thanksgiving, Linus",
    ]);
    const done = (await alice.call("GET", `/api/campaigns/${campaign.id}`)).json();
    expect(done).toMatchObject({ status: "sent", counts: { sent: 3 } });
    for (const r of done.recipients as { sendKey: string; contactId: string }[]) {
      expect(sink.messages.filter((m) => m.messageId === `<${r.sendKey}@example.com>`)).toHaveLength(1);
      const timeline = (await alice.call("GET", `/api/interactions?contactId=${r.contactId}`)).json();
      expect(timeline.items).toMatchObject([{ kind: "email", direction: "outbound", awaitsReply: false }]);
    }
  });

  it("creates a campaign from a circle, edits and removes recipients, marks one sent; no SMTP: send is a 409", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const person = async (firstName: string, email: string | null) =>
      (
        await alice.call("POST", "/api/contacts", {
          firstName,
          circle: "network",
          ...(email ? { emails: [{ address: email }] } : {}),
        })
      ).json() as { id: string };
    const ada = await person("Ada", "ada@example.com");
    const grace = await person("Grace", "grace@example.com");
    await person("Nomail", null);

    const preview = await alice.call("POST", "/api/campaigns/segment-preview", { segment: { circle: "network" } });
    expect(preview.json()).toEqual({ count: 3, withEmail: 2 });
    const created = await alice.call("POST", "/api/campaigns", {
      occasion: { kind: "thanksgiving" },
      segment: { circle: "network" },
      templateId: "default:holiday",
    });
    expect(created.statusCode).toBe(201);
    const campaign = created.json() as { id: string; recipients: { contactId: string; body: string }[] };
    expect(campaign.recipients.map((r) => r.contactId)).toEqual([ada.id, grace.id]);
    expect((await alice.call("GET", "/api/campaigns")).json().items).toMatchObject([
      { id: campaign.id, status: "draft", counts: { total: 2, pending: 2 } },
    ]);

    const edited = await alice.call("PATCH", `/api/campaigns/${campaign.id}/recipients/${ada.id}`, {
      personalLine: "Still thinking of our hike.",
    });
    expect(edited.json().body).toContain("Still thinking of our hike.");
    const badSubject = await alice.call("PATCH", `/api/campaigns/${campaign.id}/recipients/${ada.id}`, {
      subject: "Hi\nBcc: all@example.com",
    });
    expect(badSubject.statusCode).toBe(400);
    expect(badSubject.json().errors).toMatchObject([{ path: "subject" }]);

    expect((await alice.call("DELETE", `/api/campaigns/${campaign.id}/recipients/${grace.id}`)).statusCode).toBe(204);
    const marked = await alice.call("POST", `/api/campaigns/${campaign.id}/recipients/${ada.id}/mark-sent`);
    expect(marked.json()).toMatchObject({ status: "marked-sent" });
    const after = (await alice.call("GET", `/api/campaigns/${campaign.id}`)).json();
    expect(after).toMatchObject({ status: "sent", counts: { markedSent: 1, skipped: 1 } });
    const timeline = (await alice.call("GET", `/api/interactions?contactId=${ada.id}`)).json();
    expect(timeline.items).toMatchObject([{ direction: "outbound", awaitsReply: false }]);

    const another = (
      await alice.call("POST", "/api/campaigns", { occasion: { kind: "new-year" }, segment: { circle: "network" } })
    ).json() as { id: string };
    const send = await alice.call("POST", `/api/campaigns/${another.id}/send`);
    expect(send.statusCode).toBe(409);
    expect(send.json().detail).toMatch(/SMTP account/);
  });

  it("keeps campaigns in their account, and from viewers' writes", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const ada = (
      await alice.call("POST", "/api/contacts", { firstName: "Ada", emails: [{ address: "ada@example.com" }] })
    ).json() as { id: string };
    const campaign = (
      await alice.call("POST", "/api/campaigns", { occasion: { kind: "custom", name: "Lunar New Year" }, segment: {} })
    ).json() as { id: string };
    const bob = await signUp(s, "Bob", "bob@example.com");
    expect((await bob.call("GET", `/api/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await bob.call("POST", `/api/campaigns/${campaign.id}/recipients/${ada.id}/mark-sent`)).statusCode).toBe(
      404,
    );
    const bobsCompany = (await bob.call("POST", "/api/companies", { name: "Bob Corp" })).json() as { id: string };
    const foreign = await alice.call("POST", "/api/campaigns/segment-preview", {
      segment: { companyId: bobsCompany.id },
    });
    expect(foreign.statusCode).toBe(404);

    const coach = await signUp(s, "Coach", "coach@example.com");
    await addMember(alice.call, coach.call, "coach@example.com", "viewer");
    const account = (await alice.call("GET", "/api/account")).json() as { id: string };
    const asViewer = { "x-kith-account": account.id };
    expect((await coach.call("GET", `/api/campaigns/${campaign.id}`, undefined, asViewer)).statusCode).toBe(200);
    const write = await coach.call(
      "POST",
      `/api/campaigns/${campaign.id}/recipients/${ada.id}/mark-sent`,
      undefined,
      asViewer,
    );
    expect(write.statusCode).toBe(403);
  });
});
