/**
 * The outside world as core sees it: time, fresh ids and secrets come in through these ports so core stays pure
 * (tests and faces pass their own).
 */

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}

/** Random secrets and their one-way hashes (API tokens, feed URLs): kept out of core so core stays pure. */
export interface Secrets {
  newToken(prefix: string): string;
  hash(token: string): string;
}
