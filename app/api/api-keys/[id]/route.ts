import { revokeApiKey } from "@/db/queries/api-keys";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

/** Revoke: the key stops working on the next request, on every instance. */
export const DELETE = apiRoute<{ id: string }>({ scope: "console", role: "admin" }, async ({ params, db, audit }) => {
  const revoked = await revokeApiKey(db, { id: params.id, at: new Date() });
  if (!revoked) throw notFound("A live API key with this id");
  await audit("api_key.revoked", revoked.name, { role: revoked.role });
  return { ok: true };
});
