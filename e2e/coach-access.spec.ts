import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("coach access: the owner shares tagged contacts and the job search; the coach lands on their progress, sees only that, comments; revoked, refused", async ({
  page,
  account,
  browser,
}) => {
  test.setTimeout(240_000);
  expect(account.email).toContain("@");
  const coachEmail = `coach${Date.now()}@example.com`;
  const zoe = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Zoë",
    lastName: "Ångström",
    tags: ["Coaching"],
  });
  const hidden = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Hidden",
    lastName: "Family 🙈",
    tags: ["family"],
  });
  // One email to Zoë, two messages to Hidden: the coach's progress counts one email, no message.
  await apiPost(page, "/api/interactions", { contactIds: [zoe.id], kind: "email", direction: "outbound" });
  for (let i = 0; i < 2; i += 1) {
    await apiPost(page, "/api/interactions", { contactIds: [hidden.id], kind: "message", direction: "outbound" });
  }
  const job = await apiPost<{ id: string }>(page, "/api/opportunities", {
    title: "Staff engineer",
    companyName: "Acme",
  });

  // The owner shares contacts tagged "coaching" and the job search.
  await page.goto("/settings");
  const shares = page.getByRole("region", { name: "Coach & partner access" });
  await shares.getByLabel("Their email").fill(coachEmail);
  await shares.getByLabel("Contacts tagged").fill("coaching");
  await shares.getByRole("button", { name: "Invite" }).click();
  await expect(shares.getByText(`Send this link to ${coachEmail}`)).toBeVisible();
  const link = (await shares.locator("code.token").textContent()) ?? "";
  expect(link).toMatch(/\/invite#kinv_/);

  // The coach signs up from the link and accepts.
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await coach.goto(link);
  await coach.getByRole("link", { name: "Create an account" }).click();
  await coach.getByLabel("Your name").fill("Casey Coach");
  await coach.getByLabel("Email").fill(coachEmail);
  await coach.getByLabel("Password").fill("a coach's long passphrase");
  await coach.getByRole("button", { name: "Create account" }).click();
  await expect(coach.getByText(/invites you to “.*” as a coach/)).toBeVisible();
  await coach.getByRole("button", { name: "Accept the invitation" }).click();

  // The coach's home is Progress: figures over the tagged contact only, and the job search's pipeline.
  const nav = coach.getByRole("navigation", { name: "Main" });
  await expect(coach.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  await expect(coach).toHaveURL(/\/progress$/);
  await expect(nav.getByRole("link", { name: "Progress" })).toHaveAttribute("aria-current", "page");
  await expect(coach.getByText(/Figures count only the contacts tagged “coaching”/)).toBeVisible();
  await expect(coach.getByText("This week", { exact: true })).toBeVisible();
  await expect(coach.getByText(/1 of 1 follow-up|goal met/).first()).toBeVisible();
  await expect(coach.getByRole("row", { name: /^Email 1 0/ })).toBeVisible();
  await expect(coach.getByText("Staff engineer at Acme").first()).toBeVisible();
  await expect(coach.getByText("Hidden")).toHaveCount(0);
  await capture(coach, "coach-progress");

  // Contacts, Jobs and Settings besides; the tagged contact, not the other.
  await expect(nav.getByRole("link", { name: "Contacts" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Jobs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Today" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Companies" })).toHaveCount(0);
  await coach.goto("/contacts");
  await expect(coach.getByText("Zoë Ångström").first()).toBeVisible();
  await expect(coach.getByText("Hidden Family")).toHaveCount(0);
  await capture(coach, "coach-contacts");
  await coach.goto("/jobs");
  await expect(coach.getByText("Staff engineer").first()).toBeVisible();
  await capture(coach, "coach-jobs");

  // The coach comments on the opportunity.
  await coach.goto(`/jobs/${job.id}`);
  await coach.getByLabel("Add a comment").fill("Ask about on-call — and salary bands 💶");
  await coach.getByRole("button", { name: "Comment" }).click();
  await expect(coach.getByRole("list", { name: "Comments" }).getByText("Ask about on-call")).toBeVisible();
  await capture(coach, "coach-opportunity");

  // The owner sees the comment, and the share with its last visit and log.
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("list", { name: "Comments" }).getByText("Casey Coach")).toBeVisible();
  await page.goto("/settings");
  const row = shares.getByRole("list", { name: "People with access" });
  await expect(row.getByText("Casey Coach")).toBeVisible();
  await expect(row.getByText(/Sees contacts tagged “coaching” and the job search/)).toBeVisible();
  await row.getByRole("button", { name: "Access log of Casey Coach" }).click();
  await expect(shares.getByRole("table", { name: "Access log of Casey Coach" })).toBeVisible();
  await capture(page, "settings-coach-access");
  // The section alone, at both widths (the settings page is long).
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 860 });
    await shares.screenshot({ path: `e2e/screenshots/settings-coach-access-section-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 860 });

  // Revoked: the coach's next request in the account is refused; they are back in their own account.
  await row.getByRole("button", { name: "Revoke the access of Casey Coach" }).click();
  await expect(shares.getByText("Nobody has access yet.")).toBeVisible();
  const refused = await coach.evaluate(async () => {
    const account = localStorage.getItem("kith.actingAccount") ?? "";
    return (await fetch("/api/contacts", { headers: { "x-kith-account": account } })).status;
  });
  expect(refused).toBe(404);
  await coach.goto("/contacts");
  await expect(coach.getByText("Zoë Ångström")).toHaveCount(0);
  await coachContext.close();
});
