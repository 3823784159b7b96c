import { readFileSync } from "node:fs";
import { samplePath } from "../packages/core/src/testing/samples.ts";
import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("import progress: a background job shows a labelled progress bar, then its report", async ({ page, account }) => {
  // The server answers the job's states as a background import does (202 queued, then running, then committed);
  // the import itself is real.
  let phase: "queued" | "running" | "real" = "queued";
  await page.route(/\/api\/imports(\?|$)/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    const job = await response.json();
    await route.fulfill({
      status: 202,
      json: { ...job, status: "queued", processedRows: 0, rows: [], error: null, finishedAt: null },
    });
  });
  await page.route(/\/api\/imports\/[^/?]+$/, async (route) => {
    if (phase === "real" || route.request().method() !== "GET") return route.continue();
    const job = await (await route.fetch()).json();
    const processedRows = phase === "queued" ? 0 : 3;
    await route.fulfill({ json: { ...job, status: phase, processedRows, rows: [], error: null, finishedAt: null } });
  });

  await page.goto("/imports");
  // This time the file is dropped on the page rather than chosen.
  const csv = readFileSync(samplePath("linkedin-Connections.csv"), "utf8");
  await page.locator(".drop-zone").evaluate((zone, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "linkedin-Connections.csv", { type: "text/csv" }));
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, csv);
  await expect(page.getByText("Chosen: linkedin-Connections.csv")).toBeVisible();
  await page.getByRole("button", { name: "Import 6 contacts" }).click();
  await expect(page.getByRole("heading", { name: "Importing…" })).toBeVisible();
  const bar = page.getByRole("progressbar", { name: "Importing linkedin-Connections.csv" });
  await expect(bar).toBeVisible();
  await expect(page.getByText("Waiting to start…")).toBeVisible();
  expect(await bar.getAttribute("value")).toBeNull();

  phase = "running";
  await expect(page.getByText("3 of 6 rows imported")).toBeVisible();
  await expect(bar).toHaveAttribute("value", "3");
  await expect(bar).toHaveAttribute("max", "6");
  await capture(page, "import-progress");

  phase = "real";
  await expect(page.getByRole("heading", { name: "Import report" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText("6 created");
  await expect(bar).toHaveCount(0);
});
