import { changeOwnPassword } from "@/lib/auth/change-password";
import { changePasswordBodySchema } from "@/lib/auth/schemas";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Change your own password: the current one first (throttled like sign-in); your other sessions end, this one stays. */
export const POST = apiRoute({ scope: "console", role: "viewer" }, async ({ req, db, actor, ip, audit }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys have no password");
  const body = await parseJsonBody(changePasswordBodySchema, req);
  const { sessionsEnded } = await changeOwnPassword(db, { userId: actor.id, email: actor.email, sessionId: actor.sessionId, ip, ...body });
  await audit("member.password_changed", actor.email, { sessionsEnded });
  return { ok: true, sessionsEnded };
});
