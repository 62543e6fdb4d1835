import { randomUUID } from "node:crypto";
import { addTestRecipient, listTestRecipients } from "@/db/queries/drafts";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { testRecipientBodySchema } from "@/lib/sends/tools-schemas";

/** Saved test recipients: who gets a test send before the real one. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => ({ items: await listTestRecipients(db, { channelId }) }));

export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId }) => {
  const body = await parseJsonBody(testRecipientBodySchema, req);
  return Response.json(await addTestRecipient(db, { id: randomUUID(), channelId, ...body }), { status: 201 });
});
