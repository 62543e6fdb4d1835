import { deleteDraft, getDraft, saveDraft } from "@/db/queries/drafts";
import { notFound } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { draftBodySchema } from "@/lib/sends/tools-schemas";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => {
  const draft = await getDraft(db, { channelId, id: params.id });
  if (!draft) throw notFound("Draft");
  return draft;
});

export const PUT = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId }) => {
  const existing = await getDraft(db, { channelId, id: params.id });
  if (!existing) throw notFound("Draft");
  const body = await parseJsonBody(draftBodySchema, req);
  return saveDraft(db, { ...existing, ...body, authorId: existing.authorId, authorLabel: existing.authorLabel, updatedAt: new Date() });
});

export const DELETE = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, audit }) => {
  const deleted = await deleteDraft(db, { channelId, id: params.id });
  if (!deleted) throw notFound("Draft");
  await audit("draft.deleted", deleted.id, { title: deleted.title, kind: deleted.kind });
  return { ok: true };
});
