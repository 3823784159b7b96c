import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

const DAY = 86_400_000;

test("today: each item carries a draft naming the person; copy → did you send it? → yes logs it on her timeline", async ({
  page,
  account,
  clipboard,
}) => {
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Rosa",
    lastName: "Diaz",
    circle: "close",
    emails: [{ address: "rosa@example.com" }],
    howWeMet: "at the Lisbon design meetup",
    interests: ["climbing"],
  });
  await apiPost(page, "/api/interactions", {
    contactIds: [rosa.id],
    kind: "call",
    direction: "mutual",
    occurredAt: new Date(Date.now() - 60 * DAY).toISOString(),
    summary: "Talked about her new studio",
  });
  const sam = await apiPost<{ id: string }>(page, "/api/contacts", { firstName: "Sam", lastName: "Okafor" });
  await apiPost(page, "/api/follow-ups", {
    contactId: sam.id,
    dueOn: new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10),
    title: "Send the deck",
  });

  await page.goto("/");
  const draft = page.getByRole("group", { name: "Draft for Rosa Diaz" });
  await expect(draft).toContainText("Rosa");
  await expect(draft).not.toContainText("undefined");
  await expect(page.getByRole("group", { name: "Draft for Sam Okafor" })).toContainText("Sam");
  // The address comes with the contact (fetched beside the today list).
  await expect(draft.getByRole("link", { name: "Open this draft in your mail app" })).toHaveAttribute(
    "href",
    /^mailto:rosa@example\.com\?subject=[^&]+&body=Hi%20Rosa/,
  );
  await draft.getByRole("button", { name: "Show draft" }).click();
  await capture(page, "today-drafts");

  const subject = (await draft.locator(".draft-subject").textContent()) ?? "";
  expect(subject).toContain("Rosa");
  await draft.getByRole("button", { name: "Copy the draft for Rosa Diaz" }).click();
  const copied = await clipboard.read();
  expect(copied).toMatch(/^Hi Rosa,/);
  await draft.getByRole("button", { name: "Yes, log it" }).click();
  await expect(page.getByText("Logged what you sent to Rosa Diaz.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Draft for Rosa Diaz" })).toHaveCount(0);

  await page.goto(`/contacts/${rosa.id}`);
  const timeline = page.getByRole("region", { name: "Timeline" });
  // A copied draft of an "any" template was pasted somewhere: logged as an outbound message with its subject.
  await expect(timeline.locator("li").first()).toContainText("Message · I reached out");
  await expect(timeline.locator("li").first()).toContainText(subject);
  expect(account).toBeTruthy();
});

test("contact page: draft a message with a chosen template, edit it, keyboard only", async ({ page, account }) => {
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Rosa",
    lastName: "Diaz",
    emails: [{ address: "rosa@example.com" }],
  });
  await page.goto(`/contacts/${rosa.id}`);
  await page.getByRole("button", { name: "Draft a message to Rosa Diaz" }).click();
  const draft = page.getByRole("group", { name: "Draft for Rosa Diaz" });
  await expect(draft).toContainText("Hi Rosa,");
  await page.getByRole("combobox", { name: "Template" }).selectOption({ label: "Thank you after an interview" });
  await expect(draft).toContainText(/Thank/);
  await draft.getByRole("button", { name: "Edit the draft for Rosa Diaz" }).press("Enter");
  const body = page.getByRole("textbox", { name: "Message" });
  await body.fill("Hi Rosa, thank you again for Tuesday.");
  await page.getByRole("button", { name: "Keep this draft for Rosa Diaz" }).press("Enter");
  await expect(draft).toContainText("Hi Rosa, thank you again for Tuesday.");
  await capture(page, "contact-draft");
  expect(account).toBeTruthy();
});
