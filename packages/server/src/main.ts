import cluster from "node:cluster";
import { loadConfig, openRuntime } from "@kith/runtime";
import { buildApp } from "./app.ts";
import { runPrimary, runsBackgroundJobs } from "./cluster.ts";
import { startBackgroundJobs } from "./delivery/start-scheduler.ts";

async function main() {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config);
  const { open, deps } = await openRuntime(config);
  const { app } = await buildApp({ config, open, deps });
  const scheduler = runsBackgroundJobs() ? startBackgroundJobs(config, deps, app.log) : null;
  const close = async () => {
    await scheduler?.stop();
    await app.close();
    await open.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  await app.listen({ port: config.port, host: config.host });
  if (config.clockFile) app.log.warn(`test clock: "now" is read from ${config.clockFile} while it exists`);
  app.log.info(`Kith is ready: open ${config.publicUrl} (API docs at ${config.publicUrl}/api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
