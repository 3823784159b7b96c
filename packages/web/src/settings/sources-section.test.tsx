import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { SourcesSection } from "./sources-section.tsx";

const editor = { "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }) };

const calendar = (over: object) => ({
  id: "cal1",
  kind: "file",
  name: "Imported files",
  url: null,
  state: "ok",
  error: null,
  lastRunAt: "2026-11-20T12:00:00.000Z",
  lastSuccessAt: "2026-11-20T12:00:00.000Z",
  nextRunAt: null,
  counts: { events: 9, meetings: 12, upcoming: 2 },
  createdAt: "2026-11-20T12:00:00.000Z",
  ...over,
});

const noMailbox = {
  "GET /api/me/mailbox": () => ({ mailbox: null }),
  "GET /api/me/mailbox/status": () => ({ status: null }),
  "GET /api/mailbox/suggestions": () => ({ suggestions: [] }),
};

describe("SourcesSection", () => {
  it("imports an .ics file and says what it logged, in words", async () => {
    const api = fakeApi({
      ...editor,
      ...noMailbox,
      "GET /api/calendars": () => ({ items: [] }),
      "POST /api/calendars/import": () => ({
        calendar: calendar({}),
        result: { events: 9, logged: 12, updated: 0, removed: 0, unmatched: 1, upcoming: 2 },
      }),
    });
    const { user } = renderPage(<SourcesSection />);
    expect(await screen.findByText("No calendars yet.")).toBeTruthy();
    const file = new File(["BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"], "work.ics", { type: "text/calendar" });
    await user.upload(screen.getByLabelText("Choose an .ics file"), file);
    expect(
      await screen.findByText(
        "work.ics: 12 meetings logged. 1 past event has no one from your contacts; 2 meetings are still to come.",
      ),
    ).toBeTruthy();
    expect(api.sent("POST", "/api/calendars/import").map((r) => r.body)).toEqual([
      { content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" },
    ]);
  });

  it("shows each calendar's state in words, syncs a subscription now and removes one with its meetings", async () => {
    const feed = calendar({
      id: "cal2",
      kind: "subscription",
      name: "Work",
      url: "https://calendar.example/work.ics",
      state: "failing",
      error: "The calendar could not be fetched: the address answered 503",
    });
    const api = fakeApi({
      ...editor,
      ...noMailbox,
      "GET /api/calendars": () => ({ items: [calendar({}), feed] }),
      "POST /api/calendars/cal2/sync": () => ({ ...feed, state: "waiting" }),
      "DELETE /api/calendars/cal2": () => reply(204, null),
    });
    const { user } = renderPage(<SourcesSection />);
    const list = await screen.findByRole("list", { name: "Calendars" });
    expect(within(list).getByText("Failing, trying again later")).toBeTruthy();
    expect(within(list).getByText("The calendar could not be fetched: the address answered 503")).toBeTruthy();
    expect(within(list).getAllByText("12 meetings logged · 2 still to come · 9 events read")).toHaveLength(2);
    // A file calendar has nothing to fetch: no "Sync now" for it.
    expect(within(list).queryByRole("button", { name: "Sync Imported files now" })).toBeNull();

    await user.click(within(list).getByRole("button", { name: "Sync Work now" }));
    await waitFor(() => expect(api.sent("POST", "/api/calendars/cal2/sync")).toHaveLength(1));
    await user.click(within(list).getByRole("button", { name: "Remove Work" }));
    await user.click(within(list).getByRole("button", { name: "Remove its meetings too" }));
    await waitFor(() => expect(api.sent("DELETE", "/api/calendars/cal2")).toHaveLength(1));
    expect(api.sent("DELETE", "/api/calendars/cal2")[0]?.query.get("keep")).toBe("false");
  });

  it("asks for a restored subscription's address again and says it will be read again", async () => {
    const restored = calendar({
      id: "cal3",
      kind: "subscription",
      name: "Team",
      url: "https://calendar.example/…/team.ics",
      state: "failed",
      error:
        "Restored from a backup, which keeps no calendar address (it may hold the feed's token): enter its address again",
    });
    let refuse = true;
    let now = restored;
    const api = fakeApi({
      ...editor,
      ...noMailbox,
      "GET /api/calendars": () => ({ items: [now] }),
      "PUT /api/calendars/cal3/address": () => {
        if (refuse) {
          return reply(400, {
            title: "Bad Request",
            errors: [{ path: "url", message: "URL must start with http:// or https://" }],
          });
        }
        now = { ...restored, state: "waiting", error: null };
        return now;
      },
    });
    const { user } = renderPage(<SourcesSection />);
    const form = await screen.findByRole("form", { name: "Enter the address of Team again" });
    expect(within(form).getByText("Enter its address again")).toBeTruthy();
    const field = within(form).getByRole("textbox", { name: "Address of Team (ICS)" });
    await user.type(field, "ftp://calendar.example/t0ken/team.ics");
    await user.click(within(form).getByRole("button", { name: "Read it again" }));
    expect(await within(form).findByText("URL must start with http:// or https://")).toBeTruthy();

    refuse = false;
    await user.clear(field);
    await user.type(field, "https://calendar.example/t0ken/team.ics");
    await user.click(within(form).getByRole("button", { name: "Read it again" }));
    expect(await screen.findByText(/Saved: Team will be read again from this address in a moment/)).toBeTruthy();
    expect(screen.queryByText("Enter its address again")).toBeNull();
    expect(api.sent("PUT", "/api/calendars/cal3/address").map((r) => r.body)).toEqual([
      { url: "ftp://calendar.example/t0ken/team.ics" },
      { url: "https://calendar.example/t0ken/team.ics" },
    ]);
  });

  it("shows a viewer no address form", async () => {
    fakeApi({
      ...noMailbox,
      "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "viewer", name: "Ada" }),
      "GET /api/calendars": () => ({ items: [calendar({ id: "cal3", kind: "subscription", state: "failed" })] }),
    });
    renderPage(<SourcesSection />);
    await screen.findByRole("list", { name: "Calendars" });
    expect(await screen.findByText("Only editors and owners can add or remove calendars.")).toBeTruthy();
    expect(screen.queryByText("Enter its address again")).toBeNull();
  });

  it("shows the server's word under the subscription address", async () => {
    fakeApi({
      ...editor,
      ...noMailbox,
      "GET /api/calendars": () => ({ items: [] }),
      "POST /api/calendars": () =>
        reply(400, {
          title: "Bad Request",
          errors: [{ path: "url", message: "URL 10.0.0.1 is not a public address (private)" }],
        }),
    });
    const { user } = renderPage(<SourcesSection />);
    await user.type(await screen.findByRole("textbox", { name: "Calendar address (ICS)" }), "http://10.0.0.1/x.ics");
    await user.click(screen.getByRole("button", { name: "Subscribe" }));
    expect(await screen.findByText("URL 10.0.0.1 is not a public address (private)")).toBeTruthy();
  });

  it("connects a mailbox without sending an empty password, and shows its status in words", async () => {
    const saved = {
      host: "imap.example.com",
      port: 993,
      tls: true,
      user: "ada@example.com",
      passwordSet: true,
      folders: [],
      startOn: "2026-10-21",
      storeBodies: false,
      autoCreate: false,
      aliases: [],
      logFolder: null,
      logAddress: null,
      updatedAt: "2026-11-20T12:00:00.000Z",
    };
    const api = fakeApi({
      ...editor,
      "GET /api/me/mailbox": () => ({ mailbox: saved }),
      "GET /api/me/mailbox/status": () => ({
        status: {
          state: "failing",
          lastRunAt: "2026-11-20T12:00:00.000Z",
          lastSuccessAt: null,
          nextRunAt: "2026-11-20T12:05:00.000Z",
          error: "The mail server refused the user name or password",
          counts: { messages: 0, logged: 0, suggestions: 0 },
        },
      }),
      "PUT /api/me/mailbox": () => saved,
      "GET /api/calendars": () => ({ items: [] }),
    });
    const { user } = renderPage(<SourcesSection />);
    expect(await screen.findByText("The mail server refused the user name or password")).toBeTruthy();
    expect(screen.getByText("0 messages read · 0 logged · 0 suggestions")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.sent("PUT", "/api/me/mailbox")).toHaveLength(1));
    expect(api.sent("PUT", "/api/me/mailbox")[0]?.body).toEqual({
      host: "imap.example.com",
      port: 993,
      tls: true,
      user: "ada@example.com",
      folders: [],
      startOn: "2026-10-21",
    });
  });

  it("lists people from mail and meetings with their counts; adds one, dismisses another", async () => {
    let open = [
      {
        ...{ address: "Dana.Okafor@Example.org", name: "Dana Okafor", count: 4, messages: 1, meetings: 3 },
        lastAt: "2026-11-18T10:00:00.000Z",
      },
      {
        ...{ address: "jörg@bücher.example", name: null, count: 2, messages: 0, meetings: 2 },
        lastAt: "2026-11-17T09:00:00.000Z",
      },
    ];
    const api = fakeApi({
      ...editor,
      ...noMailbox,
      "GET /api/calendars": () => ({ items: [] }),
      "GET /api/mailbox/suggestions": () => ({ suggestions: open }),
      [`POST /api/mailbox/suggestions/${encodeURIComponent("Dana.Okafor@Example.org")}/accept`]: () => {
        open = open.slice(1);
        return reply(201, { contactId: "c9", logged: 4, messages: 1, meetings: 3 });
      },
      [`POST /api/mailbox/suggestions/${encodeURIComponent("jörg@bücher.example")}/dismiss`]: () => {
        open = [];
        return reply(204, null);
      },
    });
    const { user } = renderPage(<SourcesSection />);
    const list = await screen.findByRole("list", { name: "Suggested contacts" });
    expect(within(list).getByText("Dana Okafor")).toBeTruthy();
    expect(within(list).getByText("Dana.Okafor@Example.org")).toBeTruthy();
    expect(within(list).getByText(/^1 message · 3 meetings · last /)).toBeTruthy();
    expect(within(list).getByText(/^2 meetings · last /)).toBeTruthy();

    await user.click(within(list).getByRole("button", { name: "Add Dana Okafor as a contact" }));
    expect(await screen.findByRole("status")).toHaveProperty("textContent", "Added Dana Okafor: 4 logged.");
    await waitFor(() => expect(within(list).queryByText("Dana Okafor")).toBeNull());
    await user.click(within(list).getByRole("button", { name: "Dismiss jörg@bücher.example" }));
    expect(await screen.findByText("No one to suggest.")).toBeTruthy();
    const accepted = `/api/mailbox/suggestions/${encodeURIComponent("Dana.Okafor@Example.org")}/accept`;
    expect(api.sent("POST", accepted)).toHaveLength(1);
  });
});
