import { deleteSession } from "@/db/queries/users";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

/** End one of the member's own sessions (another device), on the server. */
export const DELETE = apiRoute<{ id: string }>({ scope: "console", role: "viewer" }, async ({ params, db, actor, audit }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys have no sessions");
  if (!(await deleteSession(db, { userId: actor.id, id: params.id }))) throw notFound("Session");
  await audit("session.revoked", params.id);
  return { ok: true };
});
