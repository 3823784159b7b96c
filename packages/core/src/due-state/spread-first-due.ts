import type { Contact } from "../contacts/schemas.ts";
import type { HistorySummary } from "../engine/index.ts";
import type { Repositories } from "../ports/index.ts";
import { addDays } from "../time/index.ts";
import type { DerivedState } from "./due-state-port.ts";
import type { EngineContext } from "./engine-context.ts";
import { derivedStateOf } from "./refresh-contacts.ts";

/**
 * The days from tomorrow on, each with room for `dailyCap` contacts falling due: what is stored already counts.
 * `take` gives the first day on or after a date that has room, and fills it.
 *
 * A full day stays full, so each full day remembers a later day to look from (path compression): a big import's
 * backlog fills thousands of days one after another, and walking them day by day for every contact made a chunk
 * quadratic in the account's size (a 20,000-row import held the event loop for seconds a chunk).
 */
export class DueSlots {
  private readonly skip = new Map<string, string>();

  constructor(
    private readonly counts: Map<string, number>,
    private readonly cap: number,
    private readonly firstOn: string,
  ) {}

  take(on: string): string {
    let day = on < this.firstOn ? this.firstOn : on;
    const full: string[] = [];
    while ((this.counts.get(day) ?? 0) >= this.cap) {
      full.push(day);
      day = this.skip.get(day) ?? addDays(day, 1);
    }
    for (const passed of full) this.skip.set(passed, day);
    this.counts.set(day, (this.counts.get(day) ?? 0) + 1);
    return day;
  }
}

/** The account's slots as stored now (one grouped read), for the contacts one import chunk creates. */
export async function dueSlotsOf(tx: Repositories, ctx: EngineContext): Promise<DueSlots> {
  const tomorrowOn = addDays(ctx.todayOn, 1);
  const counts = await tx.dueState.dueCountsFrom(ctx.accountId, tomorrowOn);
  return new DueSlots(counts, ctx.settings.engine.dailyCap, tomorrowOn);
}

/**
 * New contacts' derived states with their first cadence dates spread (after a big import): a cadence that is due
 * already (a connection made years ago) or on a crowded day waits for the first day from tomorrow with room under
 * the daily cap. Only the cadence waits (`cadenceFromOn`): a birthday or a follow-up keeps its date. Contacts whose
 * own first date is still ahead take their days first, then the backlog fills the days left, each in the order
 * given (file order). A run spreads from what was stored when it began and what its own chunks took, so a resumed
 * import spreads as an uninterrupted one. Answers in the order given.
 */
export function spreadFirstDue(
  news: readonly { contact: Contact; history: HistorySummary }[],
  ctx: EngineContext,
  slots: DueSlots,
): { contact: Contact; derived: DerivedState }[] {
  const natural = news.map(({ contact, history }) => ({
    contact,
    history,
    derived: derivedStateOf(contact, history, [], ctx),
  }));
  const ahead = (n: (typeof natural)[number]) => (n.derived.due?.nextDueOn ?? "") > ctx.todayOn;
  const order = [...natural.keys()].sort((a, b) => Number(!ahead(natural[a]!)) - Number(!ahead(natural[b]!)) || a - b);
  const out: { contact: Contact; derived: DerivedState }[] = natural.map(({ contact, derived }) => ({
    contact,
    derived,
  }));
  for (const i of order) {
    const { contact, history, derived } = natural[i]!;
    const due = derived.due;
    if (due?.detail.kind !== "cadence") continue;
    const slotOn = slots.take(due.nextDueOn);
    if (slotOn === due.nextDueOn) continue;
    const held = { ...contact, cadenceFromOn: slotOn };
    out[i] = { contact: held, derived: derivedStateOf(held, history, [], ctx) };
  }
  return out;
}
