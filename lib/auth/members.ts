import type { Db } from "@/db/client";
import { channelRoleOf, setChannelRole } from "@/db/queries/channels";
import { countActiveAdmins, deleteSessionsOf, getUser, updateMember } from "@/db/queries/users";
import type { Role } from "@/db/schema/auth";
import type { AuditAction } from "@/lib/platform/audit";
import { HttpError, notFound } from "@/lib/platform/http/errors";

interface Ctx {
  db: Db;
  audit(action: AuditAction, target?: string | null, details?: Record<string, unknown>): Promise<void>;
}

/** A member's role on one channel as the members page shows it: admin for console admins, none without one. */
export type MemberRole = Role | "none";

/**
 * Role and enabled/disabled changes, refusing any that would leave the console without an admin. A role
 * is set on the channel the page is on (`channel`): admin makes a console admin (every channel); viewer
 * or operator is the role on that channel (a console admin made one keeps it there only); none takes
 * the channel away.
 */
export async function changeMember(ctx: Ctx, params: { id: string; channel: { id: number; slug: string }; role?: MemberRole; disabled?: boolean }) {
  const member = await getUser(ctx.db, { id: params.id });
  if (!member) throw notFound("Member");
  const losesAdmin = member.role === "admin" && !member.disabled && ((params.role && params.role !== "admin") || params.disabled === true);
  if (losesAdmin && (await countActiveAdmins(ctx.db)) <= 1) {
    throw new HttpError(409, "last_admin", "This is the only active admin; make someone else admin first");
  }
  const from: MemberRole = member.role === "admin" ? "admin" : ((await channelRoleOf(ctx.db, { userId: member.id, channelId: params.channel.id })) ?? "none");
  const consoleRole =
    params.role === undefined
      ? undefined
      : params.role === "admin"
        ? "admin"
        : member.role === "admin"
          ? params.role === "none"
            ? "viewer"
            : params.role
          : undefined;
  const updated = await updateMember(ctx.db, { id: params.id, role: consoleRole, disabled: params.disabled });
  if (params.role && params.role !== "admin" && params.channel.id !== 0) {
    await setChannelRole(ctx.db, { channelId: params.channel.id, userId: member.id, role: params.role === "none" ? null : params.role });
  }
  if (params.disabled === true) await deleteSessionsOf(ctx.db, { userId: member.id });
  if (params.role && params.role !== from) {
    await ctx.audit("member.role_changed", member.email, { from, to: params.role, ...(params.role === "admin" ? {} : { channel: params.channel.slug }) });
  }
  if (params.disabled !== undefined && params.disabled !== member.disabled) {
    await ctx.audit(params.disabled ? "member.disabled" : "member.enabled", member.email);
  }
  return { id: updated!.id, role: params.role ?? from, disabled: updated!.disabled };
}
