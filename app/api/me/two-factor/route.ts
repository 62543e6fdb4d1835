import { passwordBodySchema } from "@/lib/auth/schemas";
import { startTwoFactor, twoFactorStatus } from "@/lib/auth/two-factor";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Whether you sign in with a code too, whether the console requires it, how many recovery codes are left. */
export const GET = apiRoute({ scope: "console", role: "viewer", beforeTwoFactor: true }, async ({ runtime, actor }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys do not sign in");
  return twoFactorStatus(runtime, { actor });
});

/** Start turning it on (your password): the secret for your authenticator app and your recovery codes, this once. */
export const POST = apiRoute({ scope: "console", role: "viewer", beforeTwoFactor: true }, async ({ req, runtime, actor, ip }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys do not sign in");
  const { password } = await parseJsonBody(passwordBodySchema, req);
  return startTwoFactor(runtime, { actor, ip, password, headers: req.headers });
});
