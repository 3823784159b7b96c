import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("settings: account, members and API tokens", async ({ page, account }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByText("(you)")).toBeVisible();
  await page.getByLabel("New token name").fill("laptop CLI");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(/shown only once/)).toBeVisible();
  await expect(page.locator("code.token")).toContainText("kith_");
  await capture(page, "settings");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
