import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * `node --import tsx bench/cpu-profile-summary.ts <dir or .cpuprofile> [filter]`: where a `node --cpu-prof` run
 * spent its time. Self time by function and by file (node_modules by package), then inclusive time of the
 * functions whose name or file matches `filter` (a regular expression), each with its share of the samples.
 * E.g. `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/import.ts`.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const target = process.argv[2] ?? ".";
const file = target.endsWith(".cpuprofile")
  ? target
  : path.join(target, readdirSync(target).find((f) => f.endsWith(".cpuprofile")) ?? "");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const filter = new RegExp(process.argv[3] ?? "packages/");

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfOf = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  selfOf.set(id, (selfOf.get(id) ?? 0) + dt);
  total += dt;
});

const where = (url: string) => url.replace(/.*\/node_modules\//, "nm/").replace(/^.*?\/(packages|bench)\//, "$1/");
const packageOf = (f: string) =>
  f.startsWith("nm/")
    ? f
        .split("/")
        .slice(0, f.startsWith("nm/@") ? 3 : 2)
        .join("/")
    : f;
const nameOf = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${where(n.callFrame.url)}`;

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const selfByFunction = new Map<string, number>();
const selfByFile = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, dt] of selfOf) {
  const node = byId.get(id) as Node;
  add(selfByFunction, nameOf(node), dt);
  add(selfByFile, packageOf(where(node.callFrame.url)) || node.callFrame.functionName, dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = nameOf(byId.get(at) as Node);
    if (!seen.has(name)) add(inclusive, name, dt);
    seen.add(name);
  }
}

const top = (m: Map<string, number>, n: number, keep = (_: string) => true) =>
  [...m]
    .filter(([k]) => keep(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join("\n");

console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
console.log(`\nself time, by function\n${top(selfByFunction, 25)}`);
console.log(`\nself time, by file or package\n${top(selfByFile, 15)}`);
console.log(`\ninclusive time, matching ${filter}\n${top(inclusive, 30, (k) => filter.test(k))}`);
