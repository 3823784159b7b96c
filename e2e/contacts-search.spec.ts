import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("search as you type narrows the contact list", async ({ page, account }) => {
  const company = await apiPost<{ id: string }>(page, "/api/companies", { name: "Acme Studio", target: true });
  for (const [firstName, lastName] of [
    ["Rosa", "Diaz"],
    ["Rosalind", "Franklin"],
    ["Alan", "Turing"],
    ["Grace", "Hopper"],
  ]) {
    await apiPost(page, "/api/contacts", { firstName, lastName, companyId: company.id, title: "Engineer" });
  }
  await page.goto("/contacts");
  await expect(page.locator(".contact-row")).toHaveCount(4);
  await page.getByRole("searchbox", { name: "Search" }).fill("ros");
  await expect(page.locator(".contact-row")).toHaveCount(2);
  await expect(page.getByText("Alan Turing")).toBeHidden();
  await page.getByRole("searchbox", { name: "Search" }).fill("turing");
  await expect(page.locator(".contact-row")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await expect(page.locator(".contact-row")).toHaveCount(4);

  // Sorted by last touch, the one just talked to comes first; filtered by progress, only the new ones stay.
  const grace = await page.request.get("/api/contacts?q=grace");
  const graceId = ((await grace.json()) as { items: { id: string }[] }).items[0]?.id;
  await apiPost(page, "/api/interactions", { contactIds: [graceId], kind: "call", direction: "mutual" });
  await page.reload();
  await page.getByRole("button", { name: /Sort by/ }).click();
  await page.getByRole("option", { name: "Last touch" }).click();
  await expect(page.locator(".contact-row").first()).toContainText("Grace Hopper");
  await page.getByRole("button", { name: /Progress/ }).click();
  await page.getByRole("option", { name: "New (no touch yet)" }).click();
  await expect(page.locator(".contact-row")).toHaveCount(3);
  await expect(page.getByText("Grace Hopper")).toBeHidden();

  await page.getByRole("link", { name: "Companies" }).first().click();
  await expect(page.getByRole("link", { name: "Acme Studio" })).toBeVisible();
  await capture(page, "companies");
  await page.getByRole("link", { name: "Acme Studio" }).click();
  // Grace is listed among the company's people, and again under who you know there (she has a touch).
  await expect(page.getByRole("link", { name: "Grace Hopper" }).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "1st degree at Acme Studio" })).toContainText("Grace Hopper");
  await capture(page, "company");
});
