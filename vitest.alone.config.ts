import { defineConfig } from "vitest/config";

/**
 * The timed tests (`*.alone.test.ts`): `npm run test:fairness` runs them one file at a time, with nothing else on
 * the machine's cores from this suite. The main config leaves them out.
 */
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.alone.test.ts"],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
