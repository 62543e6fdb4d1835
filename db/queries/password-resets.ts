import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { passwordResets, user } from "../schema/auth";

/** A new reset link for a member; any link still open for them stops working (one live link at a time). */
export async function createPasswordReset(
  db: Db,
  params: { id: string; userId: string; tokenHash: string; createdBy: string | null; createdByLabel: string; createdAt: Date; expiresAt: Date },
) {
  return db.transaction(async (tx) => {
    await tx
      .update(passwordResets)
      .set({ revokedAt: params.createdAt })
      .where(and(eq(passwordResets.userId, params.userId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
    const [row] = await tx.insert(passwordResets).values(params).returning({ id: passwordResets.id, expiresAt: passwordResets.expiresAt });
    return row!;
  });
}

/** The member an open (unused, unrevoked, unexpired) link is for. */
export async function findOpenPasswordReset(db: Db, params: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      email: user.email,
      name: user.name,
      disabled: user.disabled,
      expiresAt: passwordResets.expiresAt,
      createdAt: passwordResets.createdAt,
      createdByLabel: passwordResets.createdByLabel,
    })
    .from(passwordResets)
    .innerJoin(user, eq(user.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, params.tokenHash),
        isNull(passwordResets.usedAt),
        isNull(passwordResets.revokedAt),
        gt(passwordResets.expiresAt, params.now),
      ),
    );
  return row;
}

/** Mark a link used, if it is still open (false when someone used it first). */
export async function markPasswordResetUsed(db: Db, params: { id: string; at: Date }) {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: params.at })
    .where(and(eq(passwordResets.id, params.id), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt), gt(passwordResets.expiresAt, params.at)))
    .returning({ id: passwordResets.id });
  return rows.length > 0;
}

/** Close every open link of a member (they changed their password themselves). */
export async function revokePasswordResetsOf(db: Db, params: { userId: string; at: Date }) {
  await db
    .update(passwordResets)
    .set({ revokedAt: params.at })
    .where(and(eq(passwordResets.userId, params.userId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
}
