import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderPage } from "../testing/render.tsx";
import { graphModel } from "./graph-model.ts";
import { NeighbourhoodList } from "./neighbourhood-list.tsx";

const model = graphModel({
  nodes: [
    { id: "contact:ana", kind: "contact", label: "Ana Ruiz", firstDegree: true, centre: true },
    { id: "contact:leo", kind: "contact", label: "Leo Park", firstDegree: false, centre: false },
    { id: "contact:rosa", kind: "contact", label: "Rosa Ruiz", firstDegree: false, centre: false },
  ],
  edges: [
    { id: "r1", source: "contact:ana", target: "contact:leo", kind: "colleague" },
    { id: "r2", source: "contact:rosa", target: "contact:ana", kind: "parent" },
  ],
});

function setup() {
  const focused: string[] = [];
  const centred: string[] = [];
  const view = renderPage(
    <NeighbourhoodList
      label="Around Ana Ruiz"
      nodes={model.listed}
      focusedId={null}
      onFocusNode={(id) => focused.push(id)}
      onCentre={(id) => centred.push(id)}
    />,
  );
  return { ...view, focused, centred };
}

describe("the graph's list view", () => {
  it("tells each node's distance and ties in words, read from that node", () => {
    setup();
    const rosa = screen.getByRole("button", { name: "Rosa Ruiz" });
    const detail = document.getElementById(rosa.getAttribute("aria-describedby") ?? "");
    expect(detail?.textContent).toContain("1 step away");
    expect(detail?.textContent).toContain("Rosa Ruiz is Ana Ruiz's parent");
    const ana = screen.getByRole("button", { name: "Ana Ruiz" });
    expect(ana.getAttribute("aria-current")).toBe("true");
    expect(document.getElementById(ana.getAttribute("aria-describedby") ?? "")?.textContent).toContain(
      "the centre · you are in touch",
    );
  });

  it("is one tab stop; arrows move along it and highlight the node, Enter centres on it", async () => {
    const { user, focused, centred } = setup();
    expect(screen.getAllByRole("button").filter((b) => b.tabIndex === 0)).toHaveLength(1);
    await user.tab();
    expect(document.activeElement?.textContent).toContain("Ana Ruiz");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toContain("Leo Park");
    await user.keyboard("{End}");
    expect(document.activeElement?.textContent).toContain("Rosa Ruiz");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toContain("Rosa Ruiz");
    expect(focused).toEqual(["contact:ana", "contact:leo", "contact:rosa"]);
    await user.keyboard("{Enter}");
    expect(centred).toEqual(["contact:rosa"]);
    await user.keyboard("{Home}{Enter}");
    // The centre is already the centre: Enter there changes nothing.
    expect(centred).toEqual(["contact:rosa"]);
  });
});
