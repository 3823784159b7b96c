import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("jobs: edit an opportunity, prepare its interview with a question kept in the bank, reuse it for another job, delete one, drag a card to another stage", async ({
  page,
  account,
}) => {
  test.setTimeout(120_000);
  const first = await apiPost<{ id: string; companyId: string }>(page, "/api/opportunities", {
    title: "Staff engineer",
    companyName: "Globex",
  });
  const second = await apiPost<{ id: string }>(page, "/api/opportunities", {
    title: "Engineering manager",
    companyName: "Initech",
    stage: "applied",
  });

  // Edit: the salary and the place show in the page's lead once saved.
  await page.goto(`/jobs/${first.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Staff engineer" })).toBeVisible();
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit the opportunity" });
  await edit.getByLabel("Salary from").fill("90000");
  await edit.getByLabel("Salary to").fill("80000");
  await edit.getByLabel("Currency").fill("usd");
  await edit.getByLabel("Location").fill("Lisbon");
  await edit.getByRole("button", { name: "Save" }).click();
  // The server's word shows beside the field it names, and the form can be sent again once fixed.
  await expect(edit.getByText("must not be below salaryMin")).toBeVisible();
  await edit.getByLabel("Salary to").fill("110000");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.locator(".lead")).toContainText(/\$90K–\$110K · Lisbon/);

  // Prep: a question with an answer, kept in the question bank; research notes; someone to meet.
  const prep = page.getByRole("form", { name: "Interview prep" });
  await prep.getByRole("button", { name: "Add a question" }).click();
  await prep.getByRole("textbox", { name: "Question 1", exact: true }).fill("Tell me about a hard migration");
  await prep
    .getByRole("textbox", { name: "Your answer", exact: true })
    .fill("The billing move: two systems in step for a month");
  await prep.getByRole("button", { name: "Keep in the question bank" }).click();
  await expect(prep.getByRole("button", { name: "Keep in the question bank" })).toHaveCount(0);
  await prep.getByRole("textbox", { name: "Research notes", exact: true }).fill("Globex ships a new API in March");
  await prep.getByRole("button", { name: "Add someone to meet" }).click();
  await prep.getByRole("textbox", { name: "Name", exact: true }).fill("Hank Scorpio");
  await prep.getByRole("textbox", { name: "Why", exact: true }).fill("Runs the platform team");
  await prep.getByRole("button", { name: "Save prep" }).click();
  await expect(prep.getByRole("status")).toHaveText("Prep saved.");
  await page.reload();
  await expect(
    page.getByRole("form", { name: "Interview prep" }).getByRole("textbox", { name: "Research notes", exact: true }),
  ).toHaveValue("Globex ships a new API in March");
  await capture(page, "jobs-prep");

  // The company's page lists what is open there.
  await page.goto(`/companies/${first.companyId}`);
  const here = page.getByRole("region", { name: "Opportunities here" });
  await expect(here.getByRole("link", { name: "Staff engineer" })).toBeVisible();
  await expect(here).toContainText("Interested");

  // The bank serves the next job: the question comes with its answer.
  await page.goto(`/jobs/${second.id}`);
  const next = page.getByRole("form", { name: "Interview prep" });
  await next.getByLabel("From your question bank").selectOption({ label: "Tell me about a hard migration" });
  await expect(next.getByRole("textbox", { name: "Your answer", exact: true })).toHaveValue(
    "The billing move: two systems in step for a month",
  );
  await next.getByRole("button", { name: "Save prep" }).click();
  await expect(next.getByRole("status")).toHaveText("Prep saved.");

  // Delete: back on the board, without it.
  await page.getByRole("button", { name: "Delete this opportunity…" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Staff engineer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Engineering manager" })).toHaveCount(0);

  // A mouse drags the card to another stage.
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Staff engineer" }) });
  await card.dragTo(page.getByRole("region", { name: /^Screening/ }));
  await expect(page.getByText("Moved “Staff engineer” to Screening.")).toBeVisible();
  await expect(
    page.getByRole("region", { name: /^Screening/ }).getByRole("link", { name: "Staff engineer" }),
  ).toBeVisible();
  expect(account.email).toContain("@");
});
