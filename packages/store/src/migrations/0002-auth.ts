import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * better-auth's tables (users, sessions, password credentials, verification tokens), in the shape its
 * Kysely adapter expects for each dialect, so one migrator owns the whole schema. better-auth's own
 * `account` model is renamed `auth_account`: in Kith, "account" means the tenant.
 */
export function authMigration(dialect: Dialect) {
  const instant = dialect === "sqlite" ? "date" : "timestamptz";
  const flag = dialect === "sqlite" ? "integer" : "boolean";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("user")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("emailVerified", sql.raw(flag), (c) => c.notNull())
        .addColumn("image", "text")
        .addColumn("createdAt", sql.raw(instant), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(instant), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("session")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("expiresAt", sql.raw(instant), (c) => c.notNull())
        .addColumn("token", "text", (c) => c.notNull().unique())
        .addColumn("createdAt", sql.raw(instant), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(instant), (c) => c.notNull())
        .addColumn("ipAddress", "text")
        .addColumn("userAgent", "text")
        .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .execute();
      await db.schema
        .createTable("auth_account")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("accountId", "text", (c) => c.notNull())
        .addColumn("providerId", "text", (c) => c.notNull())
        .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
        .addColumn("accessToken", "text")
        .addColumn("refreshToken", "text")
        .addColumn("idToken", "text")
        .addColumn("accessTokenExpiresAt", sql.raw(instant))
        .addColumn("refreshTokenExpiresAt", sql.raw(instant))
        .addColumn("scope", "text")
        .addColumn("password", "text")
        .addColumn("createdAt", sql.raw(instant), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(instant), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("verification")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("identifier", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("expiresAt", sql.raw(instant), (c) => c.notNull())
        .addColumn("createdAt", sql.raw(instant), (c) => c.notNull())
        .addColumn("updatedAt", sql.raw(instant), (c) => c.notNull())
        .execute();
      await db.schema.createIndex("session_userId_idx").on("session").column("userId").execute();
      await db.schema.createIndex("auth_account_userId_idx").on("auth_account").column("userId").execute();
      await db.schema.createIndex("verification_identifier_idx").on("verification").column("identifier").execute();
    },
  };
}
