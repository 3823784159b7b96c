import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { SmtpSection } from "./smtp-section.tsx";

const meAs = (role: string) => ({ user: { id: "u-ada", email: "ada@example.com", name: "Ada" }, accountId: "a", role });
const saved = {
  host: "smtp.example.com",
  port: 587,
  security: "starttls",
  user: "ada@example.com",
  passwordSet: true,
  fromName: "Ada",
  fromAddress: "ada@example.com",
  updatedAt: "2026-11-02T14:00:00.000Z",
};

describe("the send-from-your-own-email section", () => {
  it("keeps the saved password when none is typed, tests the form as it is, and shows errors at the field", async () => {
    const sent = fakeApi({
      "GET /api/auth/me": () => meAs("editor"),
      "GET /api/me/smtp": () => ({ smtp: saved }),
      "POST /api/me/smtp/test": () => ({ ok: false, error: "the mail server refused the user name or password" }),
      "PUT /api/me/smtp": (r) =>
        (r.body as { fromAddress: string }).fromAddress === "nope"
          ? reply(400, {
              status: 400,
              detail: "fromAddress: Email address must be an email address such as ada@example.com",
              errors: [
                { path: "fromAddress", message: "Email address must be an email address such as ada@example.com" },
              ],
            })
          : { ...saved, ...(r.body as object), passwordSet: true },
    });
    const { user } = renderPage(<SmtpSection />);
    await waitFor(() => expect(screen.getByLabelText("SMTP server")).toHaveProperty("value", "smtp.example.com"));
    expect(screen.getByText("A password is saved; type a new one to replace it.")).toBeTruthy();
    expect(screen.getByLabelText("Password")).toHaveProperty("value", "");

    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByText("The test failed: the mail server refused the user name or password.")).toBeTruthy();
    expect(sent.sent("POST", "/api/me/smtp/test")[0]?.body).not.toHaveProperty("password");

    const address = screen.getByLabelText("From address");
    await user.clear(address);
    await user.type(address, "nope");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Email address must be an email address such as ada@example.com")).toBeTruthy();

    await user.clear(address);
    await user.type(address, "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "new-app-password");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Saved.")).toBeTruthy();
    const puts = sent.sent("PUT", "/api/me/smtp").map((r) => r.body);
    expect(puts[0]).not.toHaveProperty("password");
    expect(puts[1]).toEqual({
      host: "smtp.example.com",
      port: 587,
      security: "starttls",
      user: "ada@example.com",
      password: "new-app-password",
      fromName: "Ada",
      fromAddress: "ada@example.com",
    });
  });

  it("tells a viewer that only editors and owners send, with no form", async () => {
    fakeApi({ "GET /api/auth/me": () => meAs("viewer"), "GET /api/me/smtp": () => ({ smtp: null }) });
    renderPage(<SmtpSection />);
    expect(await screen.findByText("Only editors and owners can send messages from Kith.")).toBeTruthy();
    expect(screen.queryByLabelText("SMTP server")).toBeNull();
  });
});
