import path from "node:path";
import type { OpenDatabase } from "@kith/store";
import { crashLocation, seedAt } from "@kith/store/testing";
import { SmtpSink } from "./smtp-sink-server.ts";

type Place = Awaited<ReturnType<typeof crashLocation>>;

/**
 * A crash round that sends mail (the digest's, a campaign's): its own database (`round-N` under `dir`: a folder on
 * SQLite, a schema on PostgreSQL) and its own SMTP sink, seeded; `next` replaces both for the next round, so each
 * round's ledger and count of mails start from nothing. `seeded` is what the seeding returned for this round.
 */
export class MailCrashRound<T> {
  private round = 1;

  private constructor(
    private readonly dialect: OpenDatabase["dialect"],
    private readonly dir: string,
    private readonly seed: (open: OpenDatabase, sink: SmtpSink) => Promise<T>,
    public sink: SmtpSink,
    public place: Place,
    public seeded: T,
  ) {}

  static async open<T>(
    dialect: OpenDatabase["dialect"],
    dir: string,
    seed: (open: OpenDatabase, sink: SmtpSink) => Promise<T>,
  ): Promise<MailCrashRound<T>> {
    const sink = await new SmtpSink().start();
    const place = await crashLocation(dialect, path.join(dir, "round-1"));
    const seeded = await seedAt(place.location, (open) => seed(open, sink));
    return new MailCrashRound(dialect, dir, seed, sink, place, seeded);
  }

  /** The round's database, for the child and the checks. */
  get location(): string {
    return this.place.location;
  }

  async next(): Promise<void> {
    await this.close();
    this.round += 1;
    this.sink = await new SmtpSink().start();
    this.place = await crashLocation(this.dialect, path.join(this.dir, `round-${this.round}`));
    this.seeded = await seedAt(this.place.location, (open) => this.seed(open, this.sink));
  }

  async close(): Promise<void> {
    await this.sink.stop();
    await this.place.dispose();
  }
}
