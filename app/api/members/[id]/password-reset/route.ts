import { getUser } from "@/db/queries/users";
import { issuePasswordReset } from "@/lib/auth/password-resets";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

/**
 * A one-time link for a member to choose a new password (24 h), answered this once; only its hash is
 * kept. The audit log names who issued it, and names them again when the link is used.
 */
export const POST = apiRoute<{ id: string }>({ scope: "console", role: "admin" }, async ({ params, db, actor, audit }) => {
  const member = await getUser(db, { id: params.id });
  if (!member) throw notFound("Member");
  if (actor.kind === "user" && actor.id === member.id) {
    throw new HttpError(409, "own_password", "Change your own password in Settings → Account (it asks for the current one)");
  }
  if (member.disabled) throw new HttpError(409, "member_disabled", "This member is disabled; enable them first");
  const issuer = actor.kind === "user" ? { id: actor.id, label: `${actor.name} <${actor.email}>` } : { id: null, label: `API key ${actor.name}` };
  const reset = await issuePasswordReset(db, { userId: member.id, issuer });
  await audit("member.password_reset_issued", member.email, { role: member.role, expiresAt: reset.expiresAt });
  return Response.json({ email: member.email, ...reset }, { status: 201 });
});
