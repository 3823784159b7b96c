import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { deviceOf, SessionsSection } from "./sessions-section.tsx";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

const session = (id: string, userAgent: string, address: string, current: boolean) => ({
  id,
  userAgent,
  address,
  createdAt: "2026-11-01T09:00:00.000Z",
  lastSeenAt: "2026-11-02T10:00:00.000Z",
  current,
});

describe("the sessions section", () => {
  it("names devices from their user agent", () => {
    expect(deviceOf(FIREFOX)).toBe("Firefox on Linux");
    expect(deviceOf(PHONE)).toBe("Safari on iPhone");
    expect(deviceOf(null)).toBe("Unknown device");
  });

  it("lists the sessions with this device marked, signs one out, and every other one", async () => {
    let items = [session("s1", FIREFOX, "198.51.100.7", true), session("s2", PHONE, "203.0.113.9", false)];
    const sent = fakeApi({
      "GET /api/sessions": () => ({ items }),
      "DELETE /api/sessions/s2": () => {
        items = items.filter((s) => s.id !== "s2");
        return reply(204, undefined);
      },
      "POST /api/sessions/sign-out-others": () => ({ signedOut: 0 }),
    });
    const { user } = renderPage(<SessionsSection />);
    const list = await screen.findByRole("list", { name: "Sessions" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(2));
    const [mine, phone] = within(list).getAllByRole("listitem");
    expect(mine?.textContent).toContain("Firefox on Linux");
    expect(mine?.textContent).toContain("this device");
    expect(within(mine as HTMLElement).queryByRole("button", { name: /sign out/i })).toBeNull();
    expect(phone?.textContent).toContain("203.0.113.9");
    expect(screen.getByRole("button", { name: "Sign out everywhere else" })).toBeTruthy();
    await user.click(within(phone as HTMLElement).getByRole("button", { name: /Sign out Safari on iPhone/ }));
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    expect(sent.sent("DELETE", "/api/sessions/s2")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Sign out everywhere else" })).toBeNull();
  });

  it("changes the password and shows the policy's words beside the field", async () => {
    const sent = fakeApi({
      "GET /api/sessions": () => ({ items: [session("s1", FIREFOX, "198.51.100.7", true)] }),
      "POST /api/password": (r) =>
        (r.body as { newPassword: string }).newPassword === "password123"
          ? reply(400, {
              type: "about:blank",
              title: "Bad Request",
              status: 400,
              detail: "newPassword: This password is too common: it appears on lists attackers try first",
              errors: [
                {
                  path: "newPassword",
                  message: "This password is too common: it appears on lists attackers try first",
                },
              ],
            })
          : reply(204, undefined),
    });
    const { user } = renderPage(<SessionsSection />);
    await user.type(screen.getByLabelText("Current password"), "correct horse battery");
    await user.type(screen.getByLabelText(/^New password/), "password123");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText(/This password is too common/)).toBeTruthy();
    await user.clear(screen.getByLabelText(/^New password/));
    await user.type(screen.getByLabelText(/^New password/), "a new long passphrase");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText(/Your other sessions were signed out/)).toBeTruthy();
    const posts = sent.sent("POST", "/api/password").map((r) => r.body);
    expect(posts.at(-1)).toEqual({ currentPassword: "correct horse battery", newPassword: "a new long passphrase" });
  });

  it("asks for a new address with the password, and says where the link went", async () => {
    const sent = fakeApi({
      "GET /api/sessions": () => ({ items: [session("s1", FIREFOX, "198.51.100.7", true)] }),
      "POST /api/email": () => reply(202, { sentTo: "ada@new.example" }),
    });
    const { user } = renderPage(<SessionsSection />);
    await user.type(screen.getByLabelText("New email address"), "ada@new.example");
    await user.type(screen.getByLabelText("Password, to confirm"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Change email" }));
    expect(await screen.findByText(/We sent a link to ada@new.example/)).toBeTruthy();
    expect(sent.sent("POST", "/api/email").map((r) => r.body)).toEqual([
      { newEmail: "ada@new.example", currentPassword: "correct horse battery" },
    ]);
  });

  it("shows the outcome of a followed link", async () => {
    fakeApi({ "GET /api/sessions": () => ({ items: [] }) });
    renderPage(<SessionsSection />, "/settings?email=changed");
    expect(await screen.findByText(/Your address is changed and confirmed/)).toBeTruthy();
  });

  it("tells a person who signs in through single sign-on so, and offers a first password instead of the forms", async () => {
    let password = false;
    const sent = fakeApi({
      "GET /api/sessions": () => ({ items: [session("s1", FIREFOX, "198.51.100.7", true)] }),
      "GET /api/sso/link": () => ({ provider: { id: "oidc", name: "Authentik" }, linked: true, password }),
      "POST /api/password/set": () => {
        password = true;
        return reply(204, undefined);
      },
    });
    const { user } = renderPage(<SessionsSection />);
    expect(await screen.findByText(/You sign in through Authentik: you have no password here/)).toBeTruthy();
    expect(screen.queryByLabelText("Current password")).toBeNull();
    expect(screen.queryByLabelText("Password, to confirm")).toBeNull();
    await user.type(screen.getByLabelText("New password"), "a first long passphrase");
    await user.click(screen.getByRole("button", { name: "Set a password" }));
    expect(await screen.findByLabelText("Current password")).toBeTruthy();
    expect(sent.sent("POST", "/api/password/set").map((r) => r.body)).toEqual([
      { newPassword: "a first long passphrase" },
    ]);
  });
});
