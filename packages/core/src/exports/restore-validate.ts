import { z } from "zod";
import { DomainError, type FieldIssue, invalid } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import {
  type Backup,
  backupCompanySchema,
  backupContactSchema,
  backupFollowUpSchema,
  backupInteractionSchema,
  backupSchema,
} from "./backup-schema.ts";

/** Items checked between two turns of the event loop: a few milliseconds of zod each. */
const VALIDATE_SLICE = 2000;

const LISTS = {
  companies: backupCompanySchema,
  contacts: backupContactSchema,
  interactions: backupInteractionSchema,
  followUps: backupFollowUpSchema,
} as const;

/** The backup's frame (format, version, account) with its lists unchecked: they are checked a slice at a time. */
const frameSchema = backupSchema.extend({
  companies: z.array(z.unknown()),
  contacts: z.array(z.unknown()),
  interactions: z.array(z.unknown()),
  followUps: z.array(z.unknown()),
});

async function checkList<S extends z.ZodType>(name: string, schema: S, items: unknown[]): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  const slice = z.array(schema);
  for (let start = 0; start < items.length; start += VALIDATE_SLICE) {
    const result = slice.safeParse(items.slice(start, start + VALIDATE_SLICE));
    if (!result.success) {
      // The same paths as one parse of the whole document would name: "contacts.1234.firstName".
      const issues: FieldIssue[] = result.error.issues.map((issue) => {
        const [index, ...rest] = issue.path;
        return { path: [name, start + Number(index), ...rest].join("."), message: issue.message };
      });
      throw new DomainError("validation", `${issues[0]?.path}: ${issues[0]?.message}`, issues);
    }
    out.push(...result.data);
    await yieldToLoop();
  }
  return out;
}

/**
 * Checks a backup against its schema like `parseInput(backupSchema, …)`, but a slice of rows at a time with a turn
 * of the event loop between slices: a backup of a million rows takes seconds of zod, which would otherwise hold
 * every other request for as long.
 */
export async function validateBackup(input: unknown): Promise<Backup> {
  const frame = parseInput(frameSchema, input);
  return {
    ...frame,
    companies: await checkList("companies", LISTS.companies, frame.companies),
    contacts: await checkList("contacts", LISTS.contacts, frame.contacts),
    interactions: await checkList("interactions", LISTS.interactions, frame.interactions),
    followUps: await checkList("followUps", LISTS.followUps, frame.followUps),
  };
}

export type Refs = Map<string, string>;

export function resolve(refs: Refs, ref: string, path: string): string {
  const id = refs.get(ref);
  if (!id) throw invalid(path, `refers to ${ref}, which is not in the backup`);
  return id;
}

/** Every row's new id by its ref, and every reference checked, before anything is written. */
export interface RestorePlan {
  companyIds: Refs;
  contactIds: Refs;
  interactionIds: Refs;
}

export function planRestore(b: Backup, newId: () => string): RestorePlan {
  const idsOf = (rows: readonly { ref: string }[]): Refs => new Map(rows.map((r) => [r.ref, newId()]));
  const plan = { companyIds: idsOf(b.companies), contactIds: idsOf(b.contacts), interactionIds: idsOf(b.interactions) };
  for (const [i, c] of b.contacts.entries()) {
    if (c.companyRef) resolve(plan.companyIds, c.companyRef, `contacts.${i}.companyRef`);
  }
  for (const [i, x] of b.interactions.entries()) {
    for (const [j, r] of x.contactRefs.entries()) resolve(plan.contactIds, r, `interactions.${i}.contactRefs.${j}`);
  }
  for (const [i, f] of b.followUps.entries()) {
    resolve(plan.contactIds, f.contactRef, `followUps.${i}.contactRef`);
    if (f.interactionRef) resolve(plan.interactionIds, f.interactionRef, `followUps.${i}.interactionRef`);
  }
  return plan;
}
