import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { apiPost, capture, signUp } from "./helpers.ts";

/** People whose data has broken exports before: scripts, emoji, right-to-left, line breaks, formula starts. */
const PEOPLE = [
  { firstName: "Zoë", lastName: "王小明 🎉", notes: 'First line\nsecond line, with "quotes"' },
  { firstName: "مرحبا", lastName: "بالعالم", title: '=HYPERLINK("http://evil.example")' },
  { firstName: "+Plus", lastName: "@Sign", phones: [{ number: "+1 555 0100", label: "mobile" }] },
];

test("export and backup: download a backup of messy data, restore it into a new account, find everyone", async ({
  page,
  account: _account,
}) => {
  const company = await apiPost<{ id: string }>(page, "/api/companies", { name: "-Acme ✨" });
  const ids: string[] = [];
  for (const person of PEOPLE) {
    const created = await apiPost<{ id: string }>(page, "/api/contacts", {
      ...person,
      companyId: company.id,
      emails: [{ address: `${ids.length}@example.com` }],
      tags: ["émigré"],
    });
    ids.push(created.id);
  }
  await apiPost(page, "/api/interactions", {
    ...{ contactIds: ids.slice(0, 2), kind: "meeting", direction: "mutual", summary: "Tea 🍵\nat the café" },
    occurredAt: "2026-03-29T01:30:00Z",
  });
  await apiPost(page, "/api/follow-ups", { contactId: ids[0], dueOn: "2026-12-01", title: "Send the مقال" });

  // Settings → Export & backup.
  await page.goto("/settings");
  await page.getByRole("link", { name: "Export & backup" }).click();
  await expect(page.getByRole("heading", { name: "Export & backup", level: 1 })).toBeVisible();

  const [backupDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download backup (JSON)" }).click(),
  ]);
  expect(backupDownload.suggestedFilename()).toBe("kith-backup.json");
  const backupPath = await backupDownload.path();
  const backup = JSON.parse(readFileSync(backupPath, "utf8"));
  expect(backup.contacts).toHaveLength(3);

  await page.getByLabel("CSV columns for").selectOption("google");
  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe("kith-contacts-google.csv");
  const csv = readFileSync(await csvDownload.path(), "utf8");
  expect(csv).toMatch(/^First Name,Middle Name,Last Name,Organization Name,/);
  expect(csv).toContain("'+Plus,,'@Sign,'-Acme ✨,");
  expect(csv).toContain(",Mobile,+1 555 0100");
  await capture(page, "export-backup");

  // The same file into the same account is refused, with a reason in words.
  await page.getByLabel("Choose a backup file").setInputFiles(backupPath);
  await expect(page.getByRole("alert")).toContainText("already has contacts");

  // A new account takes it.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await signUp(page, "Grace Hopper");
  await page.goto("/exports");
  await page.getByLabel("Choose a backup file").setInputFiles(backupPath);
  await expect(page.getByRole("status").filter({ hasText: "Restored" })).toContainText(
    "Restored 3 contacts, 1 company, 1 interaction, 1 follow-up and 0 webhooks.",
  );
  await capture(page, "export-backup-restored");

  await page.goto("/contacts");
  for (const name of ["Zoë 王小明 🎉", "مرحبا بالعالم", "+Plus @Sign"]) {
    await expect(page.getByRole("link", { name, exact: false }).first()).toBeVisible();
  }
  await page.getByRole("link", { name: "Zoë 王小明 🎉" }).first().click();
  await expect(page.getByText('second line, with "quotes"')).toBeVisible();
  await expect(page.getByText("Send the مقال", { exact: true })).toBeVisible();
  await expect(page.getByText(/Tea 🍵/).first()).toBeVisible();
});
