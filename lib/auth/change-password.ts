import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/db/client";
import { revokePasswordResetsOf } from "@/db/queries/password-resets";
import { deleteOtherSessions, setPasswordHash } from "@/db/queries/users";
import { HttpError } from "@/lib/platform/http/errors";
import { checkOwnPassword } from "./password-check";

/**
 * A member changes their own password: the current one first (throttled like sign-in), then the new
 * one is stored, every other session of theirs ends (this one stays) and any reset link an admin
 * issued for them stops working. Answers how many sessions ended.
 */
export async function changeOwnPassword(
  db: Db,
  params: { userId: string; email: string; sessionId: string; ip: string; currentPassword: string; newPassword: string; now?: Date },
) {
  await checkOwnPassword(db, { userId: params.userId, email: params.email, ip: params.ip, password: params.currentPassword, property: "currentPassword" });
  if (params.newPassword === params.currentPassword) {
    throw new HttpError(400, "invalid_request", "The request has 1 error(s): newPassword: must differ from the current password", [
      { property: "newPassword", message: "must differ from the current password", key: "validation.samePassword" },
    ]);
  }
  const now = params.now ?? new Date();
  const hash = await hashPassword(params.newPassword);
  return db.transaction(async (tx) => {
    await setPasswordHash(tx, { userId: params.userId, hash, at: now });
    await revokePasswordResetsOf(tx, { userId: params.userId, at: now });
    return { sessionsEnded: await deleteOtherSessions(tx, { userId: params.userId, keepId: params.sessionId }) };
  });
}
