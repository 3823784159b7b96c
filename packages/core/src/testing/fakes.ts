import type { SecretSealer } from "../messages/send/send-ports.ts";
import { DomainError } from "../shared/errors.ts";
import type { Clock, IdSource, Secrets } from "../shared/system-ports.ts";

/** A clock tests move by hand. The only thing tests may fake besides what no local server can stand in for. */
export class FakeClock implements Clock {
  private current: Date;
  constructor(startAt: string) {
    this.current = new Date(startAt);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: string): void {
    this.current = new Date(at);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** Deterministic, sortable ids: id-000001, id-000002, … */
export class SequentialIds implements IdSource {
  private n = 0;
  constructor(private readonly prefix = "id") {}
  newId(): string {
    this.n += 1;
    return `${this.prefix}-${String(this.n).padStart(6, "0")}`;
  }
}

/** Not secret at all; enough to test that only hashes are stored and lookups go through them. */
export class PlainSecrets implements Secrets {
  private n = 0;
  newToken(prefix: string): string {
    this.n += 1;
    return `${prefix}test${String(this.n).padStart(28, "0")}`;
  }
  hash(token: string): string {
    return `hash:${[...token].reverse().join("")}`;
  }
}

/** The code of the DomainError a call fails with, or "ok" when it succeeds; any other error is thrown. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "ok";
}

/** A sealer whose sealed values hold nothing of the plain text (the real AES-GCM one is tested in runtime). */
export function testSealer(): SecretSealer {
  const sealed = new Map<string, string>();
  return {
    seal: (plain, context) => {
      const key = `ks-test.${sealed.size + 1}`;
      sealed.set(key, `${context}\u0000${plain}`);
      return key;
    },
    open: (value, context) => {
      const [ctx, plain] = (sealed.get(value) ?? "").split("\u0000");
      if (ctx !== context || plain === undefined) throw new Error("does not open here");
      return plain;
    },
  };
}
