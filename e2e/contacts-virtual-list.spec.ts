import { contactOf } from "../packages/web/src/testing/contact.ts";
import { expect, test } from "./fixtures.ts";

test("50,000 contacts keep at most 200 rows in the DOM", async ({ page, account }) => {
  // The list's rendering is under test, not the server: one answer with 50k contacts.
  const items = Array.from({ length: 50_000 }, (_, i) =>
    contactOf({ id: `c${i}`, firstName: `Person${i}`, lastName: "Example", touchCount: i % 9 }),
  );
  const body = JSON.stringify({ items, nextCursor: null });
  await page.route(/\/api\/contacts\?/, (route) => route.fulfill({ contentType: "application/json", body }));
  await page.goto("/contacts");
  await expect(page.getByText("50000 contacts")).toBeVisible();
  expect(await page.locator(".contact-row").count()).toBeLessThanOrEqual(200);
  await page.mouse.wheel(0, 64 * 25_000);
  await expect(page.getByText(/Person2\d{4} Example/).first()).toBeVisible();
  expect(await page.locator(".contact-row").count()).toBeLessThanOrEqual(200);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByText("Person49999 Example")).toBeVisible();
  expect(await page.locator(".contact-row").count()).toBeLessThanOrEqual(200);
});
