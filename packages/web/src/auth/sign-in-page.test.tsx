import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import SignInPage from "./sign-in-page.tsx";

afterEach(() => localStorage.clear());

describe("SignInPage's welcome", () => {
  it("welcomes a first visit, and says welcome back only once someone has signed in on this browser", async () => {
    const api = fakeApi({ "POST /api/auth/sign-in/email": () => ({ user: { id: "u1" } }) });
    const first = renderPage(<SignInPage />, "/sign-in");
    expect(screen.getByText(/^Welcome to Kith/)).toBeTruthy();
    expect(screen.queryByText(/Welcome back/)).toBeNull();
    await first.user.type(screen.getByRole("textbox", { name: "Email" }), "ada@example.com");
    await first.user.type(screen.getByLabelText(/^Password/), "correct horse battery");
    await first.user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(api.sent("POST", "/api/auth/sign-in/email")).toHaveLength(1));
    first.unmount();

    renderPage(<SignInPage />, "/sign-in");
    expect(screen.getByText(/Welcome back/)).toBeTruthy();
  });

  it("shows a refused password in words from the server", async () => {
    fakeApi({
      "POST /api/auth/sign-in/email": () =>
        reply(400, {
          status: 400,
          detail: "Password must be at least 10 characters",
          errors: [{ path: "password", message: "Password must be at least 10 characters" }],
        }),
    });
    const { user } = renderPage(<SignInPage />, "/sign-in");
    await user.type(screen.getByRole("textbox", { name: "Email" }), "ada@example.com");
    await user.type(screen.getByLabelText(/^Password/), "short");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Password must be at least 10 characters")).toBeTruthy();
  });
});

describe("SignInPage's single sign-on", () => {
  afterEach(() => sessionStorage.clear());

  it("offers no other way in when the server has no single sign-on", async () => {
    const api = fakeApi({ "GET /api/auth/sso": () => ({ provider: null }) });
    renderPage(<SignInPage />, "/sign-in");
    await waitFor(() => expect(api.sent("GET", "/api/auth/sso")).toHaveLength(1));
    expect(screen.queryByRole("button", { name: /Sign in with/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
  });

  it("signs in with the provider, carrying where to go next and the invitation this tab kept", async () => {
    sessionStorage.setItem("kith-invitation", "kinv_token");
    const api = fakeApi({
      "GET /api/auth/sso": () => ({ provider: { id: "oidc", name: "Authentik" } }),
      "POST /api/auth/sign-in/sso": () => ({ url: "https://auth.example.org/authorize?client_id=kith" }),
    });
    const { user } = renderPage(<SignInPage />, "/sign-in?next=/invite");
    await user.click(await screen.findByRole("button", { name: "Sign in with Authentik" }));
    await waitFor(() =>
      expect(api.sent("POST", "/api/auth/sign-in/sso")[0]?.body).toEqual({
        next: "/invite",
        invitationToken: "kinv_token",
      }),
    );
    expect(await screen.findByRole("button", { name: "Going to Authentik…" })).toBeTruthy();
    expect(api.sent("POST", "/api/auth/sign-in/email")).toHaveLength(0);
  });

  it("never passes on a next page of another site", async () => {
    const api = fakeApi({
      "GET /api/auth/sso": () => ({ provider: { id: "oidc", name: "Authentik" } }),
      "POST /api/auth/sign-in/sso": () => ({ url: "https://auth.example.org/authorize" }),
    });
    const { user } = renderPage(<SignInPage />, "/sign-in?next=//evil.example/");
    await user.click(await screen.findByRole("button", { name: "Sign in with Authentik" }));
    await waitFor(() => expect(api.sent("POST", "/api/auth/sign-in/sso")[0]?.body).toEqual({}));
  });

  it.each([
    ["access_denied", /Authentik did not let Kith know who you are/],
    ["state_mismatch", /came back to a different browser/],
    ["account_not_linked", /Kith already has an account with this email address/],
    ["SIGNUP_CLOSED", /only lets in people its owner invited/],
    ["temporarily_unavailable", /Signing in with Authentik failed \(temporarily unavailable\)/],
  ])("says in words why the provider's sign-in came back with %s", async (code, words) => {
    fakeApi({ "GET /api/auth/sso": () => ({ provider: { id: "oidc", name: "Authentik" } }) });
    renderPage(<SignInPage />, `/sign-in?error=${code}`);
    expect((await screen.findByRole("alert")).textContent).toMatch(words);
  });
});
