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
  sourcemap: true,
  plugins: [ownCode],
  logLevel: "warning",
});
