import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import ExportsPage from "./exports-page.tsx";

const backup = { format: "kith-backup", version: 2, contacts: [{ ref: "contact-1", firstName: "Zoë" }] };
const restored = { companies: 1, contacts: 2, interactions: 1, followUps: 0, webhooks: 1 };

const me = (role: string) => () => ({
  user: { id: "u1", email: "ada@example.com", name: "Ada" },
  accountId: "a1",
  role,
});

const fileOf = (text: string, name = "kith-backup.json") => new File([text], name, { type: "application/json" });

describe("ExportsPage", () => {
  it("links each download, the CSV with the columns chosen", async () => {
    fakeApi({ "GET /api/auth/me": me("owner") });
    const { user } = renderPage(<ExportsPage />, "/exports");
    const link = (name: string) => screen.getByRole("link", { name }).getAttribute("href");
    expect(link("Download backup (JSON)")).toBe("/api/backup");
    expect(link("Download CSV")).toBe("/api/exports/contacts?format=kith");
    expect(link("Download vCard")).toBe("/api/exports/contacts?format=vcard");
    await user.selectOptions(screen.getByRole("combobox", { name: "CSV columns for" }), "outlook");
    expect(link("Download CSV")).toBe("/api/exports/contacts?format=outlook");
  });

  it("restores a chosen backup as it is and says what came in", async () => {
    const sent = fakeApi({ "GET /api/auth/me": me("owner"), "POST /api/backup/restore": () => restored });
    const { user } = renderPage(<ExportsPage />, "/exports");
    await user.upload(await screen.findByLabelText("Choose a backup file"), fileOf(JSON.stringify(backup)));
    expect(
      await screen.findByText(/Restored 2 contacts, 1 company, 1 interaction, 0 follow-ups and 1 webhook/),
    ).toBeTruthy();
    expect(sent.sent("POST", "/api/backup/restore")[0]?.body).toEqual(backup);
  });

  it("names the later lists the backup held, and only those", async () => {
    const later = { ...restored, relationships: 3, asks: 1, opportunities: 2, articles: 0, calendarEvents: 12 };
    fakeApi({ "GET /api/auth/me": me("owner"), "POST /api/backup/restore": () => later });
    const { user } = renderPage(<ExportsPage />, "/exports");
    await user.upload(await screen.findByLabelText("Choose a backup file"), fileOf(JSON.stringify(backup)));
    const said = await screen.findByText(/Restored 2 contacts/);
    expect(said.textContent).toBe(
      "Restored 2 contacts, 1 company, 1 interaction, 0 follow-ups, 1 webhook, 3 relationships, 1 ask, " +
        "2 opportunities and 12 calendar meetings.",
    );
  });

  it("follows a large restore the server runs in the background until it has committed", async () => {
    const job = {
      id: "r1",
      status: "running",
      step: "contacts",
      index: 200,
      error: null,
      createdAt: "",
      finishedAt: null,
    };
    const counts = { ...restored, duplicateDismissals: 0 };
    let polls = 0;
    fakeApi({
      "GET /api/auth/me": me("owner"),
      "POST /api/backup/restore": () => reply(202, { ...job, status: "queued", step: "account", index: 0, counts }),
      "GET /api/backup/restore/r1": () => {
        polls += 1;
        return polls < 2 ? { ...job, counts } : { ...job, status: "committed", step: "finish", index: 1, counts };
      },
    });
    const { user } = renderPage(<ExportsPage />, "/exports");
    await user.upload(await screen.findByLabelText("Choose a backup file"), fileOf(JSON.stringify(backup)));
    expect(await screen.findByText(/now: contacts/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(
      await screen.findByText(/Restored 2 contacts, 1 company, 1 interaction, 0 follow-ups and 1 webhook/, undefined, {
        timeout: 5000,
      }),
    ).toBeTruthy();
  });

  it("says plainly why a restore was refused: an account with data, a broken field, a file that is no backup", async () => {
    let answer: unknown = reply(409, { title: "Conflict", detail: "a backup is restored into an empty account only" });
    const sent = fakeApi({ "GET /api/auth/me": me("owner"), "POST /api/backup/restore": () => answer });
    const { user } = renderPage(<ExportsPage />, "/exports");
    const picker = await screen.findByLabelText("Choose a backup file");
    await user.upload(picker, fileOf(JSON.stringify(backup)));
    expect((await screen.findByRole("alert")).textContent).toMatch(/already has contacts.*Sign up for a new account/);

    answer = reply(400, {
      title: "Bad Request",
      errors: [{ path: "contacts.0.emails.0.address", message: "is not an email" }],
    });
    await user.upload(picker, fileOf(JSON.stringify(backup)));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("contacts.0.emails.0.address is not an email"),
    );

    await user.upload(picker, fileOf("First Name,Last Name\n", "people.csv"));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("people.csv is not a Kith backup"));
    expect(sent.sent("POST", "/api/backup/restore")).toHaveLength(2);
  });

  it("offers the restore to owners only", async () => {
    fakeApi({ "GET /api/auth/me": me("viewer") });
    renderPage(<ExportsPage />, "/exports");
    expect(await screen.findByText("Only an owner of an account can restore a backup into it.")).toBeTruthy();
    expect(screen.queryByLabelText("Choose a backup file")).toBeNull();
    expect(screen.getByRole("link", { name: "Download backup (JSON)" })).toBeTruthy();
  });
});
