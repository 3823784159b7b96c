import { type Actor, requireRole } from "../../accounts/roles.ts";
import type { Deps } from "../../ports/index.ts";
import { conflict, invalid } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validate.ts";
import type { MemberMailer, MemberSmtpRecord, SecretSealer, SmtpAccount } from "./send-ports.ts";
import { type MemberSmtp, memberSmtpInputSchema, type SmtpTestResult } from "./send-schemas.ts";

/** What the member's own mail needs besides the store: the sealer of stored passwords and the SMTP client. */
export interface SendingDeps extends Deps {
  sealer: SecretSealer;
  memberMailer: MemberMailer;
}

/** The sealed password's context: it opens only on this member's row. */
const sealContext = (accountId: string, userId: string) => `member-smtp:${accountId}:${userId}`;

const KEY_CHANGED = "the server key changed: set the SMTP password again";

const present = (r: MemberSmtpRecord): MemberSmtp => ({
  host: r.host,
  port: r.port,
  security: r.security,
  user: r.user,
  passwordSet: r.sealedPassword !== null,
  fromName: r.fromName,
  fromAddress: r.fromAddress,
  updatedAt: r.updatedAt,
});

/** The asking member's own SMTP account in this account, or null when none is set. */
export async function getMemberSmtp(deps: Deps, actor: Actor): Promise<MemberSmtp | null> {
  const found = await deps.store.memberSmtp.find(actor.accountId, actor.userId);
  return found ? present(found) : null;
}

/**
 * Saves the member's SMTP account (editors and owners: only they can send). The password is sealed with the server
 * key; omitted, the saved one is kept. A user name needs a password.
 */
export async function saveMemberSmtp(deps: SendingDeps, actor: Actor, input: unknown): Promise<MemberSmtp> {
  requireRole(actor, "editor");
  const data = parseInput(memberSmtpInputSchema, input);
  const existing = await deps.store.memberSmtp.find(actor.accountId, actor.userId);
  const context = sealContext(actor.accountId, actor.userId);
  const sealedPassword =
    data.password !== undefined && data.password !== ""
      ? deps.sealer.seal(data.password, context)
      : data.password === ""
        ? null
        : (existing?.sealedPassword ?? null);
  if (data.user !== "" && sealedPassword === null) {
    throw invalid("password", "Password is needed with a user name");
  }
  const nowAt = deps.clock.now().toISOString();
  const record: MemberSmtpRecord = {
    accountId: actor.accountId,
    userId: actor.userId,
    host: data.host,
    port: data.port,
    security: data.security,
    user: data.user,
    sealedPassword: data.user === "" ? null : sealedPassword,
    fromName: data.fromName,
    fromAddress: data.fromAddress,
    createdAt: existing?.createdAt ?? nowAt,
    updatedAt: nowAt,
  };
  await deps.store.memberSmtp.save(actor.accountId, record);
  return present(record);
}

export async function deleteMemberSmtp(deps: Deps, actor: Actor): Promise<void> {
  requireRole(actor, "editor");
  await deps.store.memberSmtp.delete(actor.accountId, actor.userId);
}

/** The saved account with its password opened; a conflict when none is set or the server key changed. */
export async function memberSmtpAccount(deps: SendingDeps, actor: Actor): Promise<SmtpAccount> {
  const record = await deps.store.memberSmtp.find(actor.accountId, actor.userId);
  if (!record) throw conflict("set up your own email account in Settings first (Send from your own email)");
  return { ...record, password: openPassword(deps, record) };
}

function openPassword(deps: SendingDeps, record: MemberSmtpRecord): string | null {
  if (record.sealedPassword === null) return null;
  try {
    return deps.sealer.open(record.sealedPassword, sealContext(record.accountId, record.userId));
  } catch {
    throw conflict(KEY_CHANGED);
  }
}

/**
 * Connects to the member's server and signs in, sending nothing: the saved account, or the one given (a form not
 * saved yet; without a password, the saved password is tried). Says in words what failed.
 */
export async function testMemberSmtp(deps: SendingDeps, actor: Actor, input?: unknown): Promise<SmtpTestResult> {
  requireRole(actor, "editor");
  let account: SmtpAccount;
  if (input === undefined || input === null) {
    account = await memberSmtpAccount(deps, actor);
  } else {
    const data = parseInput(memberSmtpInputSchema, input);
    const saved = await deps.store.memberSmtp.find(actor.accountId, actor.userId);
    const password = data.password || (saved ? openPassword(deps, saved) : null);
    if (data.user !== "" && !password) throw invalid("password", "Password is needed with a user name");
    account = { ...data, password: data.user === "" ? null : password };
  }
  const outcome = await deps.memberMailer.verify(account);
  return outcome.ok ? { ok: true, error: null } : { ok: false, error: outcome.error };
}
