import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("import resume: a failed import says why, and Resume goes on from the rows it committed", async ({
  page,
  account,
}) => {
  await page.goto("/imports");
  // 501 good rows, then a quote never closed: the first chunk (500 rows) commits, then the job fails.
  const rows = Array.from({ length: 501 }, (_, i) => `Person ${i},p${i}@example.com`);
  const content = ["Name,Email", ...rows, '"Broken,b@example.com', ""].join("\n");
  const job = await apiPost<{ id: string }>(page, "/api/imports", { content, fileName: "people.csv" });
  await page.goto(`/imports/${job.id}`);
  await expect(page.getByText(/The import stopped: line 503: Quote Not Closed/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText("500 created");
  await capture(page, "import-failed");

  const resumed = page.waitForResponse((r) => r.url().endsWith(`/api/imports/${job.id}/resume`));
  await page.getByRole("button", { name: "Resume import" }).click();
  expect((await resumed).status()).toBe(202);
  // It reads on from row 501: the break is still there, so it stops again at the same line, adding no one twice.
  await expect(page.getByText(/The import stopped: line 503: Quote Not Closed/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText("500 created");
  const list = await page.request.get("/api/imports");
  const [again] = (await list.json()).items as { id: string; processedRows: number; status: string }[];
  expect(again).toMatchObject({ id: job.id, processedRows: 500, status: "failed" });
});
