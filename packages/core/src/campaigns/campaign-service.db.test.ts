import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type CampaignMailer,
  type CampaignMessage,
  CampaignSendFailure,
  createCampaign,
  createContact,
  createTemplate,
  getCampaign,
  getContact,
  listCampaigns,
  logInteraction,
  markRecipientSent,
  moveOn,
  previewSegment,
  removeRecipient,
  retryRecipient,
  runCampaignSends,
  sendCampaign,
  setContactArchived,
  updateCampaignRecipient,
  updateSettings,
} from "../index.ts";

/** The "send one" port as a test stands in for the member's SMTP (the server's tests use a real SMTP server). */
class RecordingMailer implements CampaignMailer {
  sent: CampaignMessage[] = [];
  failNext: CampaignSendFailure | null = null;
  async ready() {
    return true;
  }
  async send(_member: unknown, message: CampaignMessage) {
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
    this.sent.push(message);
  }
}

describe.each(DIALECTS)("occasion campaigns on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const person = (firstName: string, extra: object = {}) =>
    createContact(w.deps, w.alice, {
      firstName,
      lastName: "Example",
      emails: [{ address: `${firstName.toLowerCase()}@example.com` }],
      circle: "network",
      ...extra,
    });

  const thanksgiving = (extra: object = {}) =>
    createCampaign(w.deps, w.alice, {
      occasion: { kind: "thanksgiving" },
      segment: { circle: "network" },
      myUpdate: "We moved to Porto this spring.",
      ...extra,
    });

  it("snapshots the segment with a draft and a personal line from each last touch", async () => {
    const ada = await person("Ada");
    await person("Grace");
    await person("Nomail", { emails: [] });
    await person("Closefriend", { circle: "close" });
    const gone = await person("Archived");
    await setContactArchived(w.deps, w.alice, gone.id, true);
    const moved = await person("Movedon");
    await moveOn(w.deps, w.alice, moved.id);
    await logInteraction(w.deps, w.alice, {
      contactIds: [ada.id],
      kind: "meeting",
      direction: "mutual",
      summary: "Talked about the robotics meetup",
      occurredAt: "2026-10-01T10:00:00.000Z",
    });

    expect(await previewSegment(w.deps, w.alice, { segment: { circle: "network" } })).toEqual({
      count: 3,
      withEmail: 2,
    });
    const campaign = await thanksgiving();
    expect(campaign).toMatchObject({ name: "Thanksgiving 2026", status: "draft", mode: "email" });
    expect(campaign.recipients.map((r) => r.displayName)).toEqual(["Ada Example", "Grace Example"]);
    const [a, g] = campaign.recipients;
    expect(a?.personalLine).toBe("I still think about our talk about the robotics meetup.");
    expect(a?.body).toContain("Hi Ada,");
    expect(a?.body).toContain("I still think about our talk about the robotics meetup.");
    expect(a?.body).toContain("We moved to Porto this spring.");
    expect(a?.subject).toBe("Happy Thanksgiving, Ada");
    expect(g?.personalLine).toBe("");
    expect(g?.body).not.toMatch(/undefined|null|\s{3,}/);

    const everyone = await thanksgiving({ mode: "self", segment: {} });
    expect(everyone.recipients.map((r) => r.displayName).sort()).toEqual([
      "Ada Example",
      "Closefriend Example",
      "Grace Example",
      "Nomail Example",
    ]);
    const asked = await thanksgiving({ mode: "self", segment: { includeArchived: true, includeMovedOn: true } });
    expect(asked.recipients.map((r) => r.displayName)).toContain("Archived Example");
    expect(asked.recipients.map((r) => r.displayName)).toContain("Movedon Example");
    expect((await listCampaigns(w.deps, w.alice)).map((c) => c.counts.total).sort()).toEqual([2, 4, 6]);
  });

  it("drafts with the chosen template and the account's update by default; an unknown template is a 404", async () => {
    await person("Ada");
    await updateSettings(w.deps, w.alice, { myUpdate: "I started a pottery class." });
    const own = await createTemplate(w.deps, w.alice, {
      name: "Short greeting",
      subject: "{{ occasion.name }} wishes",
      body: "Dear {{ contact.firstName }}, {{ personalLine }} {{ me.update }}",
    });
    const campaign = await createCampaign(w.deps, w.alice, {
      occasion: { kind: "new-year" },
      segment: {},
      templateId: own.id,
    });
    expect(campaign.myUpdate).toBe("I started a pottery class.");
    expect(campaign.recipients[0]).toMatchObject({
      subject: "New Year wishes",
      body: expect.stringContaining("Dear Ada,"),
    });
    expect(campaign.recipients[0]?.body).toContain("I started a pottery class.");
    await expect(
      createCampaign(w.deps, w.bob, { occasion: { kind: "new-year" }, segment: {}, templateId: own.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("edits a personal line (the body follows unless written by hand), removes a recipient", async () => {
    const ada = await person("Ada");
    const grace = await person("Grace");
    const campaign = await thanksgiving();
    const edited = await updateCampaignRecipient(w.deps, w.alice, campaign.id, ada.id, {
      personalLine: "Your talk at the meetup stayed with me.",
    });
    expect(edited.body).toContain("Your talk at the meetup stayed with me.");
    const own = await updateCampaignRecipient(w.deps, w.alice, campaign.id, ada.id, {
      body: "Dear Ada, my own words.",
    });
    expect(own.bodyEdited).toBe(true);
    const again = await updateCampaignRecipient(w.deps, w.alice, campaign.id, ada.id, { personalLine: "Another." });
    expect(again.body).toBe("Dear Ada, my own words.");
    await expect(
      updateCampaignRecipient(w.deps, w.alice, campaign.id, ada.id, { subject: "two\r\nBcc: x@evil.test" }),
    ).rejects.toMatchObject({ code: "validation" });

    await removeRecipient(w.deps, w.alice, campaign.id, grace.id);
    const after = await getCampaign(w.deps, w.alice, campaign.id);
    expect(after.recipients.find((r) => r.contactId === grace.id)).toMatchObject({ status: "skipped" });
    expect(after.counts).toMatchObject({ pending: 1, skipped: 1 });
  });

  it("greets a person once per occasion a year: one in two overlapping segments is skipped in the second", async () => {
    const ada = await person("Ada", { tags: ["climbing"] });
    const zoë = await person("Zoë", { tags: ["climbing"] });
    const bo = await person("Bo", { circle: "close", tags: ["climbing"] });
    const first = await thanksgiving();
    expect(first.recipients.map((r) => r.status)).toEqual(["pending", "pending"]);
    // Removed from the first: Zoë is not greeted there, so the second may greet her.
    await removeRecipient(w.deps, w.alice, first.id, zoë.id);
    const second = await thanksgiving({ segment: { tag: "climbing" } });
    const byId = new Map(second.recipients.map((r) => [r.contactId, r]));
    expect(byId.get(ada.id)).toMatchObject({ status: "skipped", reason: `Already greeted in "${first.name}"` });
    expect(byId.get(zoë.id)?.status).toBe("pending");
    expect(byId.get(bo.id)?.status).toBe("pending");
    expect(second.counts).toMatchObject({ total: 3, pending: 2, skipped: 1 });
    // Another occasion is another greeting; a segment of only people already greeted is refused in words.
    const newYear = await createCampaign(w.deps, w.alice, {
      occasion: { kind: "new-year" },
      segment: { circle: "network" },
    });
    expect(newYear.recipients.every((r) => r.status === "pending")).toBe(true);
    await expect(thanksgiving({ segment: { tag: "climbing" } })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/segment.*already greets for Thanksgiving this year/),
    });
    // What the sender sends: the pending ones only.
    const mailer = new RecordingMailer();
    await sendCampaign(w.deps, mailer, w.alice, second.id);
    expect(await runCampaignSends(w.deps, mailer, { holder: "one" })).toEqual({ sent: 2, failed: 0, unknown: 0 });
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(["bo@example.com", "zoë@example.com"]);
    expect((await getCampaign(w.deps, w.alice, second.id)).status).toBe("sent");
  });

  it("sends once per person, logs one touch each that waits for no reply, and a rerun sends nothing", async () => {
    const people = [await person("Ada"), await person("Grace"), await person("Linus")];
    const campaign = await thanksgiving();
    const mailer = new RecordingMailer();
    await sendCampaign(w.deps, mailer, w.alice, campaign.id);
    const first = await runCampaignSends(w.deps, mailer, { holder: "one" });
    expect(first).toEqual({ sent: 3, failed: 0, unknown: 0 });
    expect(await runCampaignSends(w.deps, mailer, { holder: "two" })).toEqual({ sent: 0, failed: 0, unknown: 0 });
    expect(mailer.sent.map((m) => m.to).sort()).toEqual(["ada@example.com", "grace@example.com", "linus@example.com"]);
    expect(new Set(mailer.sent.map((m) => m.sendKey)).size).toBe(3);

    const done = await getCampaign(w.deps, w.alice, campaign.id);
    expect(done.status).toBe("sent");
    for (const p of people) {
      const r = done.recipients.find((x) => x.contactId === p.id);
      expect(r).toMatchObject({ status: "sent" });
      const contact = await getContact(w.deps, w.alice, p.id);
      expect(contact.lastTouchAt).toBe(w.clock.now().toISOString());
      expect(contact.touchCount).toBe(1);
      const touch = await w.deps.store.interactions.findById(w.alice.accountId, r!.interactionId!);
      expect(touch).toMatchObject({ kind: "email", direction: "outbound", awaitsReply: false, meaningful: true });
    }
    await expect(sendCampaign(w.deps, mailer, w.alice, campaign.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("never re-sends a row a dead sender left `sending`: unknown, then the member decides", async () => {
    const ada = await person("Ada");
    const grace = await person("Grace");
    const campaign = await thanksgiving();
    const mailer = new RecordingMailer();
    await sendCampaign(w.deps, mailer, w.alice, campaign.id);
    // A sender claims Ada and dies before it hears back.
    const claimed = await w.deps.store.campaigns.claimNext(w.alice.accountId, campaign.id, {
      holder: "dead",
      leaseUntilAt: new Date(w.clock.now().getTime() + 120_000).toISOString(),
      sendKey: "kith-campaign.x.1",
      at: w.clock.now().toISOString(),
    });
    expect(claimed?.contactId).toBe(ada.id);
    // While its lease runs, another sender leaves Ada alone and sends Grace.
    expect(await runCampaignSends(w.deps, mailer, { holder: "live" })).toEqual({ sent: 1, failed: 0, unknown: 0 });
    w.clock.advanceDays(1);
    expect(await runCampaignSends(w.deps, mailer, { holder: "live" })).toEqual({ sent: 0, failed: 0, unknown: 1 });
    expect(mailer.sent.map((m) => m.to)).toEqual(["grace@example.com"]);
    let now = await getCampaign(w.deps, w.alice, campaign.id);
    expect(now.status).toBe("partly-sent");
    expect(now.recipients[0]).toMatchObject({ status: "unknown", sendKey: "kith-campaign.x.1" });
    expect(now.recipients[0]?.reason).toMatch(/Check your Sent folder/);

    // Not in the Sent folder: send it again (a new key), once.
    await retryRecipient(w.deps, mailer, w.alice, campaign.id, ada.id);
    expect(await runCampaignSends(w.deps, mailer, { holder: "live" })).toEqual({ sent: 1, failed: 0, unknown: 0 });
    now = await getCampaign(w.deps, w.alice, campaign.id);
    expect(now.status).toBe("sent");
    expect(mailer.sent.map((m) => m.to)).toEqual(["grace@example.com", "ada@example.com"]);
    expect((await getContact(w.deps, w.alice, grace.id)).touchCount).toBe(1);
    expect((await getContact(w.deps, w.alice, ada.id)).touchCount).toBe(1);
  });

  it("a refused message fails with its reason; an unreachable server is tried again later", async () => {
    await person("Ada");
    await person("Grace");
    const campaign = await thanksgiving();
    const mailer = new RecordingMailer();
    await sendCampaign(w.deps, mailer, w.alice, campaign.id);
    mailer.failNext = new CampaignSendFailure("not-sent", "Could not reach smtp.example.com");
    expect(await runCampaignSends(w.deps, mailer, { holder: "a" })).toEqual({ sent: 0, failed: 0, unknown: 0 });
    mailer.failNext = new CampaignSendFailure("refused", "The mail server refused the address: 550 no such user");
    expect(await runCampaignSends(w.deps, mailer, { holder: "a" })).toEqual({ sent: 1, failed: 1, unknown: 0 });
    const now = await getCampaign(w.deps, w.alice, campaign.id);
    expect(now.status).toBe("partly-sent");
    expect(now.recipients[0]).toMatchObject({
      status: "failed",
      reason: "The mail server refused the address: 550 no such user",
    });
  });

  it("marks as sent one by one (logging the touch), and the campaign is sent when everyone is", async () => {
    const ada = await person("Ada", { emails: [] });
    const grace = await person("Grace");
    const campaign = await thanksgiving({ mode: "self", occasion: { kind: "custom", name: "Diwali" } });
    expect(campaign.recipients[0]?.subject).toBe("Happy Diwali, Ada");
    await markRecipientSent(w.deps, w.alice, campaign.id, ada.id);
    expect((await getCampaign(w.deps, w.alice, campaign.id)).status).toBe("draft");
    await expect(markRecipientSent(w.deps, w.alice, campaign.id, ada.id)).rejects.toMatchObject({ code: "conflict" });
    await markRecipientSent(w.deps, w.alice, campaign.id, grace.id);
    const done = await getCampaign(w.deps, w.alice, campaign.id);
    expect(done.status).toBe("sent");
    expect(done.counts.markedSent).toBe(2);
    const touch = await w.deps.store.interactions.findById(w.alice.accountId, done.recipients[0]!.interactionId!);
    expect(touch).toMatchObject({ kind: "message", direction: "outbound", awaitsReply: false });
    await expect(sendCampaign(w.deps, new RecordingMailer(), w.alice, campaign.id)).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("refuses what the request cannot have: viewers, other accounts, no SMTP, empty segments, bad holidays", async () => {
    const ada = await person("Ada");
    const campaign = await thanksgiving();
    const viewer = { ...w.alice, role: "viewer" as const };
    await expect(createCampaign(w.deps, viewer, { occasion: { kind: "new-year" }, segment: {} })).rejects.toMatchObject(
      {
        code: "forbidden",
      },
    );
    await expect(markRecipientSent(w.deps, viewer, campaign.id, ada.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getCampaign(w.deps, w.bob, campaign.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(markRecipientSent(w.deps, w.bob, campaign.id, ada.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeRecipient(w.deps, w.bob, campaign.id, ada.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(sendCampaign(w.deps, null, w.alice, campaign.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createCampaign(w.deps, w.alice, { occasion: { kind: "new-year" }, segment: { tag: "nobody" } }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ path: "segment" }] });
    await expect(
      createCampaign(w.deps, w.alice, { occasion: { kind: "holiday", holidayId: "nope" }, segment: {} }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ path: "occasion.holidayId" }] });
    expect(await listCampaigns(w.deps, w.bob)).toEqual([]);
  });
});
