import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("import resume: a failed import says why, and Resume goes on from the rows it committed", async ({
  page,
  account,
}) => {
  await page.goto("/imports");
  // 501 good rows, then a quote never closed: chunks (sized by a time budget) commit, then the job fails.
  const rows = Array.from({ length: 501 }, (_, i) => `Person ${i},p${i}@example.com`);
  const content = ["Name,Email", ...rows, '"Broken,b@example.com', ""].join("\n");
  const job = await apiPost<{ id: string }>(page, "/api/imports", { content, fileName: "people.csv" });
  await page.goto(`/imports/${job.id}`);
  await expect(page.getByText(/The import stopped: line 503: Quote Not Closed/)).toBeVisible();
  const jobOf = async () => {
    const list = await page.request.get("/api/imports");
    const items = (await list.json()).items as { id: string; processedRows: number; status: string }[];
    return items.find((j) => j.id === job.id);
  };
  const first = await jobOf();
  expect(first).toMatchObject({ status: "failed" });
  const committed = first?.processedRows ?? 0;
  expect(committed).toBeGreaterThan(0);
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText(`${committed} created`);
  await capture(page, "import-failed");

  const resumed = page.waitForResponse((r) => r.url().endsWith(`/api/imports/${job.id}/resume`));
  await page.getByRole("button", { name: "Resume import" }).click();
  expect((await resumed).status()).toBe(202);
  // It reads on from its committed rows: the break is still there, so it stops again at the same line. Chunks are
  // sized by a time budget, so this run may commit some of the good rows the first one held in its failing chunk —
  // never one twice: every row is a different person, so the contacts are exactly the rows committed.
  await expect(page.getByText(/The import stopped: line 503: Quote Not Closed/)).toBeVisible();
  await expect.poll(async () => (await jobOf())?.status).toBe("failed");
  const again = (await jobOf())?.processedRows ?? 0;
  expect(again).toBeGreaterThanOrEqual(committed);
  expect(again).toBeLessThanOrEqual(501);
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText(`${again} created`);
  const contacts = await (await page.request.get("/api/contacts?limit=1")).json();
  expect(contacts.total).toBe(again);
});
