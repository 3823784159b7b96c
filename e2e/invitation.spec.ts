import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("members: an owner invites by link; the invitee signs up from it and accepts; sessions are listed", async ({
  page,
  account,
  browser,
}) => {
  expect(account.email).toContain("@");
  const coachEmail = `coach${Date.now()}@example.com`;
  await page.goto("/settings");
  // The owner's own sessions: this browser, marked.
  const sessions = page.getByRole("list", { name: "Sessions" });
  await expect(sessions.getByText("this device")).toBeVisible();

  await page.getByLabel("Invite by email").fill(coachEmail);
  // Settings has two invitation forms (members, and coach & partner access): this is the members' one.
  await page.getByRole("form", { name: "Invite a member" }).getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(`Send this link to ${coachEmail}`)).toBeVisible();
  const link = (await page.locator("code.token").textContent()) ?? "";
  expect(link).toMatch(/\/invite#kinv_/);
  await expect(page.getByRole("list", { name: "Pending invitations" }).getByText(coachEmail)).toBeVisible();
  await capture(page, "settings-invitations");

  // The invitee, in a browser of their own, opens the link, creates an account and accepts.
  const coachContext = await browser.newContext();
  const coach = await coachContext.newPage();
  await coach.goto(link);
  await expect(coach.getByText(/Sign in with the address you were invited at/)).toBeVisible();
  expect(new URL(coach.url()).hash).toBe("");
  await capture(coach, "invitation-signed-out");
  await coach.getByRole("link", { name: "Create an account" }).click();
  await coach.getByLabel("Your name").fill("Casey Coach");
  await coach.getByLabel("Email").fill(coachEmail);
  await coach.getByLabel("Password").fill("a coach's long passphrase");
  await coach.getByRole("button", { name: "Create account" }).click();
  await expect(coach.getByText(/invites you to “.*” as a viewer/)).toBeVisible();
  await capture(coach, "invitation-offer");
  await coach.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(coach).toHaveURL(/\/$/);
  await coachContext.close();

  await page.reload();
  // A member now (her role is set in the members list; "People with access" lists viewers too).
  await expect(page.getByRole("button", { name: /Role of Casey Coach/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toHaveCount(0);
});
