import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
let lastTime = -1;
let lastRandom: number[] = [];

/** A monotonic ULID: sortable by creation time, unique without coordination between instances. */
export function ulid(now = Date.now()): string {
  if (now <= lastTime) {
    // Same millisecond (or a clock step back): increment the random part so order is kept.
    now = lastTime;
    incrementBase32(lastRandom);
  } else {
    lastTime = now;
    const bytes = randomBytes(16);
    lastRandom = Array.from({ length: 16 }, (_, i) => bytes[i]! % 32);
  }
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + lastRandom.map((d) => ALPHABET[d]).join("");
}

function incrementBase32(digits: number[]) {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i]! < 31) {
      digits[i]!++;
      return;
    }
    digits[i] = 0;
  }
}
