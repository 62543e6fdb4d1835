import { lookupInvitation } from "@/lib/auth/accounts";
import { publicApiRoute } from "@/lib/runtime/api-route";

/**
 * Public: the email and role an invitation link is for, so its page can say so before asking for a
 * password. Every token that is not an open invitation gets the same 404 (see lookupInvitation).
 */
export const GET = publicApiRoute(async ({ req, db }) => {
  const token = new URL(req.url).searchParams.get("token") ?? "";
  return lookupInvitation(db, { token });
});
