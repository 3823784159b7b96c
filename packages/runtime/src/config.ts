import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** A request-body limit in bytes: at least 1 KB, at most 1 GB. */
const bodyBytes = (defaultBytes: number) =>
  z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(defaultBytes);

/**
 * Which proxies in front of Kith to believe about the client's address (`X-Forwarded-For`), for the sign-in
 * throttle and the sessions list: `false` (none: the socket's address), `true` (any: only behind a proxy that
 * overwrites the header), a hop count, or a comma-separated list of addresses and CIDR ranges. Passed to Fastify's
 * `trustProxy` as it is.
 */
export type TrustProxy = boolean | number | string[];

const trustProxySchema = z
  .string()
  .trim()
  .default("false")
  .transform((value, ctx): TrustProxy => {
    if (value === "false" || value === "") return false;
    if (value === "true") return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(",").map((v) => v.trim());
    const bad = entries.find((entry) => {
      const [address, bits, ...rest] = entry.split("/");
      const family = isIP(address ?? "");
      if (family === 0 || rest.length > 0) return true;
      if (bits === undefined) return false;
      return !/^\d+$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128);
    });
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `'${bad}' is not an address or CIDR range; use false, true, a hop count or a list such as 10.0.0.0/8`,
      });
      return z.NEVER;
    }
    return entries;
  });

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
  /** The key that seals stored secrets (members' SMTP passwords): 32 bytes in base64; derived from the auth secret when unset. */
  KITH_SECRET_KEY: z
    .string()
    .trim()
    .refine(
      (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32,
      "must be 32 bytes in base64 (openssl rand -base64 32)",
    )
    .optional(),
  /**
   * Whether people may create accounts once the first user exists (an invitation admits its address either way).
   * Default: open when SMTP is configured (a sign-up is then confirmed by a mailed link, so it cannot tell whether an
   * address is registered), closed otherwise.
   */
  KITH_ALLOW_SIGNUP: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()),
  KITH_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  KITH_SQLITE_SYNCHRONOUS: z.enum(["normal", "full"]).default("normal"),
  KITH_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Test-only: the server's "now" is read from this file when it exists (browser journeys move time with it). */
  KITH_CLOCK_FILE: z.string().optional(),
  /**
   * Test-only: the article fetcher may reach loopback (127.0.0.0/8, ::1; nothing else private), for the browser
   * journeys' own article server. Never set it on a real server.
   */
  KITH_TEST_ALLOW_LOOPBACK_FETCH: z.enum(["0", "1"]).default("0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  KITH_SCHEDULER: z.enum(["true", "false"]).default("true"),
  KITH_SCHEDULER_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  KITH_DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  /** Largest import upload (request body) in bytes; above it the server answers 413 before reading the body. */
  KITH_IMPORT_MAX_BYTES: bodyBytes(20 * 1024 * 1024),
  /** Largest backup restore (request body) in bytes; above it the server answers 413 before reading the body. */
  KITH_RESTORE_MAX_BYTES: bodyBytes(256 * 1024 * 1024),
  KITH_WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"]).default("false"),
  /** SQLite only: where the daily online backups go (default `<KITH_DATA_DIR>/backups`). */
  KITH_BACKUP_DIR: z.string().min(1).optional(),
  /** SQLite only: how many daily backups to keep; 0 turns them off. */
  KITH_BACKUP_KEEP: z.coerce.number().int().min(0).max(1000).default(14),
  KITH_TRUST_PROXY: trustProxySchema,
  /** Members' mailboxes watched with IMAP IDLE at most by one server instance (one connection each); 0: poll only. */
  KITH_MAILBOX_IDLE_MAX: z.coerce.number().int().min(0).max(1000).default(20),
  IMAP_HOST: z.string().min(1).optional(),
  IMAP_PORT: z.coerce.number().int().min(1).max(65535).default(993),
  IMAP_SECURE: z.enum(["true", "false"]).default("true"),
  IMAP_USER: z.string().min(1).optional(),
  IMAP_PASS: z.string().min(1).optional(),
  IMAP_MAILBOX: z.string().min(1).default("INBOX"),
  KITH_REPLY_TO: z.email().optional(),
  /** Single sign-on: the OpenID provider's issuer (or its `/.well-known/openid-configuration` address). */
  KITH_OIDC_ISSUER: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  KITH_OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  KITH_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** The provider's name on the sign-in button ("Sign in with Authentik"). */
  KITH_OIDC_NAME: z.string().trim().min(1).max(60).optional(),
});

/**
 * Single sign-on through an OpenID Connect provider (Authelia, Authentik, Keycloak, Google…); null unless
 * KITH_OIDC_ISSUER is set. The redirect URI to register with the provider is `<public URL>/api/auth/callback/oidc`.
 */
export interface OidcConfig {
  /** Kith's name for the provider: the last part of the callback path. */
  providerId: "oidc";
  /** The discovery document's address (`<issuer>/.well-known/openid-configuration`). */
  discoveryUrl: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret: string | undefined;
  /** Shown on the sign-in page: "Sign in with <name>". */
  name: string;
}

/** SMTP settings; null when `SMTP_HOST` is unset (then nothing is mailed; webhooks still go out). */
export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  pass: string | undefined;
  from: string;
}

/**
 * The mailbox replies to digests arrive in; null unless IMAP_HOST and SMTP are both set (an answer must be able to
 * go out). `replyTo` is the address digests name in their Reply-To.
 */
export interface ImapConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
  replyTo: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Links in mail and the allowed Origin are built from this, never from a request's Host header. */
  publicUrl: string;
  /**
   * The origins whose cookie-carrying writes are accepted: the public URL's. With no KITH_PUBLIC_URL and a loopback
   * HOST (the default local set-up), both spellings of the local address, `http://localhost:PORT` and
   * `http://127.0.0.1:PORT`, since either may be typed or printed (Fastify logs the address it listens on).
   */
  allowedOrigins: string[];
  authSecret: string;
  /** `KITH_SECRET_KEY` (base64, 32 bytes), or undefined: stored secrets are sealed under a key derived from authSecret. */
  secretKey: string | undefined;
  allowSignup: boolean;
  dbPoolSize: number;
  /** Server processes sharing the port (`cluster.ts`); 1 serves from this process alone. */
  workers: number;
  /** SQLite's fsync policy (see `DatabaseConfig.synchronous`). */
  sqliteSynchronous: "normal" | "full";
  logLevel: string;
  clockFile: string | undefined;
  smtp: SmtpConfig | null;
  /** A delivery's lease outlives its longest SMTP attempt; a dead instance's deliveries are taken over after it. */
  scheduler: { enabled: boolean; tickSeconds: number; leaseSeconds: number };
  /** Imports: the largest upload accepted (bytes). */
  imports: { maxBytes: number };
  /**
   * Backups: the largest restore accepted (bytes); on SQLite, the folder of the daily online backups of the
   * database and how many are kept (`daily` is off on PostgreSQL, which pg_dump backs up, and when keep is 0).
   */
  backups: { maxRestoreBytes: number; dir: string; keep: number; daily: boolean };
  /** Webhook targets on private, loopback and other non-public addresses are refused unless this allows them. */
  webhooks: { allowPrivate: boolean };
  /** Test-only (KITH_TEST_ALLOW_LOOPBACK_FETCH=1): article fetches may reach loopback. Off by default. */
  articles: { allowLoopbackForTests: boolean };
  /** Which proxies' `X-Forwarded-For` gives the client's address (see `TrustProxy`). */
  trustProxy: TrustProxy;
  imap: ImapConfig | null;
  /** Mailboxes one instance watches with IMAP IDLE at most (`KITH_MAILBOX_IDLE_MAX`; 0: polling only). */
  mailboxIdleMax: number;
  oidc: OidcConfig | null;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.KITH_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const smtp = smtpOf(e, publicUrl);
  const local = e.KITH_PUBLIC_URL === undefined && LOOPBACK_HOSTS.has(e.HOST);
  const allowedOrigins = local
    ? [...new Set([publicUrl, `http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`])]
    : [new URL(publicUrl).origin];
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.KITH_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    allowedOrigins,
    authSecret: e.KITH_AUTH_SECRET ?? secretForEmbedded(e.KITH_DATA_DIR, e.DATABASE_URL),
    secretKey: e.KITH_SECRET_KEY,
    allowSignup: e.KITH_ALLOW_SIGNUP === undefined ? smtp !== null : e.KITH_ALLOW_SIGNUP === "true",
    dbPoolSize: e.KITH_DB_POOL,
    sqliteSynchronous: e.KITH_SQLITE_SYNCHRONOUS,
    workers: e.KITH_WORKERS,
    logLevel: e.LOG_LEVEL,
    clockFile: e.KITH_CLOCK_FILE,
    smtp,
    scheduler: {
      enabled: e.KITH_SCHEDULER === "true",
      tickSeconds: e.KITH_SCHEDULER_TICK_SECONDS,
      leaseSeconds: e.KITH_DELIVERY_LEASE_SECONDS,
    },
    imports: { maxBytes: e.KITH_IMPORT_MAX_BYTES },
    backups: {
      maxRestoreBytes: e.KITH_RESTORE_MAX_BYTES,
      dir: e.KITH_BACKUP_DIR ?? path.join(e.KITH_DATA_DIR, "backups"),
      keep: e.KITH_BACKUP_KEEP,
      daily: !e.DATABASE_URL && e.KITH_BACKUP_KEEP > 0,
    },
    webhooks: { allowPrivate: e.KITH_WEBHOOK_ALLOW_PRIVATE === "true" },
    articles: { allowLoopbackForTests: e.KITH_TEST_ALLOW_LOOPBACK_FETCH === "1" },
    trustProxy: e.KITH_TRUST_PROXY,
    imap: imapOf(e, smtp),
    mailboxIdleMax: e.KITH_MAILBOX_IDLE_MAX,
    oidc: oidcOf(e),
  };
}

const DISCOVERY_PATH = "/.well-known/openid-configuration";

function oidcOf(e: z.output<typeof envSchema>): OidcConfig | null {
  if (!e.KITH_OIDC_ISSUER) {
    if (e.KITH_OIDC_CLIENT_ID || e.KITH_OIDC_CLIENT_SECRET) {
      throw new Error("invalid configuration:\n  KITH_OIDC_ISSUER: required with KITH_OIDC_CLIENT_ID");
    }
    return null;
  }
  if (!e.KITH_OIDC_CLIENT_ID) {
    throw new Error("invalid configuration:\n  KITH_OIDC_CLIENT_ID: required with KITH_OIDC_ISSUER");
  }
  const issuer = e.KITH_OIDC_ISSUER.replace(/\/+$/, "");
  return {
    providerId: "oidc",
    discoveryUrl: issuer.endsWith(DISCOVERY_PATH) ? issuer : `${issuer}${DISCOVERY_PATH}`,
    clientId: e.KITH_OIDC_CLIENT_ID,
    clientSecret: e.KITH_OIDC_CLIENT_SECRET,
    name: e.KITH_OIDC_NAME ?? "single sign-on",
  };
}

/** The reply address: KITH_REPLY_TO, else the IMAP login when it is an address, else SMTP_FROM's address. */
function imapOf(e: z.output<typeof envSchema>, smtp: SmtpConfig | null): ImapConfig | null {
  if (!e.IMAP_HOST || !smtp) return null;
  if (!e.IMAP_USER || !e.IMAP_PASS) {
    throw new Error("invalid configuration:\n  IMAP_USER, IMAP_PASS: required with IMAP_HOST");
  }
  const fromAddress = /<([^<>]+)>\s*$/.exec(smtp.from)?.[1] ?? smtp.from.trim();
  const replyTo = e.KITH_REPLY_TO ?? (e.IMAP_USER.includes("@") ? e.IMAP_USER : fromAddress);
  return {
    host: e.IMAP_HOST,
    port: e.IMAP_PORT,
    secure: e.IMAP_SECURE === "true",
    user: e.IMAP_USER,
    pass: e.IMAP_PASS,
    mailbox: e.IMAP_MAILBOX,
    replyTo,
  };
}

function smtpOf(e: z.output<typeof envSchema>, publicUrl: string): SmtpConfig | null {
  if (!e.SMTP_HOST) return null;
  if (e.SMTP_USER && !e.SMTP_PASS) throw new Error("invalid configuration:\n  SMTP_PASS: required with SMTP_USER");
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE === "true",
    user: e.SMTP_USER,
    pass: e.SMTP_PASS,
    from: e.SMTP_FROM ?? `Kith <kith@${new URL(publicUrl).hostname}>`,
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
