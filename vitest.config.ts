import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // `*.alone.test.ts` are timed and run by themselves: `npm run test:fairness` (vitest.alone.config.ts).
    exclude: ["**/node_modules/**", "e2e/**", "**/*.alone.test.ts"],
    // Repository tests share one PostgreSQL database (each in its own schema); keep files parallel but bounded.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // `npx vitest run` runs both; `--project dom` runs only the web's component tests.
    projects: [
      { extends: true, test: { name: "node", include: ["packages/*/src/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "dom",
          // The web's components, rendered in a DOM (happy-dom) and driven through Testing Library.
          include: ["packages/web/src/**/*.test.tsx"],
          environment: "happy-dom",
          setupFiles: ["packages/web/src/testing/dom-setup.ts"],
        },
      },
    ],
  },
});
