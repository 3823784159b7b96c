import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("analytics: reply rates, who waits for a reply, connections built and circle health", async ({
  page,
  account,
}) => {
  const now = Date.now();
  const daysAgo = (d: number, hours = 0) => new Date(now - d * 86_400_000 + hours * 3_600_000).toISOString();
  const zoe = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Zoë",
    lastName: "Ångström",
    circle: "close",
  });
  const ren = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Ren",
    lastName: "王",
    circle: "inner",
  });
  const log = (contactId: string, occurredAt: string, kind: string, direction: string) =>
    apiPost(page, "/api/interactions", { contactIds: [contactId], kind, direction, occurredAt });
  await log(zoe.id, daysAgo(40), "email", "outbound");
  await log(zoe.id, daysAgo(40, 6), "email", "inbound");
  await log(zoe.id, daysAgo(20), "message", "outbound");
  await log(zoe.id, daysAgo(9), "message", "inbound");
  for (const d of [70, 60, 50, 40, 30, 20, 10]) await log(ren.id, daysAgo(d), "call", "mutual");
  // An old friend in the network circle, out of touch for months until a call ten days ago: overdue in the past
  // weeks of the trend, within her cadence now.
  const old = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Amal",
    lastName: "عمر",
    circle: "network",
  });
  await log(old.id, daysAgo(200), "call", "mutual");
  await log(old.id, daysAgo(10), "call", "mutual");
  // A message sent from a draft remembers its template: "did you send it?" → yes, with the check-in's draft.
  await apiPost(page, "/api/messages/sent", {
    contactId: ren.id,
    channel: "message",
    body: "Hi Ren, coffee soon?",
    templateId: "default:check-in",
  });
  // An ask to Ren that brought a name and an introduction (Zoë still wrote last).
  const ask = await apiPost<{ id: string }>(page, "/api/asks", {
    contactId: ren.id,
    about: { kind: "role", text: "Design lead" },
  });
  await apiPost(page, `/api/asks/${ask.id}/names`, { firstName: "Leo", lastName: "Park" });
  await apiPost(page, `/api/asks/${ask.id}/status`, { status: "introduced" });

  await page.goto("/");
  await page.getByRole("link", { name: /Reply rates, who waits for your reply/ }).click();
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Today" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  const waiting = page.getByRole("list", { name: "People waiting for your reply" });
  await expect(waiting.getByRole("link", { name: "Zoë Ångström" })).toBeVisible();
  await expect(waiting).toContainText("waiting 9 days");
  const email = page.getByRole("row", { name: /^Email/ });
  await expect(email).toContainText("100%");
  await expect(email).toContainText("6 h");
  await expect(page.getByRole("row", { name: /^All/ })).toContainText("2");
  await expect(
    page.getByRole("img", { name: "1 person reached a real connection in the last 12 months." }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Share of each circle within its cadence" })).toContainText(
    "1 of 1 person",
  );
  const byTemplate = page.getByRole("row", { name: /^Check-in/ });
  await expect(byTemplate).toContainText("0%");
  await expect(
    page.getByRole("img", { name: "0 people overdue now, 1 twelve weeks ago (at most 1 in a week)." }),
  ).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Circles within their cadence, twelve weeks ago and now" }),
  ).toContainText("close");
  await expect(page.getByText("100% of your 1 ask since")).toBeVisible();
  await expect(page.getByRole("list", { name: "How far your asks got" })).toContainText("Introduced");
  await expect(page.getByRole("list", { name: "Top introducers" }).getByRole("link", { name: "Ren 王" })).toBeVisible();
  await capture(page, "analytics");
});
