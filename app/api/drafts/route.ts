import { randomUUID } from "node:crypto";
import { listDrafts, saveDraft, saveWorkingDraft } from "@/db/queries/drafts";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { draftBodySchema } from "@/lib/sends/tools-schemas";

export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => ({ items: await listDrafts(db, { channelId }) }));

export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor }) => {
  const { working, ...body } = await parseJsonBody(draftBodySchema, req);
  if (actor.kind !== "user" && actor.kind !== "apiKey") throw new HttpError(403, "forbidden", "Unknown caller");
  const author = { authorId: actor.id, authorLabel: actor.kind === "user" ? actor.name : `API key: ${actor.name}` };
  // A working draft replaces the member's earlier one: composing twice never leaves two autosaves.
  if (working) return saveWorkingDraft(db, { id: randomUUID(), channelId, ...body, ...author });
  const draft = await saveDraft(db, { id: randomUUID(), channelId, ...body, ...author });
  return Response.json(draft, { status: 201 });
});
