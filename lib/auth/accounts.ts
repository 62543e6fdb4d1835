import { createHash, randomBytes, randomUUID } from "node:crypto";
import { setChannelRole } from "@/db/queries/channels";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findOpenInvitation, findOpenInvitationSummary, markInvitationAccepted } from "@/db/queries/invitations";
import { findUserByEmail } from "@/db/queries/users";
import { account, user, type Role } from "@/db/schema/auth";
// better-auth's own hasher (scrypt), so its sign-in verifies what we store.
import { hashPassword } from "better-auth/crypto";
import { HttpError } from "@/lib/platform/http/errors";

export const INVITATION_DAYS = 7;

/**
 * Create the first admin — only while no account exists. The check and the insert are one statement,
 * so two people racing through the first-run screen cannot both become admin.
 */
export async function createFirstAdmin(db: Db, params: { name: string; email: string; password: string }) {
  const hash = await hashPassword(params.password);
  const id = randomUUID();
  const email = params.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    // "No user yet" is read before the insert: two instances (or two set-up pages) racing would each see
    // none and each make an admin. One at a time, across every instance on the database.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('oa-console:first-admin'))`);
    const inserted = await tx.execute(sql`
      insert into ${user} (id, name, email, email_verified, role)
      select ${id}, ${params.name}, ${email}, true, 'admin'
      where not exists (select 1 from ${user})
      returning id`);
    if ((inserted as unknown as { rows: unknown[] }).rows.length === 0) {
      throw new HttpError(409, "already_set_up", "The console already has an admin; sign in instead");
    }
    await tx.insert(account).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash });
    return { id, email, name: params.name };
  });
}

/** Create a member from an open invitation (the email and role are the invitation's, not the form's). */
export async function acceptInvitation(db: Db, params: { token: string; name: string; password: string; now?: Date }) {
  const now = params.now ?? new Date();
  const invitation = await findOpenInvitation(db, { tokenHash: hashToken(params.token), now });
  if (!invitation) throw invitationInvalid();
  if (await findUserByEmail(db, { email: invitation.email })) {
    throw new HttpError(409, "member_exists", "An account with this email address already exists; sign in instead");
  }
  const hash = await hashPassword(params.password);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    await tx.insert(user).values({ id, name: params.name, email: invitation.email, emailVerified: true, role: invitation.role });
    await tx.insert(account).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash });
    if (invitation.role !== "admin") {
      for (const channelId of invitation.channelIds) await setChannelRole(tx, { channelId, userId: id, role: invitation.role });
    }
    // Still open? (Two people racing with one link: the second rolls back.)
    if (!(await markInvitationAccepted(tx, { id: invitation.id, userId: id, at: now }))) {
      throw new HttpError(404, "invitation_invalid", "This invitation link was just used");
    }
    return { id, email: invitation.email, name: params.name, role: invitation.role as Role };
  });
}

/**
 * The invitation behind a link, for the page that accepts it. Any token that is not an open invitation
 * (malformed, unknown, used, revoked, expired) gets the same answer, so a guess learns nothing.
 */
export async function lookupInvitation(db: Db, params: { token: string; now?: Date }) {
  const summary = /^[A-Za-z0-9_-]{20,200}$/.test(params.token)
    ? await findOpenInvitationSummary(db, { tokenHash: hashToken(params.token), now: params.now ?? new Date() })
    : undefined;
  if (!summary) throw invitationInvalid();
  return { email: summary.email, role: summary.role as Role, expiresAt: summary.expiresAt, invitedBy: summary.invitedBy ?? null };
}

/** A new invitation token (given to the admin once) and what is stored of it. */
export function newInvitationToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

function invitationInvalid() {
  return new HttpError(404, "invitation_invalid", "This invitation link is not valid any more (used, revoked or expired); ask an admin for a new one");
}
