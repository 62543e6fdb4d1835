import { updatePreferences } from "@/db/queries/users";
import { preferencesBodySchema } from "@/lib/auth/schemas";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Who is signed in (or which key is used), and their role. */
export const GET = apiRoute({ scope: "console", role: "viewer", beforeTwoFactor: true }, async ({ actor }) => ({ ...actor, sessionId: undefined }));

/** The signed-in member's language and time zone. */
export const PATCH = apiRoute({ scope: "console", role: "viewer" }, async ({ req, db, actor }) => {
  if (actor.kind !== "user") throw new HttpError(400, "not_a_member", "API keys have no preferences");
  const body = await parseJsonBody(preferencesBodySchema, req);
  await updatePreferences(db, { id: actor.id, ...body });
  return { ok: true };
});
