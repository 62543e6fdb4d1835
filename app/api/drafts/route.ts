import { randomUUID } from "node:crypto";
import { listDrafts, saveDraft } from "@/db/queries/drafts";
import { ApiError } from "@/lib/http/errors";
import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { draftBodySchema } from "@/lib/sending/tools-schemas";

export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => ({ items: await listDrafts(db, { channelId }) }));

export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor }) => {
  const body = await parseJsonBody(draftBodySchema, req);
  if (actor.kind !== "user" && actor.kind !== "apiKey") throw new ApiError(403, "forbidden", "Unknown caller");
  const draft = await saveDraft(db, {
    id: randomUUID(),
    channelId,
    ...body,
    authorId: actor.id,
    authorLabel: actor.kind === "user" ? actor.name : `API key: ${actor.name}`,
  });
  return Response.json(draft, { status: 201 });
});
