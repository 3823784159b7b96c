import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("templates: edit a default with a live preview for a contact, see it on Today, restore Kith's text", async ({
  page,
  dueRosa,
}) => {
  await apiPost(page, "/api/contacts", { firstName: "Ana", lastName: "Lima" });
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
  const defaults = page.getByRole("region", { name: "Kith's defaults" });
  await defaults.getByRole("button", { name: /^Check-in/ }).click();

  const body = page.getByRole("textbox", { name: "Message" });
  await body.fill("Hi {{ contact.firstName }}, coffee this week?{% if me.update %} {{ me.update }}{% endif %}");
  await page.getByRole("combobox", { name: "For" }).fill("Ana");
  await page.getByRole("option", { name: /Ana Lima/ }).click();
  const preview = page.locator(".template-preview");
  await expect(preview).toContainText("Hi Ana, coffee this week?");

  await body.fill("Hi {{ contact.firstName }, broken");
  await expect(page.locator(".template-body")).toContainText(/not a valid template/);
  await body.fill("Hi {{ contact.firstName }}, coffee this week?");
  await expect(preview).toContainText("Hi Ana, coffee this week?");
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
