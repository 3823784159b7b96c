// House rules that no linter knows, run by `npm run lint` (so by `npm test` and CI):
// - no file of the project reaches outside the repository for its inputs: a user's clone has nothing beside it, so a
//   test that reads `../shared/...` passes on a developer's machine and fails on theirs.
// - no import cycle inside core or store, type-only imports included: a cycle means two modules cannot be read (or
//   moved) apart, which is how `ports/index.ts` once grew to hold every feature's port.
// - every package declares what it imports: a production file's bare imports are in its package.json
//   `dependencies`; a test's, a test helper's (`testing/`) or a build file's may also be in `devDependencies` (the
//   package's, or the root's shared test tooling: vitest, fast-check, @types/node…). A type-only import may be
//   declared as its `@types/` package.
// - core's ban list (biome.json, noRestrictedImports for packages/core/src) names every Node builtin of this Node.
// - every path the docs name exists.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
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
const relativeImportRe = /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|^\s*import\s*["'](\.{1,2}\/[^"']+)["']/gm;
for (const file of tsFiles) {
  let text;
  try {
    text = readFileSync(path.join(root, file), "utf8");
  } catch {
    text = ""; // deleted in the work tree
  }
  const targets = [];
  for (const match of text.matchAll(relativeImportRe)) {
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
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), "utf8"));
const rootDev = Object.keys(readJson("package.json").devDependencies ?? {});
const builtins = new Set(builtinModules.flatMap((m) => [m, m.split("/")[0]]));
const packageOf = (specifier) => {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
};
const typesOf = (name) => `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
// import … from "x", export … from "x", import "x", import("x"), require("x"); `import type` is told apart.
const importRe =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?["']([^"'\s]+)["']|(?:import|require)\(\s*["']([^"'\s]+)["']\s*\)/g;
const isSupport = (file) =>
  /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(file) ||
  /(^|\/)testing\//.test(file) ||
  /^packages\/[^/]+\/(build\/|[^/]+\.config\.[cm]?[jt]s$)/.test(file);
let imports = 0;
for (const dir of [...new Set(files.filter((f) => /^packages\/[^/]+\/package\.json$/.test(f)))]) {
  const pkgDir = path.dirname(dir);
  const pkg = readJson(dir);
  const prod = new Set([pkg.name, ...Object.keys(pkg.dependencies ?? {})]);
  const dev = new Set([...prod, ...Object.keys(pkg.devDependencies ?? {}), ...rootDev]);
  // An optional peer is a package this one can use when it is installed beside it, only by a dynamic import()
  // (the CLI's `kith serve` loads the server this way; every other command runs without it).
  const optionalPeers = new Set(
    Object.entries(pkg.peerDependenciesMeta ?? {})
      .filter(([name, meta]) => meta?.optional && pkg.peerDependencies?.[name])
      .map(([name]) => name),
  );
  for (const file of files) {
    if (!file.startsWith(`${pkgDir}/`) || !/\.[cm]?[jt]sx?$/.test(file) || file.endsWith(".d.ts")) continue;
    let text;
    try {
      text = readFileSync(path.join(root, file), "utf8");
    } catch {
      continue;
    }
    const declared = isSupport(file) ? dev : prod;
    for (const match of text.matchAll(importRe)) {
      const specifier = match[2] ?? match[3];
      if (!specifier || /^[./]/.test(specifier) || specifier.startsWith("node:") || specifier.includes(":")) continue;
      const name = packageOf(specifier);
      if (builtins.has(name)) continue;
      imports += 1;
      if (declared.has(name) || (match[1] && declared.has(typesOf(name)))) continue;
      if (match[3] && match[0].startsWith("import(") && optionalPeers.has(name)) continue;
      const where = isSupport(file) ? "dependencies or devDependencies" : "dependencies";
      const line = text.slice(0, match.index + match[0].indexOf(specifier)).split("\n").length;
      problems.push(`${file}:${line}: imports ${name}, which ${pkgDir}/package.json does not declare in ${where}`);
    }
  }
}

const biome = readJson("biome.json");
const banned = biome.overrides?.find((o) => o.includes?.[0] === "packages/core/src/**")?.linter?.rules?.style
  ?.noRestrictedImports?.options?.paths;
for (const m of builtinModules.filter((b) => !b.startsWith("_"))) {
  for (const name of [`node:${m}`, m]) {
    if (!banned?.[name]) problems.push(`biome.json: core's noRestrictedImports does not name the Node builtin ${name}`);
  }
}

// The docs point at real files: a path named in ARCHITECTURE.md, CODE_STYLE.md or the README (`core/src/…`,
// `e2e/…`, `scripts/…`, `bench/…`) must exist, or be one git ignores (screenshots). A moved file makes this fail
// until the docs follow it.
let docPaths = 0;
const docPathRe =
  /`((?:core|store|server|cli|web|runtime|api)\/src\/[^`\s(),<>*{}]+|(?:e2e|scripts|bench|packages)\/[^`\s(),<>*{}]+)`/g;
for (const doc of ["docs/ARCHITECTURE.md", "docs/CODE_STYLE.md", "README.md"]) {
  const text = readFileSync(path.join(root, doc), "utf8");
  for (const match of text.matchAll(docPathRe)) {
    const named = match[1].replace(/[.:]$/, "");
    const relative = /^(e2e|scripts|bench|packages)\//.test(named) ? named : `packages/${named}`;
    docPaths += 1;
    if (existsSync(path.join(root, relative))) continue;
    // A path that is not there yet (a build's output in a fresh clone) may be ignored as a folder: ask both ways.
    const ignored = [relative, `${relative.replace(/\/$/, "")}/`].some((p) => {
      try {
        execFileSync("git", ["check-ignore", "-q", p], { cwd: root });
        return true;
      } catch {
        return false;
      }
    });
    if (!ignored) {
      const line = text.slice(0, match.index).split("\n").length;
      problems.push(`${doc}:${line}: names ${named}, which does not exist`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(
  `check-house: ${files.length} files, nothing reaches outside the repository; ${tsFiles.length} modules of core and store, no import cycle; ${imports} package imports declared; core bans every Node builtin; ${docPaths} paths in the docs exist`,
);
