import { randomFillSync } from "node:crypto";

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter, then 62 random bits. Ids minted
 * later sort later, so a table's primary-key index (and every index that ends in an id) takes new rows at its end
 * instead of at random pages: a 30k-row import rewrote most of the contact, interaction and link indexes' pages on
 * each chunk with random (v4) ids. Within one millisecond the counter (started at a random value below 2^11, so
 * ids of one millisecond are not guessable from each other's position) keeps this process's ids in order; when it
 * runs out, or the clock steps back, the time field moves on from the last one used, so ids never go backwards.
 * An id shows when its row was made, to the millisecond — as its createdAt already does.
 */
export function uuidV7(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    counter = randomBits(11);
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  const b = nextRandom16();
  // 48-bit big-endian milliseconds (a double holds them exactly; bit operations would cut them to 32 bits).
  const high = Math.floor(lastMs / 2 ** 16);
  b[0] = (high >>> 24) & 0xff;
  b[1] = (high >>> 16) & 0xff;
  b[2] = (high >>> 8) & 0xff;
  b[3] = high & 0xff;
  b[4] = (lastMs >>> 8) & 0xff;
  b[5] = lastMs & 0xff;
  b[6] = 0x70 | (counter >>> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  return format(b);
}

let lastMs = -1;
let counter = 0;

/** Random bytes drawn 4 KiB at a time: one system call per 256 ids rather than one per id. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
const scratch = new Uint8Array(16);

function nextRandom16(): Uint8Array {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  scratch.set(pool.subarray(poolAt, poolAt + 16));
  poolAt += 16;
  return scratch;
}

function randomBits(bits: number): number {
  const b = nextRandom16();
  return ((b[0]! << 8) | b[1]!) & ((1 << bits) - 1);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function format(b: Uint8Array): string {
  const h = (i: number) => HEX[b[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
