import type { Db } from "@/db/client";
import { countActiveAdmins, deleteSessionsOf, getUser, updateMember } from "@/db/queries/users";
import type { Role } from "@/db/schema/auth";
import type { AuditAction } from "@/lib/platform/audit";
import { HttpError, notFound } from "@/lib/platform/http/errors";

interface Ctx {
  db: Db;
  audit(action: AuditAction, target?: string | null, details?: Record<string, unknown>): Promise<void>;
}

/** Role and enabled/disabled changes, refusing any that would leave the console without an admin. */
export async function changeMember(ctx: Ctx, params: { id: string; role?: Role; disabled?: boolean }) {
  const member = await getUser(ctx.db, { id: params.id });
  if (!member) throw notFound("Member");
  const losesAdmin = member.role === "admin" && !member.disabled && ((params.role && params.role !== "admin") || params.disabled === true);
  if (losesAdmin && (await countActiveAdmins(ctx.db)) <= 1) {
    throw new HttpError(409, "last_admin", "This is the only active admin; make someone else admin first");
  }
  const updated = await updateMember(ctx.db, params);
  if (params.disabled === true) await deleteSessionsOf(ctx.db, { userId: member.id });
  if (params.role && params.role !== member.role) {
    await ctx.audit("member.role_changed", member.email, { from: member.role, to: params.role });
  }
  if (params.disabled !== undefined && params.disabled !== member.disabled) {
    await ctx.audit(params.disabled ? "member.disabled" : "member.enabled", member.email);
  }
  return { id: updated!.id, role: updated!.role, disabled: updated!.disabled };
}
