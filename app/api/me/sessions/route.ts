import { listSessionsOf } from "@/db/queries/users";
import { ApiError } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

/** The signed-in member's sessions (devices), this one marked. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, actor }) => {
  if (actor.kind !== "user") throw new ApiError(400, "not_a_member", "API keys have no sessions");
  const rows = await listSessionsOf(db, { userId: actor.id });
  return { items: rows.map((s) => ({ ...s, current: s.id === actor.sessionId })) };
});
