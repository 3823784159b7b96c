import { expect, test } from "./fixtures.ts";

test("API docs: Swagger UI renders the operations under its own policy", async ({ page }) => {
  const response = await page.goto("/api/docs");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { name: /Kith API/ })).toBeVisible();
  // Swagger UI renders the operations a part at a time as the page scrolls: the first tag's are there at once.
  await expect(page.getByText("/api/auth/me", { exact: true }).first()).toBeVisible();
});

test("the web app's own responses carry the security headers", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("script-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // Served over plain http in the journeys: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
