import { passwordBodySchema } from "@/lib/auth/schemas";
import { disableTwoFactor } from "@/lib/auth/two-factor";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Turn two-factor sign-in off (your password). This session is replaced by a new one (its cookie comes with the answer). */
export const POST = apiRoute({ scope: "console", role: "viewer" }, async ({ req, runtime, actor, ip, audit }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys do not sign in");
  const { password } = await parseJsonBody(passwordBodySchema, req);
  const { headers } = await disableTwoFactor(runtime, { actor, ip, password, headers: req.headers });
  await audit("member.two_factor_disabled", actor.email);
  const res = Response.json({ enabled: false });
  for (const cookie of headers.getSetCookie()) res.headers.append("set-cookie", cookie);
  return res;
});
