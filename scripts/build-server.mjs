// Bundles Kith's own TypeScript (every @kith/* workspace) into one ES module that plain Node runs, leaving
// third-party packages to node_modules. Starting from it skips on-the-fly TypeScript compilation: faster to
// ready and lighter in memory than running through tsx.
import { build } from "esbuild";

const ownCode = {
  name: "node-modules-stay-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@kith/") ? undefined : { external: true }));
  },
};

await build({
  // The jobs thread (imports, restores) is its own entry: the server starts it from `dist/jobs-thread.mjs`.
  entryPoints: { server: "packages/server/src/main.ts", "jobs-thread": "packages/server/src/jobs/jobs-thread.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // `npm start` runs with --enable-source-maps, and Node parses a bundle's map when it loads the bundle and keeps it.
  // Stack traces need the mappings, not a second copy of every source file (`sourcesContent`, 1.8 MB of the
  // server's 2.7 MB map): without it the idle server is ~12 MB smaller (bench/memory.ts, bench/RESULTS.md).
  sourcemap: true,
  sourcesContent: false,
  plugins: [ownCode],
  logLevel: "warning",
});
