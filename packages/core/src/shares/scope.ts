import { type AccessScope, type Actor, requireRole } from "../accounts/roles.ts";
import { forbidden } from "../shared/errors.ts";

const NOTHING: AccessScope = { tags: [], jobSearch: false };

/** The actor's scope: null for every role but coach (they see the whole account); a coach without a row sees nothing. */
export function scopeOf(actor: Actor): AccessScope | null {
  if (actor.role !== "coach") return null;
  return actor.scope ?? NOTHING;
}

/** Whether the actor may see a contact carrying `tags` (as stored: trimmed, any case). */
export function sharesContact(actor: Actor, tags: readonly string[]): boolean {
  const scope = scopeOf(actor);
  if (!scope) return true;
  const wanted = new Set(scope.tags);
  return tags.some((t) => wanted.has(t.trim().toLowerCase()));
}

/** The tags a contact list is limited to (undefined: no limit). */
export function sharedTags(actor: Actor): readonly string[] | undefined {
  return scopeOf(actor)?.tags;
}

/** Refuses a coach the job search unless the owner shared it. */
export function requireJobSearchShared(actor: Actor): void {
  const scope = scopeOf(actor);
  if (scope && !scope.jobSearch) throw forbidden("the job search is not shared with you in this account");
}

/** A read of the job search: any member, and a coach it is shared with (a coach ranks below viewer otherwise). */
export function requireJobSearchReader(actor: Actor): void {
  if (actor.role === "coach") requireJobSearchShared(actor);
  else requireRole(actor, "viewer");
}
