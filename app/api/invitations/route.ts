import { randomUUID } from "node:crypto";
import { createInvitation } from "@/db/queries/invitations";
import { readInvitations } from "@/lib/auth/read";
import { findUserByEmail } from "@/db/queries/users";
import { INVITATION_DAYS, newInvitationToken } from "@/lib/auth/accounts";
import { inviteBodySchema } from "@/lib/auth/schemas";
import { env } from "@/lib/env.js";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ scope: "console", role: "admin" }, async ({ db }) => readInvitations(db));

/** Invite by email: answers the link once (only its hash is kept) for the admin to pass on. */
export const POST = apiRoute({ scope: "console", role: "admin" }, async ({ req, db, actor, audit, channel }) => {
  const body = await parseJsonBody(inviteBodySchema, req);
  if (await findUserByEmail(db, { email: body.email })) {
    throw new HttpError(409, "member_exists", "Someone with this email address is already a member", [
      { property: "email", message: "is already a member", key: "validation.alreadyMember" },
    ]);
  }
  const { token, tokenHash } = newInvitationToken();
  const invitation = await createInvitation(db, {
    id: randomUUID(),
    email: body.email,
    role: body.role,
    // An admin is a console admin (every channel); anyone else joins the channel they were invited from.
    channelIds: body.role === "admin" || channel.id === 0 ? [] : [channel.id],
    tokenHash,
    invitedBy: actor.kind === "user" ? actor.id : null,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  await audit("member.invited", body.email, { role: body.role, channel: body.role === "admin" ? null : channel.slug, expiresAt: invitation.expiresAt });
  return Response.json({ ...invitation, tokenHash: undefined, link: `${env().APP_URL}/invite/${token}` }, { status: 201 });
});
