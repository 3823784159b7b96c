import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures.ts";
import { apiPost, capture, signUp } from "./helpers.ts";

// A 16×16 PNG (a green disc), the same as core's testing/photos.ts.
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAANUlEQVR4nGN48eQGSYiBUg1aVdloCJ8GTNWYehgIqkbTw0CMamQ9I1kDycFKTsSRkzRokloBhfDmOAQAgrQAAAAASUVORK5CYII=";

/**
 * Issue #19's journey: a contact's birthday, second email, photo and a timeline entry edited in the web; the
 * account backed up from the Export & backup page and restored into a new account, where all of it is found.
 */
test("edits to a contact survive a backup restored into a new account", async ({ page, account }) => {
  test.setTimeout(150_000);
  expect(account.email).toBeTruthy();
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Rosa",
    lastName: "Núñez 🌿",
    emails: [{ address: "rosa@studio.example", label: "work" }],
  });
  await apiPost(page, "/api/interactions", {
    contactIds: [rosa.id],
    kind: "email",
    direction: "outbound",
    occurredAt: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    summary: "Sent the studio photos",
  });
  await page.goto(`/contacts/${rosa.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Rosa Núñez 🌿" })).toBeVisible();

  // Birthday without a year and a second email, in the edit dialog.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Rosa Núñez 🌿" });
  await dialog.getByLabel("Birthday month").selectOption({ label: "March" });
  await dialog.getByLabel("Birthday day").fill("14");
  await dialog.getByRole("button", { name: "Add email" }).click();
  await dialog.getByRole("textbox", { name: "Email 2", exact: true }).fill("zoë.núñez@exämple.com");
  await dialog.getByRole("textbox", { name: "Email 2 label" }).fill("home");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // A photo, chosen as a file.
  const png = path.join(tmpdir(), `kith-photo-${Date.now()}.png`);
  writeFileSync(png, Buffer.from(PNG_BASE64, "base64"));
  await page.locator(".photo-field input[type=file]").setInputFiles(png);
  await expect(page.getByText("Change photo")).toBeVisible();

  // The timeline entry corrected.
  await page.getByRole("button", { name: /^Edit Email/ }).click();
  const entry = page.getByRole("dialog", { name: "Edit this entry" });
  await entry.locator("label.segment", { hasText: "Call" }).click();
  await entry.locator("label.segment", { hasText: "Together" }).click();
  await entry.getByLabel("What about").fill("Called about the Lisbon show 🎨");
  await entry.getByRole("button", { name: "Save" }).click();
  await expect(entry).toBeHidden();

  // Backup from the web.
  await page.goto("/exports");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download backup (JSON)" }).click(),
  ]);
  const backupPath = await download.path();
  const backup = JSON.parse(readFileSync(backupPath, "utf8"));
  expect(backup.contacts[0].photo.contentType).toMatch(/^image\//);

  // A new account restores it and finds everything.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await signUp(page, "Grace Hopper");
  await page.goto("/exports");
  await page.getByLabel("Choose a backup file").setInputFiles(backupPath);
  await expect(page.getByRole("status").filter({ hasText: "Restored" })).toContainText("Restored 1 contact");
  await page.goto("/contacts");
  await page.getByRole("link", { name: "Rosa Núñez 🌿" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosa Núñez 🌿" })).toBeVisible();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details.locator("dt:text-is('work') + dd")).toHaveText("rosa@studio.example");
  await expect(details.locator("dt:text-is('home') + dd")).toHaveText("zoë.núñez@exämple.com");
  await expect(details.locator("dt:text-is('Birthday') + dd")).toHaveText("March 14");
  const photo = page.locator(".page-heading img.avatar-photo");
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Called about the Lisbon show 🎨")).toBeVisible();
  await expect(timeline.getByText("Call · Together")).toBeVisible();
  await capture(page, "contact-roundtrip-restored");
});
