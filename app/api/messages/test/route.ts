import { listTestRecipients } from "@/db/queries/drafts";
import { HttpError } from "@/lib/platform/http/errors";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { createSend } from "@/lib/sends/create-send";
import { serializeSendSummary } from "@/lib/sends/serialize";
import { testSendBodySchema } from "@/lib/sends/tools-schemas";

/** A test send: the composed messages to the saved test recipients, marked as a test (not in statistics). */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, audit }) => {
  const body = await parseJsonBody(testSendBodySchema, req);
  const recipients = (await listTestRecipients(db, { channelId })).map((r) => r.userId);
  if (recipients.length === 0) throw new HttpError(409, "no_test_recipients", "Add a test recipient first (Messages → Test recipients)");
  const { send } = await createSend(db, {
    channelId,
    kind: "multicast",
    body: { messages: body.messages, notificationDisabled: body.notificationDisabled, to: recipients },
    actor,
    isTest: true,
  });
  await audit("message.test_sent", send.id, { recipients: recipients.length, sourceKind: body.sourceKind ?? null });
  return Response.json(serializeSendSummary(send), { status: 202 });
});
