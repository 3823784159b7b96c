import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Everything configurable comes from the environment, validated once at start-up with a clear error. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  KITH_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  KITH_PUBLIC_URL: z.url().optional(),
  KITH_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  KITH_ALLOW_SIGNUP: z.enum(["true", "false"]).default("true"),
  KITH_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  /** Test-only: the server's "now" is read from this file when it exists (browser journeys move time with it). */
  KITH_CLOCK_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Links in mail and the allowed Origin are built from this, never from a request's Host header. */
  publicUrl: string;
  authSecret: string;
  allowSignup: boolean;
  dbPoolSize: number;
  logLevel: string;
  clockFile: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.KITH_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.KITH_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    authSecret: e.KITH_AUTH_SECRET ?? secretForEmbedded(e.KITH_DATA_DIR, e.DATABASE_URL),
    allowSignup: e.KITH_ALLOW_SIGNUP === "true",
    dbPoolSize: e.KITH_DB_POOL,
    logLevel: e.LOG_LEVEL,
    clockFile: e.KITH_CLOCK_FILE,
  };
}

/**
 * On the embedded default a secret is made once and kept beside the data (mode 0600), so `npm start` needs no
 * set-up. Several instances on PostgreSQL must share one: there it has to be given.
 */
function secretForEmbedded(dataDir: string, databaseUrl: string | undefined): string {
  if (databaseUrl) throw new Error("invalid configuration:\n  KITH_AUTH_SECRET: required when DATABASE_URL is set");
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
