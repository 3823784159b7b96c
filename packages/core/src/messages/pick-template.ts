import { DEFAULT_TEMPLATES, type DefaultTemplate } from "./default-templates.ts";
import type { StoredTemplate } from "./message-template-port.ts";
import type { DraftSlot, Template } from "./schemas.ts";

export const isDefaultId = (id: string): boolean => id.startsWith("default:");

/**
 * The account's library: Kith's defaults in their order (an account copy replaces a default's text, or hides it),
 * then the account's own templates by name.
 */
export function templateLibrary(stored: readonly StoredTemplate[]): Template[] {
  const byId = new Map(stored.map((t) => [t.id, t]));
  const defaults = DEFAULT_TEMPLATES.map((d): Template => {
    const copy = byId.get(d.id);
    const source = copy ?? d;
    return {
      id: d.id,
      name: source.name,
      channel: source.channel,
      slots: [...source.slots],
      subject: source.subject,
      body: source.body,
      isDefault: true,
      customized: Boolean(copy && !copy.hidden),
      hidden: Boolean(copy?.hidden),
      updatedAt: copy?.updatedAt ?? null,
    };
  });
  const own = stored
    .filter((t) => !isDefaultId(t.id))
    .map(
      (t): Template => ({
        id: t.id,
        name: t.name,
        channel: t.channel,
        slots: [...t.slots],
        subject: t.subject,
        body: t.body,
        isDefault: false,
        customized: false,
        hidden: false,
        updatedAt: t.updatedAt,
      }),
    );
  return [...defaults, ...own];
}

const minGapOf = (id: string): number =>
  (DEFAULT_TEMPLATES.find((d) => d.id === id) as DefaultTemplate | undefined)?.minGapDays ?? 0;

/**
 * The template for a slot: the account's own templates first (the most recently edited), then the defaults — among
 * them the one whose `minGapDays` the gap reaches, longest first ("it's been a while" after four months). No
 * template fits: the check-in, even if hidden (a draft is never missing).
 */
export function pickTemplate(library: readonly Template[], slot: DraftSlot, gapDays: number | null): Template {
  const fits = library.filter((t) => !t.hidden && t.slots.includes(slot));
  const own = fits
    .filter((t) => !t.isDefault)
    .sort((a, b) => (b.updatedAt ?? "").localeCompare(a.updatedAt ?? "") || a.id.localeCompare(b.id));
  if (own[0]) return own[0];
  const defaults = fits.filter((t) => minGapOf(t.id) <= (gapDays ?? 0)).sort((a, b) => minGapOf(b.id) - minGapOf(a.id));
  if (defaults[0]) return defaults[0];
  const checkIn = library.find((t) => t.id === "default:check-in");
  if (checkIn) return checkIn;
  throw new Error("the default check-in template is missing");
}
