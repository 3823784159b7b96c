import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("a long import report is read a page at a time, and filtered by outcome", async ({ page, account }) => {
  // The report's rendering is under test, not the server: one committed job with 120 rows.
  const rows = Array.from({ length: 120 }, (_, i) => ({
    line: i + 2,
    outcome: i % 10 === 0 ? "failed" : "created",
    contactId: i % 10 === 0 ? null : `c${i}`,
    contactName: i % 10 === 0 ? null : `Person ${i}`,
    reason: i % 10 === 0 ? "the row has no name" : "new contact",
    warnings: i % 10 === 1 ? [`email "person-${i}" dropped: not an email address`] : [],
  }));
  const job = {
    id: "big",
    format: "csv",
    fileName: "people.csv",
    status: "committed",
    totalRows: 120,
    processedRows: 120,
    created: 108,
    merged: 0,
    skipped: 0,
    failed: 12,
    relationships: { created: 0, existing: 0, unresolved: 0 },
    error: null,
    rows,
    createdAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:00:02.000Z",
  };
  await page.route(/\/api\/imports\/big$/, (route) => route.fulfill({ json: job }));
  await page.goto("/imports/big");
  const list = page.getByRole("list", { name: "Rows" }).getByRole("listitem");
  await expect(list).toHaveCount(50);
  const pager = page.getByRole("navigation", { name: "Rows pages" });
  await expect(pager).toContainText("1–50 of 120");
  await pager.getByRole("button", { name: "Next" }).click();
  await expect(pager).toContainText("51–100 of 120");
  await expect(list.first()).toContainText("Line 52");
  // Each row names its contact, with the values it dropped.
  await expect(list.nth(1)).toContainText("Person 51");
  await expect(list.nth(1)).toContainText('email "person-51" dropped: not an email address');
  await expect(list.nth(1).getByRole("link", { name: "Open Person 51 (line 53)" })).toBeVisible();
  await pager.getByRole("button", { name: "Next" }).click();
  await expect(list).toHaveCount(20);
  await expect(pager.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.locator(".segment", { hasText: /^Failed/ }).click();
  await expect(list).toHaveCount(12);
  await expect(pager).toHaveCount(0);
  await expect(list.first()).toContainText("the row has no name");
  await expect(list.first().getByRole("link")).toHaveCount(0);
  await capture(page, "import-report-failed");
});
