import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { serviceWorker } from "./build/service-worker-plugin.ts";

const apiTarget = process.env.KITH_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react(), serviceWorker(fileURLToPath(new URL("./src/sw/sw-template.js", import.meta.url)))],
  build: {
    target: "es2022",
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: {
    // The API only accepts writes from its own origin, so the dev proxy presents itself as that origin.
    proxy: {
      "/api": {
        target: apiTarget,
        changeOrigin: true,
        configure: (proxy) => proxy.on("proxyReq", (req) => req.setHeader("origin", new URL(apiTarget).origin)),
      },
    },
  },
});
