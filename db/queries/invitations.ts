import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { invitations, user, type Role } from "../schema/auth";

export async function createInvitation(
  db: Db,
  params: { id: string; email: string; role: Role; channelIds?: number[]; tokenHash: string; invitedBy: string | null; expiresAt: Date },
) {
  const [row] = await db.insert(invitations).values(params).returning();
  return row!;
}

export async function listInvitations(db: Db) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      invitedBy: user.name,
    })
    .from(invitations)
    .leftJoin(user, eq(user.id, invitations.invitedBy))
    .orderBy(desc(invitations.createdAt));
}

/** An invitation that can still be accepted. */
export async function findOpenInvitation(db: Db, params: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.tokenHash, params.tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, params.now)),
    );
  return row;
}

export async function revokeInvitation(db: Db, params: { id: string; at: Date }) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: params.at })
    .where(and(eq(invitations.id, params.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id, email: invitations.email });
  return row;
}

/** Mark accepted, if still open (false when someone else got there first). */
export async function markInvitationAccepted(db: Db, params: { id: string; userId: string; at: Date }) {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: params.at, acceptedBy: params.userId })
    .where(and(eq(invitations.id, params.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** What the invitation page shows before the invitee chooses a password: who it is for, and from whom. */
export async function findOpenInvitationSummary(db: Db, params: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select({ email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, invitedBy: user.name })
    .from(invitations)
    .leftJoin(user, eq(user.id, invitations.invitedBy))
    .where(
      and(eq(invitations.tokenHash, params.tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, params.now)),
    );
  return row;
}
