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
