import { getAuthPolicy, updateAuthPolicy } from "@/db/queries/auth-policy";
import { authPolicyBodySchema } from "@/lib/auth/schemas";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** How members sign in, for the whole console: whether two-factor sign-in is required of everyone. */
export const GET = apiRoute({ scope: "console", role: "admin" }, async ({ db }) => getAuthPolicy(db));

/**
 * Require two-factor sign-in of every member (or stop). Members without it are sent to set it up before
 * anything else; API keys are not affected. An admin requires it only once they have it themselves.
 */
export const PATCH = apiRoute({ scope: "console", role: "admin" }, async ({ req, db, actor, audit }) => {
  const { requireTwoFactor } = await parseJsonBody(authPolicyBodySchema, req);
  if (requireTwoFactor && actor.kind === "user" && !actor.twoFactorEnabled) {
    throw new HttpError(409, "own_two_factor_missing", "Turn on two-factor sign-in for yourself first (Settings → Account)");
  }
  const { before, after } = await updateAuthPolicy(db, { requireTwoFactor, at: new Date() });
  if (before.requireTwoFactor !== after.requireTwoFactor) await audit("settings.two_factor_requirement_changed", null, after);
  return after;
});
