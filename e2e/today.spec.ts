import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("today: a due follow-up is listed, done takes it off, undo brings it back", async ({ page, dueRosa }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Rosa Diaz" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.locator(".page")).not.toContainText("Loading");
  await capture(page, "today");
});
