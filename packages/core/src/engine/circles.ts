// Which interval applies to a contact: its own override beats its tags', which beat its circle's. Circles of mode
// occasions-only or none have no cadence at all, and no override brings one back — moving on must stick until the
// owner changes the circle (an old override must not silently resume nagging).

import { EngineInputError, requireInteger } from "./errors.ts";
import type { CircleDefinition } from "./settings.ts";

export { type CircleDefinition, defaultCircles } from "./settings.ts";

export interface CadenceOverride {
  idealDays: number;
  /** When absent, the circle's max/ideal ratio is kept (e.g. 30/45 → an override of 20 gets 30). */
  maxDays?: number | null;
}

export interface TagCadenceOverride extends CadenceOverride {
  tag: string;
}

export type CadenceSource = "circle" | "tag" | "contact";

export type EffectiveCadence =
  | { mode: "cadence"; idealDays: number; maxDays: number; source: CadenceSource; tag?: string }
  | { mode: "occasions-only" }
  | { mode: "none" };

export interface EffectiveCadenceInput {
  circle: CircleDefinition;
  tagOverrides?: readonly TagCadenceOverride[];
  contactOverride?: CadenceOverride | null;
}

export function resolveCircle(circles: Readonly<Record<string, CircleDefinition>>, name: string): CircleDefinition {
  const circle = circles[name];
  if (!circle) throw new EngineInputError("circle", `unknown circle ${JSON.stringify(name)}`);
  return circle;
}

function resolveOverride(
  field: string,
  override: CadenceOverride,
  ratio: number,
): { idealDays: number; maxDays: number } {
  const idealDays = requireInteger(`${field}.idealDays`, override.idealDays, 1, 3650);
  if (override.maxDays === undefined || override.maxDays === null) {
    return { idealDays, maxDays: Math.ceil(idealDays * ratio) };
  }
  const maxDays = requireInteger(`${field}.maxDays`, override.maxDays, 1, 3650);
  if (maxDays < idealDays) throw new EngineInputError(`${field}.maxDays`, "must be at least idealDays");
  return { idealDays, maxDays };
}

/** The smallest tag interval wins: the tag that asks for the most attention is the one the owner meant. */
function smallestTagOverride(tagOverrides: readonly TagCadenceOverride[], ratio: number) {
  let best: { idealDays: number; maxDays: number; tag: string } | undefined;
  for (const override of tagOverrides) {
    const resolved = { ...resolveOverride(`tagOverrides[${override.tag}]`, override, ratio), tag: override.tag };
    const better =
      !best ||
      resolved.idealDays < best.idealDays ||
      (resolved.idealDays === best.idealDays && (resolved.maxDays < best.maxDays || resolved.tag < best.tag));
    if (better) best = resolved;
  }
  return best;
}

export function effectiveCadence(input: EffectiveCadenceInput): EffectiveCadence {
  const { circle } = input;
  if (circle.mode !== "cadence") return { mode: circle.mode };
  const ratio = circle.maxDays / circle.idealDays;
  if (input.contactOverride) {
    return { mode: "cadence", ...resolveOverride("contactOverride", input.contactOverride, ratio), source: "contact" };
  }
  const tag = smallestTagOverride(input.tagOverrides ?? [], ratio);
  if (tag) return { mode: "cadence", idealDays: tag.idealDays, maxDays: tag.maxDays, source: "tag", tag: tag.tag };
  return { mode: "cadence", idealDays: circle.idealDays, maxDays: circle.maxDays, source: "circle" };
}
