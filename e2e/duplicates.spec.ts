import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("possible duplicates: a pair side by side, merged, then undone", async ({ page, account }) => {
  await apiPost(page, "/api/contacts", {
    firstName: "Grace",
    lastName: "Hopper",
    title: "Rear Admiral",
    emails: [{ address: "grace@navy.mil" }],
  });
  await apiPost(page, "/api/contacts", {
    firstName: "Grace",
    lastName: "B. Hopper",
    emails: [{ address: "GRACE@navy.mil" }],
    phones: [{ number: "+15125550101" }],
    tags: ["cobol"],
  });
  const contactCount = async () =>
    ((await (await page.request.get("/api/contacts")).json()) as { items: unknown[] }).items.length;

  await page.goto("/contacts");
  await page.getByRole("link", { name: "Possible duplicates" }).click();
  await expect(page.getByRole("heading", { name: "Possible duplicates", level: 1 })).toBeVisible();
  const pair = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Grace B. Hopper and/ }) });
  await expect(pair).toContainText("Same email address");
  await expect(pair).toContainText("GRACE@navy.mil");
  await expect(pair.getByRole("heading", { level: 3 })).toHaveText(["Grace Hopper", "Grace B. Hopper"]);
  await expect(pair).toContainText("Rear Admiral");
  await expect(pair).toContainText("cobol");
  await capture(page, "duplicates");

  await pair.getByRole("button", { name: "Merge Grace B. Hopper into Grace Hopper" }).click();
  await expect(page.getByText("Merged Grace B. Hopper into")).toBeVisible();
  await expect(page.getByText("No possible duplicates.")).toBeVisible();
  expect(await contactCount()).toBe(1);
  const kept = (await (await page.request.get("/api/contacts")).json()) as {
    items: { id: string; displayName: string; tags: string[] }[];
  };
  expect(kept.items[0]).toMatchObject({ displayName: "Grace Hopper", tags: ["cobol"] });
  // The list answers summaries; the whole contact (its phones) is read by id.
  const whole = (await (await page.request.get(`/api/contacts/${kept.items[0]?.id}`)).json()) as { phones: unknown[] };
  expect(whole.phones).toHaveLength(1);
  await capture(page, "duplicates-merged");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone: Grace Hopper and Grace B. Hopper are two contacts again.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Grace B. Hopper and Grace Hopper/ })).toBeVisible();
  expect(await contactCount()).toBe(2);
});

test("possible duplicates: 'not the same person' is remembered after a reload", async ({ page, account }) => {
  await apiPost(page, "/api/contacts", {
    firstName: "Ada",
    lastName: "Lovelace",
    emails: [{ address: "ada@example.com" }],
  });
  await apiPost(page, "/api/contacts", {
    firstName: "Ada",
    lastName: "King",
    emails: [{ address: "ada@example.com" }],
  });

  await page.goto("/duplicates");
  const pair = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /Ada King and Ada Lovelace/ }) });
  await expect(pair.getByRole("button", { name: "Not the same person" })).toBeVisible();
  await capture(page, "duplicates-not-the-same");
  await pair.getByRole("button", { name: "Not the same person" }).click();
  await expect(
    page.getByText("Ada Lovelace and Ada King are not the same person: Kith will not suggest them again."),
  ).toBeVisible();
  await expect(page.getByText("No possible duplicates.")).toBeVisible();
  await capture(page, "duplicates-kept-apart");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Possible duplicates", level: 1 })).toBeVisible();
  await expect(page.getByText("No possible duplicates.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Ada King and Ada Lovelace/ })).toHaveCount(0);
  expect(((await (await page.request.get("/api/contacts")).json()) as { items: unknown[] }).items).toHaveLength(2);
});
