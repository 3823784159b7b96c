import { samplePath } from "../packages/core/src/testing/samples.ts";
import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("import: namesakes stay two people, a dropped email is shown, and a row switched to merge goes into the lookalike", async ({
  page,
  account: _,
}) => {
  // Three imports with their previews, each page checked for accessibility at two widths.
  test.setTimeout(120_000);
  await page.goto("/imports");
  await page.getByLabel("Choose a file").setInputFiles(samplePath("google-contacts-legacy.csv"));
  await expect(page.getByText("Detected: Google Contacts (CSV), 4 rows.")).toBeVisible();
  const counts = page.getByRole("list", { name: "What the import would do" });
  await expect(counts).toContainText("4 new contacts");
  const rows = page.getByRole("region", { name: "All 4 rows" });
  // Two Sam Lees at Acme with different emails: two people, and the preview says why.
  await expect(rows).toContainText("new contact; not Sam Lee (same name and company, another person)");
  // Zoë's internationalised address is kept; the bad one is dropped, shown with its value.
  await expect(rows).toContainText("zoë.müller@exämple.de");
  await expect(rows).toContainText('email "not-an-email" dropped: not an email address');
  await page.getByRole("button", { name: "Import 4 contacts" }).click();
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText("4 created");
  const report = page.getByRole("list", { name: "Rows" });
  await expect(report.getByRole("listitem").nth(3)).toContainText("Zoë Müller");
  await expect(report.getByRole("listitem").nth(3)).toContainText('email "not-an-email" dropped');
  await expect(report.getByRole("link", { name: "Okafor", exact: true })).toBeVisible();

  // A row that only looks like Sam (same name and company, nothing to tell them apart) would be created…
  await page.getByRole("link", { name: "Import another file" }).click();
  const csv = "Name,Company,Phone\nSam Lee,Acme Ltd,+1 415 555 0199\n";
  await page
    .getByLabel("Choose a file")
    .setInputFiles({ name: "sam.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const one = page.getByRole("region", { name: "All 1 row" });
  await expect(one).toContainText("Sam Lee has the same name and company: listed as a possible duplicate");
  await expect(counts).toContainText("1 new contact");
  // …unless the person says it is Sam: then it merges into him.
  await one.getByLabel("Line 2").selectOption("merge");
  await expect(one).toContainText("merged into Sam Lee, as you chose");
  await expect(counts).toContainText("1 already in Kith (merged in)");
  await capture(page, "import-preview-choice");
  await page.getByRole("button", { name: "Import 1 contact" }).click();
  const outcome = page.getByRole("list", { name: "Outcome" });
  await expect(outcome).toContainText("0 created");
  await expect(outcome).toContainText("1 merged");
  await page.getByRole("link", { name: "Open Sam Lee (line 2)" }).click();
  await expect(page.getByRole("heading", { name: "Sam Lee" })).toBeVisible();
  await expect(page.getByText("+14155550199")).toBeVisible();
});
