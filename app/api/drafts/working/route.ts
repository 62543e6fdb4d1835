import { getWorkingDraft } from "@/db/queries/drafts";
import { apiRoute } from "@/lib/runtime/api-route";
import { notFound } from "@/lib/platform/http/errors";

/** The caller's working draft (what the composer saved on its own last time), to offer to continue it. */
export const GET = apiRoute({ role: "operator" }, async ({ db, channelId, actor }) => {
  const draft = await getWorkingDraft(db, { channelId, authorId: actor.id });
  if (!draft) throw notFound("Working draft");
  return draft;
});
