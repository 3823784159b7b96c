// Kept for the benchmarks (bench/): these now live in the composition root, @kith/runtime.
export {
  type Config,
  loadConfig,
  openDelivery,
  openRuntime,
  randomIds,
  randomSecrets,
  systemClock,
} from "@kith/runtime";
export { type AppContext, buildApp } from "./app.ts";
