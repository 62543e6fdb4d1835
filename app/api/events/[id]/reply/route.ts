import { z } from "zod";
import { replyToEvent } from "@/lib/sends/reply";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { serializeSendSummary } from "@/lib/sends/serialize";
import { replyBodySchema } from "@/lib/sends/tools-schemas";

const params = z.object({ id: z.coerce.number().int().positive("must be an event id") });

/** Reply with the event's reply token: within LINE's minute, once; otherwise 409 (push instead). */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params: p, db, channelId, actor, audit }) => {
  const { id } = params.parse(p);
  const body = await parseJsonBody(replyBodySchema, req);
  const send = await replyToEvent(db, { channelId, eventId: id, actor, ...body });
  await audit("message.reply_sent", send.id, { eventId: id, messages: body.messages.map((m) => m.type) });
  return Response.json(serializeSendSummary(send), { status: 202 });
});
