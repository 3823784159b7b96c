import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("templates: edit a default with a live preview for a contact, see it on Today, restore Kith's text", async ({
  page,
  dueRosa,
}) => {
  await apiPost(page, "/api/contacts", { firstName: "Bea", lastName: "Costa" });
  // Your update (Settings) is what greetings share about you: `me.update` in a template.
  await page.goto("/settings");
  const update = page.getByRole("region", { name: "Your update" });
  await update.getByRole("textbox", { name: "What's new with you" }).fill("We moved to Lyon in the spring.");
  await update.getByRole("button", { name: "Save update" }).click();
  await expect(update.getByRole("status")).toHaveText("Saved.");
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
  const defaults = page.getByRole("region", { name: "Kith's defaults" });
  await defaults.getByRole("button", { name: /^Check-in/ }).click();

  const body = page.getByRole("textbox", { name: "Message" });
  await body.fill("Hi {{ contact.firstName }}, coffee this week?{% if me.update %} {{ me.update }}{% endif %}");
  // Kith's sample person is Ana Lima; the preview then speaks to the contact chosen.
  await page.getByRole("combobox", { name: "For" }).fill("Bea");
  await expect(page.getByRole("option")).toHaveCount(1);
  await page.getByRole("option", { name: /Bea Costa/ }).click();
  await expect(page.getByText("For a sample person")).toHaveCount(0);
  const preview = page.locator(".template-preview");
  await expect(preview).toContainText("Hi Bea, coffee this week? We moved to Lyon in the spring.");

  await body.fill("Hi {{ contact.firstName }, broken");
  await expect(page.locator(".template-body")).toContainText(/not a valid template/);
  await body.fill("Hi {{ contact.firstName }}, coffee this week?");
  await expect(preview).toContainText("Hi Bea, coffee this week?");
  await capture(page, "templates");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(defaults.getByRole("button", { name: /^Check-in/ })).toContainText("edited");

  await page.goto("/");
  expect(dueRosa.id).toBeTruthy();
  await expect(page.locator(".draft").first()).toBeVisible();

  await page.goto("/templates");
  await page
    .getByRole("region", { name: "Kith's defaults" })
    .getByRole("button", { name: /^Check-in/ })
    .click();
  await page.getByRole("button", { name: "Restore Kith's text" }).click();
  await expect(
    page.getByRole("region", { name: "Kith's defaults" }).getByRole("button", { name: /^Check-in/ }),
  ).not.toContainText("edited");
});
