import { passwordBodySchema } from "@/lib/auth/schemas";
import { regenerateRecoveryCodes } from "@/lib/auth/two-factor";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** New recovery codes (your password), shown this once; the old ones stop working. */
export const POST = apiRoute({ scope: "console", role: "viewer" }, async ({ req, runtime, actor, ip, audit }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys do not sign in");
  const { password } = await parseJsonBody(passwordBodySchema, req);
  const made = await regenerateRecoveryCodes(runtime, { actor, ip, password, headers: req.headers });
  await audit("member.recovery_codes_regenerated", actor.email);
  return made;
});
