import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

/** A date `days` from today in the browser's calendar, as a date input takes it (YYYY-MM-DD). */
const dateOn = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

test("a contact and its timeline, edited in the web, are all there after a reload", async ({ page, account }) => {
  // A long journey: three pages checked by axe at two widths each.
  test.setTimeout(120_000);
  expect(account.email).toBeTruthy();
  await page.goto("/contacts");
  await page.getByRole("button", { name: "Add contact" }).first().click();
  let dialog = page.getByRole("dialog", { name: "Add a contact" });
  await dialog.getByLabel("First name").fill("Rosa");
  await dialog.getByLabel("Last name").fill("Diaz");
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosa Diaz" })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  // History to correct: two entries and a follow-up, as the quick log and the API would have left them.
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await apiPost(page, "/api/interactions", {
    contactIds: [id],
    kind: "email",
    direction: "outbound",
    occurredAt: at(3),
    summary: "Sent the studio photos",
  });
  await apiPost(page, "/api/interactions", {
    contactIds: [id],
    kind: "social",
    direction: "inbound",
    occurredAt: at(2),
    summary: "Liked a post by mistake",
  });
  await apiPost(page, "/api/follow-ups", { contactId: id, dueOn: dateOn(1), title: "Ask how the opening went" });
  await page.reload();

  // The whole contact, in one dialog.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  dialog = page.getByRole("dialog", { name: "Edit Rosa Diaz" });
  await dialog.getByLabel("Birthday month").selectOption({ label: "March" });
  await dialog.getByLabel("Birthday day").fill("14");
  await dialog.getByRole("button", { name: "Add email" }).click();
  await dialog.getByRole("textbox", { name: "Email 1", exact: true }).fill("rosa@studio.example");
  await dialog.getByRole("textbox", { name: "Email 1 label" }).fill("work");
  await dialog.getByRole("button", { name: "Add email" }).click();
  await dialog.getByRole("textbox", { name: "Email 2", exact: true }).fill("rosa.diaz@home.example");
  await dialog.getByRole("textbox", { name: "Email 2 label" }).fill("home");
  await dialog.getByRole("button", { name: "Add phone" }).click();
  await dialog.getByRole("textbox", { name: "Phone 1", exact: true }).fill("+351 912 345 678");
  await dialog.getByRole("textbox", { name: "Phone 1 label" }).fill("mobile");
  await dialog.getByRole("button", { name: "Add link" }).click();
  await dialog.getByRole("textbox", { name: "Link 1", exact: true }).fill("https://rosa.example/portfolio");
  await dialog.getByRole("textbox", { name: "Link 1 label" }).fill("portfolio");
  await dialog.getByRole("combobox", { name: "Company" }).fill("Nova Labs");
  await page.getByRole("option", { name: "Create company “Nova Labs”" }).click();
  await expect(dialog.getByRole("combobox", { name: "Company" })).toHaveValue("Nova Labs");
  await dialog.getByLabel("Title").fill("Ceramicist");
  await capture(page, "contact-edit-form");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // Correct one entry, delete the other.
  await page.getByRole("button", { name: /^Edit Email/ }).click();
  dialog = page.getByRole("dialog", { name: "Edit this entry" });
  await dialog.locator("label.segment", { hasText: "Call" }).click();
  await dialog.locator("label.segment", { hasText: "Together" }).click();
  await dialog.getByLabel("What about").fill("Called about the Lisbon show");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: /^Delete Social/ }).click();
  dialog = page.getByRole("dialog", { name: "Delete this entry?" });
  await capture(page, "contact-edit-delete-entry");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();

  // Snooze the follow-up to a chosen date.
  const untilOn = dateOn(20);
  await page.getByRole("button", { name: "Snooze until…" }).click();
  const snooze = page.getByRole("form", { name: /^Snooze “Ask how the opening went”/ });
  await snooze.getByLabel("Until").fill(untilOn);
  await snooze.getByRole("button", { name: "Snooze" }).click();
  await expect(snooze).toBeHidden();

  // A reload reads it all back from the server.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Rosa Diaz" })).toBeVisible();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.locator("dt:text-is('work') + dd")).toHaveText("rosa@studio.example");
  await expect(details.locator("dt:text-is('home') + dd")).toHaveText("rosa.diaz@home.example");
  await expect(details.locator("dt:text-is('mobile') + dd")).toHaveText("+351 912 345 678");
  await expect(details.locator("dt:text-is('portfolio') + dd")).toHaveText("rosa.example/portfolio");
  await expect(details.locator("dt:text-is('Company') + dd")).toHaveText("Nova Labs");
  await expect(details.locator("dt:text-is('Birthday') + dd")).toHaveText("March 14");
  await expect(page.getByText("Ceramicist at Nova Labs")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Called about the Lisbon show")).toBeVisible();
  await expect(timeline.getByText("Call · Together")).toBeVisible();
  await expect(timeline.getByText("Liked a post by mistake")).toHaveCount(0);
  const followUps = page.getByRole("region", { name: "Follow-ups" });
  const shown = await page.evaluate(
    (on) => new Date(`${on}T00:00`).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" }),
    untilOn,
  );
  await expect(followUps.getByText(`(snoozed until ${shown})`, { exact: false })).toBeVisible();
  await capture(page, "contact-edit-after-reload");
});
