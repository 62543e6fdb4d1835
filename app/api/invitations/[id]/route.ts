import { revokeInvitation } from "@/db/queries/invitations";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

export const DELETE = apiRoute<{ id: string }>({ scope: "console", role: "admin" }, async ({ params, db, audit }) => {
  const revoked = await revokeInvitation(db, { id: params.id, at: new Date() });
  if (!revoked) throw notFound("An open invitation with this id");
  await audit("member.invitation_revoked", revoked.email);
  return { ok: true };
});
