import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { MyUpdateSection } from "./my-update-section.tsx";

describe("MyUpdateSection", () => {
  it("saves your update and says where it is used; a refused one is named at the field", async () => {
    let calls = 0;
    const api = fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/settings": () => ({ myUpdate: "" }),
      "PATCH /api/settings": (r) =>
        ++calls === 1
          ? reply(400, { title: "Bad Request", errors: [{ path: "myUpdate", message: "Too long: at most 2000" }] })
          : { myUpdate: (r.body as { myUpdate: string }).myUpdate },
    });
    const { user } = renderPage(<MyUpdateSection />);
    const field = await screen.findByRole("textbox", { name: "What's new with you" });
    expect(screen.getByText(/Holiday greetings and campaigns add it/)).toBeTruthy();
    await user.type(field, "We moved to Lyon.");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    expect(await screen.findByText("Too long: at most 2000")).toBeTruthy();
    await user.type(field, " Hi!");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    await waitFor(() => expect(api.sent("PATCH", "/api/settings")).toHaveLength(2));
    expect(api.sent("PATCH", "/api/settings")[1]?.body).toEqual({ myUpdate: "We moved to Lyon. Hi!" });
    expect(await screen.findByText("Saved.")).toBeTruthy();
  });
});
