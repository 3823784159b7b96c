import type {
  Account,
  AccountRepository,
  ApiToken,
  ApiTokenRecord,
  ApiTokenRepository,
  Membership,
  MembershipRepository,
  Role,
  UpdateAccountInput,
  UserDirectory,
  UserSession,
} from "@kith/core";
import { decodeCursor, type Page, type PageQuery, toPage } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { fromFlag, toFlag } from "./json.ts";

export class KyselyAccountRepository implements AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: Account & { settings: string }): Promise<void> {
    await this.db
      .insertInto("account")
      .values({
        id: a.id,
        name: a.name,
        time_zone: a.timeZone,
        country: a.country,
        settings: a.settings,
        created_at: a.createdAt,
      })
      .execute();
  }

  async findById(accountId: string) {
    const r = await this.db.selectFrom("account").selectAll().where("id", "=", accountId).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      timeZone: r.time_zone,
      country: r.country,
      settings: r.settings,
      createdAt: r.created_at,
    };
  }

  async update(accountId: string, patch: UpdateAccountInput): Promise<void> {
    const set = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
      ...(patch.country !== undefined ? { country: patch.country } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable("account").set(set).where("id", "=", accountId).execute();
  }

  async updateSettings(accountId: string, settingsJson: string): Promise<void> {
    await this.db.updateTable("account").set({ settings: settingsJson }).where("id", "=", accountId).execute();
  }
}

export class KyselyMembershipRepository implements MembershipRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private base() {
    return this.db
      .selectFrom("membership as m")
      .innerJoin("user as u", "u.id", "m.user_id")
      .select(["m.account_id", "m.user_id", "m.role", "m.created_at", "u.email", "u.name"]);
  }

  private static toMembership(r: {
    account_id: string;
    user_id: string;
    role: string;
    created_at: string;
    email: string;
    name: string;
  }): Membership {
    return {
      accountId: r.account_id,
      userId: r.user_id,
      role: r.role as Role,
      createdAt: r.created_at,
      email: r.email,
      name: r.name,
    };
  }

  async insert(m: { accountId: string; userId: string; role: Role; createdAt: string }): Promise<void> {
    await this.db
      .insertInto("membership")
      .values({ account_id: m.accountId, user_id: m.userId, role: m.role, created_at: m.createdAt })
      .execute();
  }

  async find(accountId: string, userId: string): Promise<Membership | null> {
    const r = await this.base()
      .where("m.account_id", "=", accountId)
      .where("m.user_id", "=", userId)
      .executeTakeFirst();
    return r ? KyselyMembershipRepository.toMembership(r) : null;
  }

  async listForUser(userId: string): Promise<Membership[]> {
    const rows = await this.base().where("m.user_id", "=", userId).orderBy("m.created_at").execute();
    return rows.map(KyselyMembershipRepository.toMembership);
  }

  async listForAccount(accountId: string): Promise<Membership[]> {
    const rows = await this.base().where("m.account_id", "=", accountId).orderBy("m.created_at").execute();
    return rows.map(KyselyMembershipRepository.toMembership);
  }

  /** Oldest member first; keyset on (createdAt, userId). */
  async pageForAccount(accountId: string, page: PageQuery): Promise<Page<Membership>> {
    let q = this.base().where("m.account_id", "=", accountId);
    const after = decodeCursor(page.cursor);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb("m.created_at", ">", after.key),
          eb.and([eb("m.created_at", "=", after.key), eb("m.user_id", ">", after.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy("m.created_at")
      .orderBy("m.user_id")
      .limit(page.limit + 1)
      .execute();
    return toPage(rows.map(KyselyMembershipRepository.toMembership), page.limit, (m) => ({
      key: m.createdAt,
      id: m.userId,
    }));
  }

  async updateRole(accountId: string, userId: string, role: Role): Promise<void> {
    await this.db
      .updateTable("membership")
      .set({ role })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .execute();
  }

  async remove(accountId: string, userId: string): Promise<void> {
    await this.db.deleteFrom("membership").where("account_id", "=", accountId).where("user_id", "=", userId).execute();
  }
}

export class KyselyUserDirectory implements UserDirectory {
  constructor(private readonly db: Kysely<Database>) {}

  async findByEmail(email: string) {
    const r = await this.db
      .selectFrom("user")
      .select(["id", "email", "name"])
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
    return r ?? null;
  }

  async isEmailVerified(userId: string): Promise<boolean> {
    const r = await this.db.selectFrom("user").select("emailVerified").where("id", "=", userId).executeTakeFirst();
    return r ? fromFlag(r.emailVerified) : false;
  }

  async listSessions(userId: string, nowAt: string): Promise<UserSession[]> {
    const rows = await this.db
      .selectFrom("session")
      .select(["id", "userAgent", "ipAddress", "createdAt", "updatedAt", "expiresAt"])
      .where("userId", "=", userId)
      .execute();
    return rows
      .filter((r) => instant(r.expiresAt) > nowAt)
      .map((r) => ({
        id: r.id,
        userAgent: r.userAgent,
        address: r.ipAddress,
        createdAt: instant(r.createdAt),
        lastSeenAt: instant(r.updatedAt),
      }))
      .sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : a.id < b.id ? -1 : 1));
  }

  async removeSession(userId: string, sessionId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("session")
      .where("userId", "=", userId)
      .where("id", "=", sessionId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async removeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
    const r = await this.db
      .deleteFrom("session")
      .where("userId", "=", userId)
      .where("id", "!=", keepSessionId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async changeEmail(userId: string, email: string): Promise<boolean> {
    const address = email.trim().toLowerCase();
    const taken = await this.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", address)
      .where("id", "!=", userId)
      .executeTakeFirst();
    if (taken) return false;
    try {
      const r = await this.db
        .updateTable("user")
        .set({ email: address, emailVerified: toFlag(true) })
        .where("id", "=", userId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    } catch (error) {
      // Taken at the same moment by someone else: the unique index decides.
      if (/unique/i.test(String(error))) return false;
      throw error;
    }
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom("user")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

/** better-auth's instants come back as a Date (PostgreSQL), ISO text or epoch milliseconds (SQLite). */
function instant(value: Date | string | number): string {
  return new Date(value).toISOString();
}

export class KyselyApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(t: ApiTokenRecord): Promise<void> {
    await this.db
      .insertInto("api_token")
      .values({
        id: t.id,
        account_id: t.accountId,
        user_id: t.userId,
        name: t.name,
        prefix: t.prefix,
        token_hash: t.tokenHash,
        created_at: t.createdAt,
        last_used_at: t.lastUsedAt,
        revoked_at: t.revokedAt,
      })
      .execute();
  }

  async findActiveByHash(tokenHash: string): Promise<(ApiTokenRecord & { role: Role }) | null> {
    // The membership as `memberships.find` reads it (its user row included), in the same statement.
    const r = await this.db
      .selectFrom("api_token as t")
      .innerJoin("membership as m", (join) =>
        join.onRef("m.account_id", "=", "t.account_id").onRef("m.user_id", "=", "t.user_id"),
      )
      .innerJoin("user as u", "u.id", "m.user_id")
      .selectAll("t")
      .select("m.role")
      .where("t.token_hash", "=", tokenHash)
      .where("t.revoked_at", "is", null)
      .executeTakeFirst();
    if (!r) return null;
    return {
      role: r.role as Role,
      id: r.id,
      accountId: r.account_id,
      userId: r.user_id,
      name: r.name,
      prefix: r.prefix,
      tokenHash: r.token_hash,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    };
  }

  /** Oldest first; keyset on (createdAt, id). Revoked tokens are not listed. */
  async listForMember(accountId: string, userId: string, page: PageQuery): Promise<Page<ApiToken>> {
    let q = this.db
      .selectFrom("api_token")
      .select(["id", "name", "prefix", "created_at", "last_used_at"])
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null);
    const after = decodeCursor(page.cursor);
    if (after) {
      q = q.where((eb) =>
        eb.or([eb("created_at", ">", after.key), eb.and([eb("created_at", "=", after.key), eb("id", ">", after.id)])]),
      );
    }
    const rows = await q
      .orderBy("created_at")
      .orderBy("id")
      .limit(page.limit + 1)
      .execute();
    const tokens = rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    }));
    return toPage(tokens, page.limit, (t) => ({ key: t.createdAt, id: t.id }));
  }

  async revoke(accountId: string, userId: string, id: string, revokedAt: string): Promise<boolean> {
    const res = await this.db
      .updateTable("api_token")
      .set({ revoked_at: revokedAt })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async touch(id: string, lastUsedAt: string): Promise<void> {
    await this.db.updateTable("api_token").set({ last_used_at: lastUsedAt }).where("id", "=", id).execute();
  }

  async revokeForMember(accountId: string, userId: string, revokedAt: string): Promise<void> {
    await this.db
      .updateTable("api_token")
      .set({ revoked_at: revokedAt })
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }
}
