import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/db/client";
import { createPasswordReset, findOpenPasswordReset, markPasswordResetUsed } from "@/db/queries/password-resets";
import { deleteSessionsOf, setPasswordHash } from "@/db/queries/users";
import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";
import { hashToken, newInvitationToken } from "./accounts";

/** How long a reset link works. */
export const RESET_LINK_HOURS = 24;

/**
 * A one-time link for a member to choose a new password, issued by an admin or by the operator command
 * (`issuer`: who, kept with the link and named in the audit log when it is used). The link is answered
 * this once; only its hash is stored. A link issued earlier for the same member stops working.
 */
export async function issuePasswordReset(db: Db, params: { userId: string; issuer: { id: string | null; label: string }; now?: Date }) {
  const now = params.now ?? new Date();
  const { token, tokenHash } = newInvitationToken();
  const reset = await createPasswordReset(db, {
    id: randomUUID(),
    userId: params.userId,
    tokenHash,
    createdBy: params.issuer.id,
    createdByLabel: params.issuer.label,
    createdAt: now,
    expiresAt: new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000),
  });
  return { link: `${env().APP_URL.replace(/\/+$/, "")}/reset-password/${token}`, expiresAt: reset.expiresAt };
}

/** Who an open link is for, for its page. Every token that is not an open link gets the same 404. */
export async function lookupPasswordReset(db: Db, params: { token: string; now?: Date }) {
  const reset = await openReset(db, params.token, params.now ?? new Date());
  return { email: reset.email, name: reset.name, expiresAt: reset.expiresAt };
}

/**
 * Use a link: the member's password becomes `password`, every session of theirs ends, and the link is
 * spent. Two-factor sign-in stays as it was, so a reset link alone does not let whoever holds it in.
 */
export async function completePasswordReset(db: Db, params: { token: string; password: string; now?: Date }) {
  const now = params.now ?? new Date();
  const reset = await openReset(db, params.token, now);
  const hash = await hashPassword(params.password);
  await db.transaction(async (tx) => {
    // Still open? (Two tabs racing with one link: the second rolls back.)
    if (!(await markPasswordResetUsed(tx, { id: reset.id, at: now }))) throw resetLinkInvalid();
    await setPasswordHash(tx, { userId: reset.userId, hash, at: now });
    await deleteSessionsOf(tx, { userId: reset.userId });
  });
  return { userId: reset.userId, email: reset.email, name: reset.name, issuedBy: reset.createdByLabel, issuedAt: reset.createdAt };
}

async function openReset(db: Db, token: string, now: Date) {
  const reset = /^[A-Za-z0-9_-]{20,200}$/.test(token) ? await findOpenPasswordReset(db, { tokenHash: hashToken(token), now }) : undefined;
  // A disabled member's link does not work either: enabling them again is an admin's decision.
  if (!reset || reset.disabled) throw resetLinkInvalid();
  return reset;
}

function resetLinkInvalid() {
  return new HttpError(404, "reset_link_invalid", "This password reset link is not valid any more (used, replaced or expired); ask an admin for a new one");
}
