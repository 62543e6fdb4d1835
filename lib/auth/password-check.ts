import { verifyPassword } from "better-auth/crypto";
import type { Db } from "@/db/client";
import { getPasswordHash } from "@/db/queries/users";
import { HttpError } from "@/lib/platform/http/errors";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds, throttleKeys } from "./sign-in-throttle";

/**
 * A signed-in member proves it is them with their password (to change it, or to turn two-factor sign-in
 * on or off). Throttled exactly like sign-in, on the same counters: a stolen session is no faster a
 * way to guess the password than the sign-in form. Wrong → 400 naming `property`; too many → 429.
 */
export async function checkOwnPassword(db: Db, params: { userId: string; email: string; ip: string; password: string; property: string }) {
  const keys = throttleKeys(params.email, params.ip);
  const wait = await signInWaitSeconds(db, keys);
  if (wait > 0) {
    throw new HttpError(429, "too_many_attempts", `Too many attempts. Try again in ${wait} seconds.`, undefined, { "Retry-After": String(wait) });
  }
  const hash = await getPasswordHash(db, { userId: params.userId });
  if (!hash || !(await verifyPassword({ hash, password: params.password }))) {
    await recordSignInFailure(db, keys);
    throw wrongPassword(params.property);
  }
  await recordSignInSuccess(db, keys);
}

export function wrongPassword(property: string) {
  return new HttpError(400, "wrong_password", "The password is not right", [
    { property, message: "is not your current password", key: "validation.wrongPassword" },
  ]);
}
