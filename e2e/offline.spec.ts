import { expect, test } from "./fixtures.ts";

test("offline, a reload still shows the shell and the last today list", async ({ page, context, dueRosa }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rosa Diaz" })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // Once the worker controls the page, its answers (the session, the today list) are cached on the way through.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  // The plots load after the list: compare the page once everything is on it.
  await expect(page.getByRole("heading", { name: "Your network" })).toBeVisible();
  const online = await page.locator(".page").textContent();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rosa Diaz" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your network" })).toBeVisible();
  expect(await page.locator(".page").textContent()).toBe(online);
  await context.setOffline(false);
});
