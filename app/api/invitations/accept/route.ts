import { recordAudit } from "@/lib/platform/audit";
import { acceptInvitation } from "@/lib/auth/accounts";
import { assertSameOrigin } from "@/lib/auth/require-actor";
import { acceptInvitationBodySchema } from "@/lib/auth/schemas";
import { signedInResponse } from "@/lib/auth/sign-in-response";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { publicApiRoute } from "@/lib/runtime/api-route";

/** Public, but only with an open invitation's token: creates the member and signs them in. */
export const POST = publicApiRoute(async ({ req, db, ip, runtime }) => {
  assertSameOrigin(req);
  const body = await parseJsonBody(acceptInvitationBodySchema, req);
  const member = await acceptInvitation(db, body);
  await recordAudit(db, {
    actor: { kind: "system", name: `${member.name} <${member.email}>` },
    ip,
    action: "member.joined",
    target: member.email,
    details: { role: member.role },
  });
  return signedInResponse(runtime.auth, req, { email: member.email, password: body.password }, { id: member.id, email: member.email, role: member.role });
});
