import { twoFactorCodeBodySchema } from "@/lib/auth/schemas";
import { confirmTwoFactor } from "@/lib/auth/two-factor";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Finish turning it on with a first code from the app. This session is replaced by a new one (its cookie comes with the answer). */
export const POST = apiRoute({ scope: "console", role: "viewer", beforeTwoFactor: true }, async ({ req, runtime, actor, audit }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys do not sign in");
  const { code } = await parseJsonBody(twoFactorCodeBodySchema, req);
  const { headers } = await confirmTwoFactor(runtime, { code, headers: req.headers });
  await audit("member.two_factor_enabled", actor.email);
  return withCookies(Response.json({ enabled: true }), headers);
});

function withCookies(res: Response, headers: Headers) {
  for (const cookie of headers.getSetCookie()) res.headers.append("set-cookie", cookie);
  return res;
}
