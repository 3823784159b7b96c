import { describe, expect, it } from "vitest";
import { pickTemplate, templateLibrary } from "../messages/pick-template.ts";
import { renderTemplate } from "../messages/render-template.ts";
import { whoDoYouKnowSlot } from "./ask-slot.ts";

const ACME = "company-acme";
/** The ask as Kith's default library drafts it for a slot, to Kim, about Acme Robotics. */
const drafted = (slot: ReturnType<typeof whoDoYouKnowSlot>) =>
  renderTemplate(pickTemplate(templateLibrary([]), slot, 30), {
    contact: { firstName: "Kim", displayName: "Kim Đặng", company: "Acme Robotics" },
    me: { name: "Sam Reed" },
    company: "Acme Robotics",
  });

describe("the who-do-you-know ask", () => {
  it("to someone who works at the company asks about it from the inside: the team, who to talk to, a referral", () => {
    expect(whoDoYouKnowSlot({ companyId: ACME }, ACME)).toBe("ask-insider");
    const draft = drafted(whoDoYouKnowSlot({ companyId: ACME }, ACME));
    expect(draft.subject).toBe("A question about Acme Robotics");
    expect(draft.body).not.toContain("do you know anyone at");
    expect(draft.body).toContain("since you work there");
    expect(draft.body).toContain("what is it like on your team");
    expect(draft.body).toContain("referring me");
    expect(draft.body.startsWith("Hi Kim,")).toBe(true);
  });

  it("to anyone else (elsewhere, or at no company) asks who they know there", () => {
    for (const companyId of ["company-globex", null]) {
      expect(whoDoYouKnowSlot({ companyId }, ACME)).toBe("ask");
      expect(drafted(whoDoYouKnowSlot({ companyId }, ACME)).body).toContain("do you know anyone at Acme Robotics?");
    }
  });
});
