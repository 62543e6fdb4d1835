import { completePasswordReset } from "@/lib/auth/password-resets";
import { assertSameOrigin } from "@/lib/auth/require-actor";
import { resetPasswordBodySchema } from "@/lib/auth/schemas";
import { recordAudit } from "@/lib/platform/audit";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { publicApiRoute } from "@/lib/runtime/api-route";

/**
 * Public, but only with an open reset link's token: the member's new password. Every session of theirs
 * ends; they then sign in (with their code too, if they have two-factor sign-in).
 */
export const POST = publicApiRoute(async ({ req, db, ip }) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(resetPasswordBodySchema, req);
  const done = await completePasswordReset(db, body);
  await recordAudit(db, {
    actor: { kind: "system", id: done.userId, name: `${done.name} <${done.email}>` },
    ip,
    action: "member.password_reset",
    target: done.email,
    details: { issuedBy: done.issuedBy, issuedAt: done.issuedAt },
  });
  return { email: done.email };
});
