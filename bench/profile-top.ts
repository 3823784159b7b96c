import { readFileSync } from "node:fs";

/**
 * The top self-time costs of a V8 CPU profile (`node --cpu-prof`), by function and file, with their share of the
 * samples: `node --import tsx bench/profile-top.ts <file.cpuprofile> [how many, 15]`.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, top = "15"] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-top.ts <file.cpuprofile> [n]");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map<string, number>();
for (const id of profile.samples) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url } = node.callFrame;
  const where = url.replace(/^.*\/(node_modules\/|packages\/)/, "$1") || "(native)";
  const key = `${functionName || "(anonymous)"} ${where}`;
  hits.set(key, (hits.get(key) ?? 0) + 1);
}
const total = profile.samples.length;
const rows = [...hits.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
console.log(`| self time | share | function (file) |\n|---|---|---|`);
for (const [key, n] of rows) console.log(`| ${n} samples | ${((100 * n) / total).toFixed(1)}% | ${key} |`);
