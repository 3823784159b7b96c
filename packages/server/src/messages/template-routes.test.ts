import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("templates and drafts over HTTP on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("lists, adds, edits, previews, hides and restores templates; a broken one is a 400 naming the field", async () => {
    const { call } = await signUp(s, "Ada Byron", "ada@example.com");
    const list = (await call("GET", "/api/templates")).json() as { items: { id: string }[] };
    expect(list.items.map((t) => t.id)).toContain("default:its-been-a-while");

    const created = await call("POST", "/api/templates", {
      name: "Coffee",
      slots: ["check-in"],
      body: "Hi {{ contact.firstName }}",
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as { id: string }).id;
    const broken = await call("POST", "/api/templates", { name: "Bad", body: "Hi\n{% if x %}" });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].path).toBe("body");
    expect(broken.json().errors[0].message).toMatch(/line:\d+/);

    const edited = await call("PATCH", "/api/templates/default:birthday", { subject: "HB {{ contact.firstName }}" });
    expect(edited.json()).toMatchObject({ id: "default:birthday", customized: true });
    expect((await call("DELETE", `/api/templates/${id}`)).statusCode).toBe(204);
    expect((await call("GET", `/api/templates/${id}`)).statusCode).toBe(404);
    expect((await call("DELETE", "/api/templates/default:birthday")).statusCode).toBe(204);
    expect((await call("GET", "/api/templates/default:birthday")).json()).toMatchObject({ hidden: true });
    const restored = await call("POST", "/api/templates/default:birthday/restore");
    expect(restored.json()).toMatchObject({ hidden: false, customized: false });

    const preview = await call("POST", "/api/templates/preview", {
      subject: "Hey\r\nBcc: x@y.z",
      body: "Hi {{ contact.firstName }},",
    });
    expect(preview.json()).toMatchObject({ subject: "Hey Bcc: x@y.z", body: "Hi Ana," });
  });

  it("drafts for a contact and on every today item; my update comes from the settings", async () => {
    const { call } = await signUp(s, "Ada Byron", "ada@example.com");
    const rosa = (await call("POST", "/api/contacts", { firstName: "Rosa", lastName: "Diaz", circle: "close" })).json();
    await call("POST", "/api/follow-ups", { contactId: rosa.id, dueOn: "2026-11-01", title: "Ask about the studio" });
    expect((await call("PATCH", "/api/settings", { myUpdate: "I moved to Porto." })).json().myUpdate).toBe(
      "I moved to Porto.",
    );
    const tooLong = await call("PATCH", "/api/settings", { myUpdate: "x".repeat(2001) });
    expect(tooLong.json().errors[0].path).toBe("myUpdate");

    const draft = await call("GET", `/api/contacts/${rosa.id}/draft`);
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ templateId: "default:check-in", subject: "How are things, Rosa?" });
    expect(draft.json().body).toContain("A little update from me: I moved to Porto.");
    const birthday = await call("GET", `/api/contacts/${rosa.id}/draft?slot=birthday`);
    expect(birthday.json().subject).toBe("Happy birthday, Rosa!");
    expect((await call("GET", `/api/contacts/${rosa.id}/draft?slot=nope`)).statusCode).toBe(400);
    expect((await call("GET", "/api/contacts/nowhere/draft")).statusCode).toBe(404);

    const today = (await call("GET", "/api/today")).json() as {
      items: { contactId: string; draft: { body: string } }[];
    };
    const item = today.items.find((i) => i.contactId === rosa.id);
    expect(item?.draft.body).toContain("Next on my list: Ask about the studio.");
  });
});
