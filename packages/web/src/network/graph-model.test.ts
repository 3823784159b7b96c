import { describe, expect, it } from "vitest";
import { graphModel, MEMBER_NODE, type NeighbourhoodLike } from "./graph-model.ts";

const person = (id: string, label: string, over: Partial<NeighbourhoodLike["nodes"][number]> = {}) => ({
  id: `contact:${id}`,
  kind: "contact" as const,
  label,
  firstDegree: false,
  centre: false,
  ...over,
});

describe("the neighbourhood as the graph and its list view draw it", () => {
  const hood: NeighbourhoodLike = {
    nodes: [
      person("mia", "Mia Chen"),
      person("ana", "Ana Ruiz", { firstDegree: true, centre: true }),
      person("leo", "Leo Park"),
      { id: "company:acme", kind: "company", label: "Acme Robotics", firstDegree: false, centre: false },
    ],
    edges: [
      { id: "r1", source: "contact:ana", target: "contact:leo", kind: "colleague" },
      { id: "r2", source: "contact:mia", target: "contact:leo", kind: "introduced-by" },
      { id: "works-at:mia", source: "contact:mia", target: "company:acme", kind: "works-at" },
    ],
  };

  it("rings people by their distance from the centre, edges read either way", () => {
    const model = graphModel(hood);
    expect(model.centreId).toBe("contact:ana");
    expect(model.listed.map((n) => [n.label, n.ring])).toEqual([
      ["Ana Ruiz", 0],
      ["Leo Park", 1],
      ["Mia Chen", 2],
      ["Acme Robotics", 3],
    ]);
  });

  it("lists each node's ties with the other end named and the edge's direction kept", () => {
    const mia = graphModel(hood).listed.find((n) => n.label === "Mia Chen");
    expect(mia?.ties).toEqual([
      { otherId: "contact:leo", otherLabel: "Leo Park", kind: "introduced-by", outgoing: true },
      { otherId: "company:acme", otherLabel: "Acme Robotics", kind: "works-at", outgoing: true },
    ]);
  });

  it("joins the member to first-degree contacts only", () => {
    const model = graphModel(hood);
    const yours = model.edges.filter((e) => e.source === MEMBER_NODE);
    expect(yours.map((e) => e.target)).toEqual(["contact:ana"]);
    expect(model.nodes.find((n) => n.id === MEMBER_NODE)?.label).toBe("You");
  });

  it("draws no member when no one in view is first-degree, and puts unreachable nodes outside the last ring", () => {
    const model = graphModel({
      nodes: [person("a", "A", { centre: true }), person("b", "B"), person("z", "Z")],
      edges: [{ id: "e", source: "contact:a", target: "contact:b", kind: "knows" }],
    });
    expect(model.nodes.some((n) => n.id === MEMBER_NODE)).toBe(false);
    expect(model.listed.find((n) => n.label === "Z")?.ring).toBe(2);
  });
});
