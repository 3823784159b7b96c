import { SmtpSink } from "../packages/runtime/src/testing/smtp-sink-server.ts";
import { expect, test } from "./fixtures.ts";
import { apiPost, capture, originOf } from "./helpers.ts";

const PASSWORD = "app-password-0123";

test("settings: send from your own email, errors at the field, a failed and a good test, saved, used, removed", async ({
  page,
  account,
}) => {
  // A real SMTP server on loopback that asks for sign-in, started by the journey (the server under test reaches it).
  const sink = await new SmtpSink({ users: { "ada@mail.example.com": PASSWORD } }).start();
  try {
    const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
      firstName: "Rosa",
      lastName: "Diaz",
      emails: [{ address: "rosa@example.org" }],
    });
    await page.goto("/settings");
    const smtp = page.getByRole("region", { name: "Send from your own email" });
    await expect(smtp.getByLabel("SMTP server")).toHaveValue("");

    // A plain connection to another machine is refused, beside the field that says so.
    await smtp.getByLabel("SMTP server").fill("smtp.example.com");
    await smtp.getByLabel("Port").fill(String(sink.port));
    await smtp.getByLabel("Security").selectOption("none");
    await smtp.getByLabel("User name").fill("ada@mail.example.com");
    await smtp.getByLabel("Password", { exact: true }).fill("wrong-password");
    await smtp.getByLabel("From name").fill("Ada Lovelace");
    await smtp.getByLabel("From address").fill("not an address");
    await smtp.getByRole("button", { name: "Save" }).click();
    await expect(smtp.getByText(/only allowed to a server on this machine/)).toBeVisible();
    await expect(smtp.getByText(/must be an email address/)).toBeVisible();

    await smtp.getByLabel("SMTP server").fill("127.0.0.1");
    await smtp.getByLabel("From address").fill(account.email);
    await smtp.getByRole("button", { name: "Test connection" }).click();
    await expect(smtp.getByRole("alert")).toHaveText(
      "The test failed: the mail server refused the user name or password (reply 535).",
    );
    await smtp.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await smtp.getByRole("button", { name: "Test connection" }).click();
    await expect(smtp.getByText("Connected and signed in: your mail server is ready.")).toBeVisible();
    await smtp.getByRole("button", { name: "Save" }).click();
    await expect(smtp.getByText("Saved.")).toBeVisible();

    // After a reload the password is not shown, only that one is saved; the saved one still signs in.
    await page.reload();
    await expect(smtp.getByLabel("SMTP server")).toHaveValue("127.0.0.1");
    await expect(smtp.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(smtp.getByText("A password is saved; type a new one to replace it.")).toBeVisible();
    const stored = await (await page.request.get("/api/me/smtp")).text();
    expect(stored).not.toContain(PASSWORD);
    await smtp.getByRole("button", { name: "Test connection" }).click();
    await expect(smtp.getByText("Connected and signed in: your mail server is ready.")).toBeVisible();
    await capture(page, "settings-smtp");
    await smtp.screenshot({ path: "e2e/screenshots/settings-smtp-section.png" });

    // A message sent through it comes from the member's own address and is logged as a touch.
    const sent = await page.request.post("/api/messages/send", {
      data: { contactId: rosa.id, subject: "Coffee soon?", body: "Hi Rosa, it's been a while." },
      headers: { origin: originOf(page) },
    });
    expect(sent.ok(), await sent.text()).toBeTruthy();
    await sink.waitFor(1);
    expect(sink.messages[0]?.from?.value[0]).toEqual({ address: account.email, name: "Ada Lovelace" });
    expect(sink.messages[0]?.subject).toBe("Coffee soon?");
    const contact = await (await page.request.get(`/api/contacts/${rosa.id}`)).json();
    expect(contact.touchCount).toBe(1);

    await smtp.getByRole("button", { name: "Remove" }).click();
    await expect(smtp.getByText("Removed.")).toBeVisible();
    await expect(smtp.getByLabel("SMTP server")).toHaveValue("");
    await page.reload();
    await expect(smtp.getByLabel("SMTP server")).toHaveValue("");
  } finally {
    await sink.stop();
  }
});
