import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { forgetDraftEdits } from "./draft-edits.ts";
import { DraftPanel, type DraftPanelProps } from "./draft-panel.tsx";

const draft = {
  templateId: "default:check-in",
  templateName: "Check-in",
  channel: "email" as const,
  subject: "Coffee & catching up?",
  body: "Hi Rosa,\n\nIt's been a while since the product meetup. How did the opening go?\n\nAda",
};
const rosa = { id: "c1", displayName: "Rosa Diaz", email: "rosa@example.com" };

function renderPanel(props: Partial<DraftPanelProps> = {}) {
  fakeApi({});
  const onSent = vi.fn(async () => {});
  const onSend = vi.fn(async () => {});
  const view = renderPage(
    <DraftPanel
      draft={draft}
      contact={rosa}
      canEdit
      canSend={false}
      onSent={onSent}
      onSend={onSend}
      sendDelayMs={0}
      {...props}
    />,
  );
  return { ...view, onSent, onSend };
}

beforeEach(() => forgetDraftEdits());

describe("DraftPanel", () => {
  it("shows the subject and the body collapsed, and Show draft expands it for screen readers too", async () => {
    const { user } = renderPanel();
    const group = screen.getByRole("group", { name: "Draft for Rosa Diaz" });
    expect(group.textContent).toContain("Coffee & catching up?");
    const toggle = screen.getByRole("button", { name: "Show draft" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(document.getElementById(toggle.getAttribute("aria-controls") ?? "")?.className).toContain("draft-collapsed");
    await user.click(toggle);
    expect(screen.getByRole("button", { name: "Hide draft" }).getAttribute("aria-expanded")).toBe("true");
  });

  it("opens the mail app with the contact's address, subject and body, then asks; yes logs what was sent", async () => {
    const { user, onSent } = renderPanel();
    const link = screen.getByRole("link", { name: "Open this draft in your mail app" });
    const href = new URL(link.getAttribute("href") ?? "");
    expect(href.protocol).toBe("mailto:");
    expect(href.pathname).toBe("rosa@example.com");
    expect(href.searchParams.get("subject")).toBe(draft.subject);
    expect(href.searchParams.get("body")).toBe(draft.body.replaceAll("\n", "\r\n"));
    link.addEventListener("click", (e) => e.preventDefault()); // the test's window has no mail app
    await user.click(link);
    const yes = await screen.findByRole("button", { name: "Yes, log it" });
    expect(document.activeElement).toBe(yes);
    await user.click(yes);
    expect(onSent).toHaveBeenCalledWith({ subject: draft.subject, body: draft.body, channel: "email" });
    expect(await screen.findByText("Logged as sent to Rosa Diaz.")).toBeTruthy();
  });

  it("copies the body, and a no logs nothing", async () => {
    const { user, onSent } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Copy the draft for Rosa Diaz" }));
    expect(await navigator.clipboard.readText()).toBe(draft.body);
    expect(screen.getByRole("group", { name: "Did you send it to Rosa Diaz?" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "No" }));
    expect(screen.queryByRole("group", { name: "Did you send it to Rosa Diaz?" })).toBeNull();
    expect(onSent).not.toHaveBeenCalled();
  });

  it("keeps an edit for the item while the page lives, and the actions use it", async () => {
    const { user, unmount } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Edit the draft for Rosa Diaz" }));
    const body = screen.getByRole("textbox", { name: "Message" });
    await user.clear(body);
    await user.type(body, "Hi Rosa, quick one: lunch Thursday?");
    await user.click(screen.getByRole("button", { name: "Keep this draft for Rosa Diaz" }));
    expect(screen.getByText("Hi Rosa, quick one: lunch Thursday?")).toBeTruthy();
    unmount();

    const again = renderPanel();
    expect(screen.getByText("Hi Rosa, quick one: lunch Thursday?")).toBeTruthy();
    await again.user.click(screen.getByRole("button", { name: "Copy the draft for Rosa Diaz" }));
    expect(await navigator.clipboard.readText()).toBe("Hi Rosa, quick one: lunch Thursday?");
    await again.user.click(screen.getByRole("button", { name: "Edit the draft for Rosa Diaz" }));
    await again.user.click(screen.getByRole("button", { name: "Back to the suggestion" }));
    expect(screen.getByText(/How did the opening go\?/)).toBeTruthy();
  });

  it("names an empty subject at the field and will not keep it", async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Edit the draft for Rosa Diaz" }));
    await user.clear(screen.getByRole("textbox", { name: "Subject" }));
    expect(screen.getByText("A subject is needed.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Keep this draft for Rosa Diaz" }).hasAttribute("disabled")).toBe(true);
  });

  it("offers Send only with an SMTP account and an address, and sends the draft as it stands", async () => {
    renderPanel();
    expect(screen.queryByRole("button", { name: "Send the draft to Rosa Diaz" })).toBeNull();
    forgetDraftEdits();
    const { user, onSend } = renderPanel({ canSend: true });
    await user.click(screen.getAllByRole("button", { name: "Send the draft to Rosa Diaz" })[0]!);
    await waitFor(() => expect(onSend).toHaveBeenCalledWith({ subject: draft.subject, body: draft.body }));
    expect(await screen.findByText("Sent to Rosa Diaz.")).toBeTruthy();
  });

  it("lets Send be taken back before it goes", async () => {
    const { user, onSend, unmount } = renderPanel({ canSend: true, sendDelayMs: 60_000 });
    await user.click(screen.getByRole("button", { name: "Send the draft to Rosa Diaz" }));
    await user.click(await screen.findByRole("button", { name: "Undo: do not send to Rosa Diaz" }));
    expect(screen.getByText("Not sent.")).toBeTruthy();
    unmount();
    expect(onSend).not.toHaveBeenCalled();
  });

  it("sends at once when the card goes away inside the undo window, rather than dropping the message", async () => {
    const { user, onSend, unmount } = renderPanel({ canSend: true, sendDelayMs: 60_000 });
    await user.click(screen.getByRole("button", { name: "Send the draft to Rosa Diaz" }));
    expect(onSend).not.toHaveBeenCalled();
    unmount();
    expect(onSend).toHaveBeenCalledWith({ subject: draft.subject, body: draft.body });
  });

  it("shows a viewer the draft without the actions", () => {
    renderPanel({ canEdit: false, canSend: true });
    expect(screen.getByText("Coffee & catching up?")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Copy/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Send/ })).toBeNull();
  });
});
