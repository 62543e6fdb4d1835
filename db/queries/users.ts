import { and, asc, count, eq, max, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { account, session, twoFactor, user, type Role } from "../schema/auth";
import { announceAccessEnded } from "./access-notices";

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(user);
  return Number(row?.n ?? 0);
}

export async function findUserByEmail(db: Db, params: { email: string }) {
  const [row] = await db.select().from(user).where(eq(user.email, params.email.trim().toLowerCase()));
  return row;
}

export async function getUser(db: Db, params: { id: string }) {
  const [row] = await db.select().from(user).where(eq(user.id, params.id));
  return row;
}

/**
 * Members with when they last used a session. A join, not a correlated subquery: drizzle writes the
 * columns of a one-table select unqualified, so a subquery's "user_id" = "id" compared session columns
 * with each other and never matched.
 */
export async function listMembers(db: Db) {
  return db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      disabled: user.disabled,
      twoFactorEnabled: user.twoFactorEnabled,
      createdAt: user.createdAt,
      lastActiveAt: max(session.updatedAt),
    })
    .from(user)
    .leftJoin(session, eq(session.userId, user.id))
    .groupBy(user.id)
    .orderBy(asc(user.createdAt));
}

export async function updateMember(db: Db, params: { id: string; role?: Role; disabled?: boolean }) {
  const set: Partial<typeof user.$inferInsert> = { updatedAt: new Date() };
  if (params.role) set.role = params.role;
  if (params.disabled !== undefined) set.disabled = params.disabled;
  const [row] = await db.update(user).set(set).where(eq(user.id, params.id)).returning();
  return row;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(user)
    .where(sql`${user.role} = 'admin' and not ${user.disabled}`);
  return Number(row?.n ?? 0);
}

export async function updatePreferences(db: Db, params: { id: string; locale?: string | null; timeZone?: string | null }) {
  const set: Partial<typeof user.$inferInsert> = { updatedAt: new Date() };
  if (params.locale !== undefined) set.locale = params.locale;
  if (params.timeZone !== undefined) set.timeZone = params.timeZone;
  await db.update(user).set(set).where(eq(user.id, params.id));
}

export async function deleteSessionsOf(db: Db, params: { userId: string }) {
  await db.delete(session).where(eq(session.userId, params.userId));
  await announceAccessEnded(db, { id: params.userId });
}

export async function listSessionsOf(db: Db, params: { userId: string }) {
  return db
    .select({
      id: session.id,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      expiresAt: session.expiresAt,
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
    })
    .from(session)
    .where(eq(session.userId, params.userId))
    .orderBy(sql`${session.updatedAt} desc`);
}

export async function deleteSession(db: Db, params: { userId: string; id: string }) {
  const rows = await db
    .delete(session)
    .where(sql`${session.id} = ${params.id} and ${session.userId} = ${params.userId}`)
    .returning({ id: session.id });
  if (rows.length > 0) await announceAccessEnded(db, { id: params.userId });
  return rows.length > 0;
}

/**
 * Whether a session still lets its member in: it exists, has not expired, is younger than `maxAgeSeconds`
 * and its member is not disabled. Read-only: unlike better-auth's getSession it never extends the
 * session, so an open live stream does not keep an idle session alive.
 */
export async function isSessionLive(db: Db, params: { id: string; maxAgeSeconds: number }): Promise<boolean> {
  const [row] = await db
    .select({ id: session.id })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(
      sql`${session.id} = ${params.id} and ${session.expiresAt} > now() and not ${user.disabled}
        and ${session.createdAt} > now() - make_interval(secs => ${params.maxAgeSeconds})`,
    );
  return Boolean(row);
}

/** The member's password hash (better-auth's credential account), or null when they have none. */
export async function getPasswordHash(db: Db, params: { userId: string }): Promise<string | null> {
  const [row] = await db
    .select({ password: account.password })
    .from(account)
    .where(and(eq(account.userId, params.userId), eq(account.providerId, "credential")));
  return row?.password ?? null;
}

/** Store a new password hash for the member (better-auth's credential account). */
export async function setPasswordHash(db: Db, params: { userId: string; hash: string; at: Date }) {
  const rows = await db
    .update(account)
    .set({ password: params.hash, updatedAt: params.at })
    .where(and(eq(account.userId, params.userId), eq(account.providerId, "credential")))
    .returning({ id: account.id });
  return rows.length > 0;
}

/** End every session of the member but `keepId` (this device); answers how many ended. */
export async function deleteOtherSessions(db: Db, params: { userId: string; keepId: string }) {
  const rows = await db
    .delete(session)
    .where(and(eq(session.userId, params.userId), ne(session.id, params.keepId)))
    .returning({ id: session.id });
  if (rows.length > 0) await announceAccessEnded(db, { id: params.userId });
  return rows.length;
}

/** Turn two-factor sign-in off for a member (the operator command, for one who lost their authenticator). */
export async function removeTwoFactor(db: Db, params: { userId: string }) {
  await db.transaction(async (tx) => {
    await tx.delete(twoFactor).where(eq(twoFactor.userId, params.userId));
    await tx.update(user).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(user.id, params.userId));
  });
}
