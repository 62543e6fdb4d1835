import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { clearFailures, getThrottleState, isKnownAddress, recordFailures, rememberAddress } from "@/db/queries/auth-throttle";

// Growing delays, never a lockout. Failures are counted three ways:
//  - per account and address: the guesser's own attempts (slowed hard),
//  - per address: one address trying many accounts (slowed hard),
//  - per account from anywhere: a distributed guesser (slowed gently, capped, and skipped from an
//    address the account has signed in from before — so the real user is never locked out).
// After `free` failures each further one doubles the wait, up to `cap`. A quiet hour resets a key.
const RULES = {
  pair: { free: 5, capSeconds: 15 * 60 },
  address: { free: 20, capSeconds: 15 * 60 },
  account: { free: 10, capSeconds: 5 * 60 },
} as const;
const RESET_AFTER_MS = 60 * 60 * 1000;

export interface ThrottleKeys {
  pair: string;
  address: string;
  account: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const account = hash(email.trim().toLowerCase());
  return { pair: `pair:${account}:${ip}`, address: `ip:${ip}`, account: `acct:${account}` };
}

/** Seconds the caller must still wait before another attempt is considered (0 = go ahead). */
export async function signInWaitSeconds(db: Db, keys: ThrottleKeys, now = new Date()): Promise<number> {
  const known = await isKnownAddress(db, { key: keys.pair });
  const rows = await getThrottleState(db, { keys: known ? [keys.pair, keys.address] : [keys.pair, keys.address, keys.account] });
  let wait = 0;
  for (const row of rows) {
    const rule = row.key.startsWith("pair:") ? RULES.pair : row.key.startsWith("ip:") ? RULES.address : RULES.account;
    const since = now.getTime() - row.lastFailureAt.getTime();
    if (since > RESET_AFTER_MS || row.failures < rule.free) continue;
    const delay = Math.min(rule.capSeconds, 2 ** (row.failures - rule.free)) * 1000;
    wait = Math.max(wait, Math.ceil((delay - since) / 1000));
  }
  return Math.max(0, wait);
}

export async function recordSignInFailure(db: Db, keys: ThrottleKeys, now = new Date()) {
  await recordFailures(db, { keys: [keys.pair, keys.address, keys.account], at: now, resetAfterMs: RESET_AFTER_MS });
}

export async function recordSignInSuccess(db: Db, keys: ThrottleKeys, now = new Date()) {
  await clearFailures(db, { keys: [keys.pair] });
  await rememberAddress(db, { key: keys.pair, at: now });
}

// Keys hold no email in clear: the table is readable by whoever can read the database.
function hash(s: string) {
  return createHash("sha256").update(s).digest("base64url").slice(0, 22);
}
