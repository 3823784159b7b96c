import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DueItem, TodayList } from "../api/types.ts";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import TodayPage from "../today/today-page.tsx";
import { forgetDraftEdits } from "./draft-edits.ts";
import type { Draft } from "./draft-types.ts";
import { TodayDraft } from "./today-draft.tsx";

const draft: Draft = {
  templateId: "default:check-in",
  templateName: "Check-in",
  channel: "email",
  subject: "Coffee soon?",
  body: "Hi Rosa,\n\nIt's been a while since the product meetup.\n\nAda",
};
const rosa = {
  contactId: "c1",
  displayName: "Rosa Diaz",
  circle: "close",
  reasonKind: "cadence-due",
  sentence: "It's been 16 days since you last talked to Rosa Diaz",
  sinceOn: "2026-11-16",
  daysOverdue: 0,
  priority: 310,
  templateSlot: "check-in",
  followUpId: null,
  alsoDue: [],
  connection: { exchanges: 2, target: 7, stage: "building" },
  suggestMoveOn: false,
  article: null,
  opportunity: null,
  draft,
} as DueItem;
const today = {
  todayOn: "2026-11-17",
  items: [rosa],
  later: [],
  laterCount: 0,
  laterCountCapped: false,
  movedOn: [],
  habit: {
    weekStartOn: "2026-11-16",
    weekEndOn: "2026-11-22",
    weekCount: 0,
    weeklyGoal: 1,
    met: false,
    remaining: 1,
    streakWeeks: 0,
  },
} as TodayList;
const undo = { action: "done", contactId: "c1", followUpId: null, interactionId: "i1", snoozedUntilOnBefore: null };

beforeEach(() => forgetDraftEdits());

describe("a today item's draft", () => {
  it("is shown on the card, and copy → did you send it? → yes logs it and takes the item off with Undo", async () => {
    let list = today;
    const api = fakeApi({
      "GET /api/today": () => list,
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/contacts/c1": () => ({ id: "c1", displayName: "Rosa Diaz", emails: [{ address: "rosa@example.com" }] }),
      "POST /api/today/c1/done": () => {
        list = { ...today, items: [] };
        return { contactId: "c1", untilOn: null, applied: true, undo };
      },
    });
    const { user } = renderPage(<TodayPage />);
    const card = within(await screen.findByRole("group", { name: "Draft for Rosa Diaz" }));
    expect(card.getByText("Coffee soon?")).toBeTruthy();
    await waitFor(() =>
      expect(card.getByRole("link", { name: /in your mail app/ }).getAttribute("href")).toMatch(
        /^mailto:rosa@example\.com\?subject=Coffee%20soon%3F&body=Hi%20Rosa/,
      ),
    );
    await user.click(card.getByRole("button", { name: "Copy the draft for Rosa Diaz" }));
    await user.click(await screen.findByRole("button", { name: "Yes, log it" }));
    await waitFor(() => expect(api.sent("POST", "/api/today/c1/done")).toHaveLength(1));
    expect(api.sent("POST", "/api/today/c1/done")[0]?.body).toEqual({
      kind: "email",
      summary: "Coffee soon?",
      awaitsReply: true,
      templateId: "default:check-in",
    });
    expect(await screen.findByText("Logged what you sent to Rosa Diaz.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Undo" })).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Draft for Rosa Diaz" })).toBeNull();
  });

  it("is read by a viewer without the actions", async () => {
    fakeApi({
      "GET /api/today": () => today,
      "GET /api/auth/me": () => ({ role: "viewer" }),
      "GET /api/contacts/c1": () => ({ id: "c1", displayName: "Rosa Diaz", emails: [] }),
    });
    renderPage(<TodayPage />);
    expect(await screen.findByText("Coffee soon?")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Copy/ })).toBeNull();
  });
  it("offers Send with the member's SMTP account, sends the draft once and says so", async () => {
    const api = fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/me/smtp": () => ({ smtp: { host: "smtp.example.com", fromAddress: "ada@example.com" } }),
      "GET /api/contacts/c1": () => ({ id: "c1", displayName: "Rosa Diaz", emails: [{ address: "rosa@example.com" }] }),
      "POST /api/messages/send": () => ({ interactionId: "i1", messageId: "<m1@example.com>" }),
    });
    const onNotice = vi.fn();
    const onLogged = vi.fn(async () => {});
    const { user } = renderPage(<TodayDraft item={rosa} onLogged={onLogged} onNotice={onNotice} sendDelayMs={0} />);
    await user.click(await screen.findByRole("button", { name: "Send the draft to Rosa Diaz" }));
    await waitFor(() => expect(api.sent("POST", "/api/messages/send")).toHaveLength(1));
    const sent = api.sent("POST", "/api/messages/send")[0]?.body as Record<string, string>;
    expect(sent).toMatchObject({
      contactId: "c1",
      subject: "Coffee soon?",
      body: draft.body,
      templateId: "default:check-in",
    });
    expect(sent.idempotencyKey).toMatch(/^web-[0-9a-f-]{36}$/);
    // A cadence item: the check-in waits for nothing (as Done), and the sent e-mail is the item's done.
    expect(sent).toMatchObject({ awaitsReply: false });
    await waitFor(() => expect(onNotice).toHaveBeenCalledWith("Sent to Rosa Diaz: logged as an e-mail."));
    expect(onLogged).toHaveBeenCalledWith({ type: "done", contactId: "c1", loggedInteractionId: "i1" });
  });

  it("offers no Send without an SMTP account", async () => {
    const api = fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/me/smtp": () => ({ smtp: null }),
      "GET /api/contacts/c1": () => ({ id: "c1", displayName: "Rosa Diaz", emails: [{ address: "rosa@example.com" }] }),
    });
    renderPage(<TodayDraft item={rosa} onLogged={async () => {}} onNotice={() => {}} />);
    await waitFor(() => expect(api.sent("GET", "/api/me/smtp")).toHaveLength(1));
    expect(await screen.findByRole("button", { name: "Copy the draft for Rosa Diaz" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send the draft to Rosa Diaz" })).toBeNull();
  });

  it("offers a matching article beside a check-in, and switches the draft to it and back", async () => {
    const articleDraft = { ...draft, templateId: "default:article", subject: "Thought of you: Why we climb" };
    const item = {
      ...rosa,
      article: { id: "a1", title: "Why we climb", url: "https://x.example/climb", draft: articleDraft },
    };
    fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/contacts/c1": () => ({ id: "c1", displayName: "Rosa Diaz", emails: [] }),
    });
    const { user } = renderPage(<TodayDraft item={item as DueItem} onLogged={async () => {}} onNotice={() => {}} />);
    expect(await screen.findByText("Coffee soon?")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Why we climb" }).getAttribute("href")).toBe("https://x.example/climb");
    await user.click(screen.getByRole("button", { name: "Share “Why we climb” with Rosa Diaz instead" }));
    expect(await screen.findByText("Thought of you: Why we climb")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Back to the check-in" }));
    expect(await screen.findByText("Coffee soon?")).toBeTruthy();
  });

  it("sends a shared article's id with the message, so Kith stops suggesting it to them", async () => {
    const articleDraft = { ...draft, templateId: "default:article", subject: "Thought of you: Why we climb" };
    const item = {
      ...rosa,
      article: { id: "a1", title: "Why we climb", url: "https://x.example/climb", draft: articleDraft },
    };
    const api = fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/me/smtp": () => ({ smtp: { host: "smtp.example.com", fromAddress: "ada@example.com" } }),
      "GET /api/contacts/c1": () => ({ id: "c1", displayName: "Rosa Diaz", emails: [{ address: "rosa@example.com" }] }),
      "POST /api/messages/send": () => ({ interactionId: "i1", messageId: "<m1@example.com>" }),
    });
    const onLogged = vi.fn(async () => {});
    const { user } = renderPage(
      <TodayDraft item={item as DueItem} onLogged={onLogged} onNotice={() => {}} sendDelayMs={0} />,
    );
    await user.click(await screen.findByRole("button", { name: "Share “Why we climb” with Rosa Diaz instead" }));
    await user.click(await screen.findByRole("button", { name: "Send the draft to Rosa Diaz" }));
    await waitFor(() => expect(api.sent("POST", "/api/messages/send")).toHaveLength(1));
    expect(api.sent("POST", "/api/messages/send")[0]?.body).toMatchObject({
      subject: "Thought of you: Why we climb",
      articleId: "a1",
    });
  });

  it("links an article item's own article, to read before sharing", async () => {
    const articleDraft = { ...draft, templateId: "default:article", subject: "Thought of you: Why we climb" };
    const item = {
      ...rosa,
      reasonKind: "article-match",
      templateSlot: "article",
      draft: articleDraft,
      article: { id: "a1", title: "Why we climb", url: "https://x.example/climb", draft: articleDraft },
    };
    fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/contacts/c1": () => ({ id: "c1", displayName: "Rosa Diaz", emails: [] }),
    });
    renderPage(<TodayDraft item={item as DueItem} onLogged={async () => {}} onNotice={() => {}} />);
    expect(await screen.findByText("Thought of you: Why we climb")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Read “Why we climb”" }).getAttribute("href")).toBe(
      "https://x.example/climb",
    );
    expect(screen.queryByRole("button", { name: /instead/ })).toBeNull();
  });

  it("is offered on a Coming up item, and yes logs the message to the person", async () => {
    const later = { ...rosa, contactId: "c2", displayName: "Mo Ali", plannedOn: "2026-11-18" };
    const api = fakeApi({
      "GET /api/today": () => ({ ...today, items: [], later: [later], laterCount: 1 }),
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/contacts/c2": () => ({ id: "c2", displayName: "Mo Ali", emails: [{ address: "mo@example.com" }] }),
      "POST /api/messages/sent": () => ({ interactionId: "i2" }),
    });
    const { user } = renderPage(<TodayPage />);
    await user.click(await screen.findByRole("button", { name: "Show the draft for Mo Ali" }));
    const panel = within(await screen.findByRole("group", { name: "Draft for Mo Ali" }));
    await user.click(panel.getByRole("button", { name: "Copy the draft for Mo Ali" }));
    await user.click(await screen.findByRole("button", { name: "Yes, log it" }));
    await waitFor(() => expect(api.sent("POST", "/api/messages/sent")).toHaveLength(1));
    expect(api.sent("POST", "/api/messages/sent")[0]?.body).toMatchObject({ contactId: "c2", subject: "Coffee soon?" });
  });
});
