import { SmtpSink } from "../packages/runtime/src/testing/smtp-sink-server.ts";
import { expect, test } from "./fixtures.ts";
import { apiPost, capture, expectAccessible, originOf } from "./helpers.ts";

test("campaigns: a Thanksgiving greeting to a circle, reviewed line by line, sent from my email once each", async ({
  page,
  account,
}) => {
  // The member's own SMTP server, on loopback (the server under test reaches it).
  const sink = await new SmtpSink().start();
  try {
    const saved = await page.request.put("/api/me/smtp", {
      data: {
        host: "127.0.0.1",
        port: sink.port,
        security: "none",
        fromName: "Ada Lovelace",
        fromAddress: account.email,
      },
      headers: { origin: originOf(page) },
    });
    expect(saved.ok(), await saved.text()).toBeTruthy();
    const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
      firstName: "Rosa",
      lastName: "Diaz",
      emails: [{ address: "rosa@example.org" }],
    });
    await apiPost(page, "/api/interactions", {
      contactIds: [rosa.id],
      kind: "meeting",
      direction: "mutual",
      summary: "Talked about the robotics meetup",
      occurredAt: "2026-10-01T10:00:00.000Z",
    });
    await apiPost(page, "/api/contacts", {
      firstName: "Grace",
      lastName: "Hopper",
      emails: [{ address: "grace@example.org" }],
    });
    await apiPost(page, "/api/contacts", { firstName: "Linus", lastName: "Without Email" });

    await page.goto("/contacts");
    await page.getByRole("link", { name: "Campaigns" }).click();
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
    await expect(page.getByTestId("segment-count")).toHaveText(
      "2 people will get this greeting (1 without an email address left out)",
    );
    await page.getByLabel("Your update").fill("We moved to Porto this spring.");
    await expectAccessible(page, "campaigns");
    await capture(page, "campaigns-new");

    await page.getByRole("button", { name: "Review the messages" }).click();
    await expect(page.getByRole("heading", { name: /^Thanksgiving \d{4}$/, level: 1 })).toBeVisible();
    const rosaCard = page.getByRole("listitem", { name: "Rosa Diaz" });
    const graceCard = page.getByRole("listitem", { name: "Grace Hopper" });
    await expect(rosaCard.getByLabel("Personal line")).toHaveValue(
      "I still think about our talk about the robotics meetup.",
    );
    await expect(rosaCard).toContainText("We moved to Porto this spring.");
    await graceCard.getByLabel("Personal line").fill("Thank you again for the book.");
    await graceCard.getByRole("button", { name: "Save line" }).click();
    await expect(graceCard.locator("pre")).toContainText("Thank you again for the book.");
    await expect(page.getByText("Not sent yet · 0 of 2 sent")).toBeVisible();
    await expectAccessible(page, "campaign review");
    await capture(page, "campaign-review");

    await page.getByRole("button", { name: "Send all 2 from my email" }).click();
    await expect(page.getByText("Sent · 2 of 2 sent")).toBeVisible({ timeout: 30_000 });
    await expect(rosaCard).toContainText("Sent");
    await sink.waitFor(2);
    expect(sink.messages.map((m) => m.subject).sort()).toEqual([
      "Happy Thanksgiving, Grace",
      "Happy Thanksgiving, Rosa",
    ]);
    expect(sink.messages.find((m) => m.subject === "Happy Thanksgiving, Grace")?.text).toContain(
      "Thank you again for the book.",
    );
    await capture(page, "campaign-sent");

    // Each send is a touch: Rosa's timeline has the greeting, and it waits for no reply.
    const timeline = (await (await page.request.get(`/api/interactions?contactId=${rosa.id}`)).json()) as {
      items: { kind: string; awaitsReply: boolean }[];
    };
    expect(timeline.items[0]).toMatchObject({ kind: "email", awaitsReply: false });
    expect(sink.messages).toHaveLength(2);

    // Sent by hand: everyone in the circle, with or without an address, marked sent one by one.
    await page.getByRole("link", { name: "All campaigns" }).click();
    await page.getByLabel("Occasion").selectOption("custom");
    await page.getByLabel("Occasion name").fill("Lunar New Year");
    await page.getByText("I'll send each one myself").click();
    await expect(page.getByTestId("segment-count")).toHaveText("3 people will get this greeting");
    await page.getByRole("button", { name: "Review the messages" }).click();
    await expect(page.getByRole("heading", { name: /^Lunar New Year \d{4}$/, level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Send all/ })).toHaveCount(0);
    const linus = page.getByRole("listitem", { name: "Linus Without Email" });
    await expect(linus).toContainText("no email address");
    // The greeting just sent is Rosa's last touch; her line still comes from the talk before it.
    await expect(page.getByRole("listitem", { name: "Rosa Diaz" }).getByLabel("Personal line")).toHaveValue(
      "I still think about our talk about the robotics meetup.",
    );
    await linus.getByRole("button", { name: "Mark sent" }).click();
    await expect(linus).toContainText("Marked sent");
    await expect(page.getByText("Not sent yet · 1 of 3 sent")).toBeVisible();
    await capture(page, "campaign-marked");
    expect(sink.messages).toHaveLength(2);
  } finally {
    await sink.stop();
  }
});
