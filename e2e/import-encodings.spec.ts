import { samplePath } from "../packages/core/src/testing/samples.ts";
import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("import encodings: a Latin-1 CSV is detected, another encoding can be chosen, and Excel's Unicode text imports", async ({
  page,
  account,
}) => {
  await page.goto("/imports");
  await expect(page.getByRole("heading", { name: "Import contacts" })).toBeVisible();
  await page.getByLabel("Choose a file").setInputFiles(samplePath("latin1-contacts.csv"));
  const encoding = page.getByLabel("Text encoding");
  await expect(encoding).toHaveValue("auto");
  await expect(page.getByText("Detected: Western European (Windows-1252, Latin-1).")).toBeVisible();
  const firstRows = page.getByRole("region", { name: "All 2 rows" });
  await expect(firstRows).toContainText("François Müller");
  await expect(firstRows).toContainText("Bäckerei Größe");

  // Read as UTF-8, its accents are problems, named by line and column.
  await encoding.selectOption("utf-8");
  await expect(page.getByRole("region", { name: /^Dropped values and errors/ })).toContainText("is not valid UTF-8");
  await capture(page, "import-encoding-wrong");
  await encoding.selectOption("auto");
  await expect(firstRows).toContainText("François Müller");
  await page.getByRole("button", { name: "Import 2 contacts" }).click();
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText("2 created");

  // Excel's "Unicode text": UTF-16 with a BOM, tab-separated.
  await page.getByRole("link", { name: "Import another file" }).click();
  await page.getByLabel("Choose a file").setInputFiles(samplePath("excel-unicode-text.txt"));
  await expect(page.getByText("Detected: Unicode (UTF-16 LE, Excel “Unicode text”).")).toBeVisible();
  const excelRows = page.getByRole("region", { name: "All 3 rows" });
  await expect(excelRows).toContainText("José Núñez");
  await expect(excelRows).toContainText("Renée O’Brien");
  await capture(page, "import-encoding");
  await page.getByRole("button", { name: "Import 3 contacts" }).click();
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText("3 created");
  await page.goto("/contacts");
  await expect(page.getByText("Zoë Brontë")).toBeVisible();
});
