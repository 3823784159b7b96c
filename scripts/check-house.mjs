// House rules that no linter knows, run by `npm run lint` (so by `npm test` and CI):
// - no file of the project reaches outside the repository for its inputs: a user's clone has nothing beside it, so a
//   test that reads `../shared/...` passes on a developer's machine and fails on theirs.
// - no import cycle inside core or store, type-only imports included: a cycle means two modules cannot be read (or
//   moved) apart, which is how `ports/index.ts` once grew to hold every feature's port.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim();
const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\0")
  .filter((f) => f && !f.endsWith("package-lock.json"));

const problems = [];
const outside = /((?:\.\.\/)+)shared\b/g;
for (const file of files) {
  let text;
  try {
    text = readFileSync(path.join(root, file), "utf8");
  } catch {
    continue; // deleted in the work tree
  }
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    for (const match of line.matchAll(outside)) {
      const target = path.resolve(root, path.dirname(file), match[0]);
      if (!target.startsWith(root + path.sep)) {
        problems.push(`${file}:${i + 1}: refers to ${match[0]} outside the repository (copy what it needs inside)`);
      }
    }
  });
}

// Relative imports only (`from "./x.ts"`, `import "./x.ts"`, `export … from`), which is how these packages refer to
// their own modules; every one names its file with its extension, so resolving is joining paths.
const cycleRoots = ["packages/core/src/", "packages/store/src/"];
const tsFiles = files.filter((f) => f.endsWith(".ts") && cycleRoots.some((r) => f.startsWith(r)));
const known = new Set(tsFiles);
const edges = new Map();
const importRe = /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|^\s*import\s*["'](\.{1,2}\/[^"']+)["']/gm;
for (const file of tsFiles) {
  let text;
  try {
    text = readFileSync(path.join(root, file), "utf8");
  } catch {
    text = ""; // deleted in the work tree
  }
  const targets = [];
  for (const match of text.matchAll(importRe)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] ?? match[2]));
    if (known.has(target)) targets.push(target);
  }
  edges.set(file, targets);
}
// Tarjan's strongly connected components: each component of more than one module (or a module importing itself)
// is a cycle; one path round it is printed so the reader sees where to cut.
let counter = 0;
const order = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
function visit(start) {
  // Iterative, so a deep import chain cannot overflow the call stack.
  const work = [[start, 0]];
  order.set(start, counter);
  low.set(start, counter++);
  stack.push(start);
  onStack.add(start);
  while (work.length > 0) {
    const frame = work[work.length - 1];
    const [node, i] = frame;
    const next = edges.get(node)[i];
    if (next !== undefined) {
      frame[1]++;
      if (!order.has(next)) {
        order.set(next, counter);
        low.set(next, counter++);
        stack.push(next);
        onStack.add(next);
        work.push([next, 0]);
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), order.get(next)));
      }
      continue;
    }
    work.pop();
    if (work.length > 0) {
      const parent = work[work.length - 1][0];
      low.set(parent, Math.min(low.get(parent), low.get(node)));
    }
    if (low.get(node) === order.get(node)) {
      const component = new Set();
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.add(member);
      } while (member !== node);
      if (component.size > 1 || edges.get(node).includes(node)) {
        problems.push(`import cycle: ${cyclePath(node, component).join(" -> ")}`);
      }
    }
  }
}
function cyclePath(from, component) {
  // Breadth-first inside the component, back to where it started.
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of edges.get(node)) {
      if (next === from) {
        const trail = [from];
        for (let at = node; at !== null && at !== from; at = previous.get(at)) trail.splice(1, 0, at);
        return [...trail, from];
      }
      if (component.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component];
}
for (const file of tsFiles) if (!order.has(file)) visit(file);

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `check-house: ${files.length} files, nothing reaches outside the repository; ${tsFiles.length} modules of core and store, no import cycle`,
);
