import { removeTestRecipient } from "@/db/queries/drafts";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

export const DELETE = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId }) => {
  if (!(await removeTestRecipient(db, { channelId, id: params.id }))) throw notFound("Test recipient");
  return { ok: true };
});
