import { expect, test } from "./fixtures.ts";
import { apiPost, capture, originOf } from "./helpers.ts";

// A 16×16 PNG (a green disc), the same as core's testing/photos.ts.
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAANUlEQVR4nGN48eQGSYiBUg1aVdloCJ8GTNWYehgIqkbTw0CMamQ9I1kDycFKTsSRkzRokloBhfDmOAQAgrQAAAAASUVORK5CYII=";

test("a contact's photo shows on its page and in the list; its anniversary is among the details", async ({
  page,
  account: _account,
}) => {
  const ana = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Ana",
    lastName: "Obrien",
    title: "Head of research",
    dates: [
      { kind: "anniversary", month: 6, day: 14, year: 2012 },
      { kind: "custom", label: "Name day", month: 7, day: 26 },
    ],
  });
  await apiPost(page, "/api/contacts", { firstName: "Leo", lastName: "Hart" });
  const put = await page.request.put(`/api/contacts/${ana.id}/photo`, {
    data: { contentType: "image/png", data: PNG_BASE64 },
    headers: { origin: originOf(page) },
  });
  expect(put.ok(), await put.text()).toBeTruthy();

  await page.goto(`/contacts/${ana.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Ana Obrien" })).toBeVisible();
  const photo = page.locator(".page-heading img.avatar-photo");
  await expect(photo).toBeVisible();
  // The image really loaded (the route answered, the CSP let it in).
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
  await expect(page.getByText("June 14, 2012")).toBeVisible();
  await expect(page.getByText("Name day")).toBeVisible();
  await capture(page, "contact-photo");

  await page.goto("/contacts");
  const row = page.locator(".contact-row", { hasText: "Ana Obrien" });
  await expect(row.locator("img.avatar-photo")).toBeVisible();
  await expect(page.locator(".contact-row", { hasText: "Leo Hart" }).locator(".avatar")).toHaveText("LH");
  await capture(page, "contacts-with-photo");
});
