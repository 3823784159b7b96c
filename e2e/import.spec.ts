import { samplePath } from "../packages/core/src/testing/samples.ts";
import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("import: LinkedIn then a phone's vCard through the page; the same file again creates no one", async ({
  page,
  context,
  account,
}) => {
  // Three imports with their previews, each page checked for accessibility at two widths: near a minute alone.
  test.setTimeout(120_000);
  await page.goto("/contacts");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import contacts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Contacts" }).first()).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No imports yet.")).toBeVisible();

  // Offline, the page says so instead of failing later.
  await context.setOffline(true);
  await expect(page.getByText("You are offline")).toBeVisible();
  await expect(page.getByLabel("Choose a file")).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByLabel("Choose a file")).toBeEnabled();

  await page.getByLabel("Choose a file").setInputFiles(samplePath("linkedin-Connections.csv"));
  await expect(page.getByText("Detected: LinkedIn connections (CSV), 6 rows.")).toBeVisible();
  const counts = page.getByRole("list", { name: "What the import would do" });
  await expect(counts).toContainText("6 new contacts");
  await expect(counts).toContainText("0 with errors");
  const firstRows = page.getByRole("region", { name: "All 6 rows" });
  await expect(firstRows.getByRole("row")).toHaveCount(7);
  await expect(firstRows).toContainText("Job Search Coach");
  await expect(firstRows).toContainText("José Núñez");
  // The mapping is editable; each change previews again.
  const position = page.getByLabel("Column “Position”");
  await expect(position).toHaveValue("title");
  await position.selectOption("ignore");
  await expect(firstRows).not.toContainText("Job Search Coach");
  await position.selectOption("title");
  await expect(firstRows).toContainText("Job Search Coach");
  await capture(page, "import-preview");

  await page.getByRole("button", { name: "Import 6 contacts" }).click();
  await expect(page.getByRole("heading", { name: "Import report" })).toBeVisible();
  const outcome = page.getByRole("list", { name: "Outcome" });
  await expect(outcome).toContainText("6 created");
  await expect(outcome).toContainText("0 failed");
  await expect(page.getByRole("list", { name: "Rows" }).getByRole("listitem")).toHaveCount(6);
  await capture(page, "import-report");
  // The report names each row's contact, and its link opens that person.
  await expect(page.getByRole("list", { name: "Rows" }).getByRole("listitem").first()).toContainText("Rosa Calder");
  await page.getByRole("link", { name: "Open Rosa Calder (line 5)" }).click();
  await expect(page.getByRole("heading", { name: "Rosa Calder" })).toBeVisible();
  await page.goBack();

  // The phone's vCard: Rosa is already there (same LinkedIn profile), so she merges; Nana is new.
  await page.getByRole("link", { name: "Import another file" }).click();
  await page.getByLabel("Choose a file").setInputFiles(samplePath("contacts-v3.vcf"));
  await expect(page.getByText("Detected: vCard (.vcf), 2 rows.")).toBeVisible();
  await expect(counts).toContainText("1 new contact");
  await expect(counts).toContainText("1 already in Kith");
  await expect(page.getByRole("region", { name: "Rows that match someone (1)" })).toContainText(
    "Rosa Calder — same linkedin as Rosa Calder",
  );
  await expect(page.getByRole("group", { name: "Columns" })).toHaveCount(0);
  await page.getByRole("button", { name: "Import 2 contacts" }).click();
  await expect(outcome).toContainText("1 created");
  await expect(outcome).toContainText("1 merged");
  await page.locator(".segment", { hasText: /^Merged/ }).click();
  await expect(page.getByRole("radio", { name: /^Merged/ })).toBeChecked();
  const rows = page.getByRole("list", { name: "Rows" }).getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("same linkedin as Rosa Calder");
  await expect(page.getByRole("link", { name: "review possible duplicates" })).toBeVisible();
  await capture(page, "import-report-merged");

  // The same LinkedIn file again: every row is already there with nothing new, nobody is created.
  await page.getByRole("link", { name: "Import another file" }).click();
  await page.getByLabel("Choose a file").setInputFiles(samplePath("linkedin-Connections.csv"));
  await expect(counts).toContainText("0 new contacts");
  await expect(counts).toContainText("6 already in Kith, nothing new");
  await page.getByRole("button", { name: "Import (nothing new)" }).click();
  await expect(outcome).toContainText("0 created");
  await expect(outcome).toContainText("6 skipped");

  await page.getByRole("link", { name: "Import another file" }).click();
  const past = page.getByRole("region", { name: "Past imports" });
  await expect(past.getByRole("listitem")).toHaveCount(3);
  await expect(past.getByRole("listitem").first()).toContainText("0 created · 0 merged · 6 skipped · 0 failed");
  await capture(page, "imports");
  await page.goto("/contacts");
  await expect(page.getByText("7 contacts")).toBeVisible();
});
