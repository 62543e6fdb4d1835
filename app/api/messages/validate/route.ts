import type { messagingApi } from "@line/bot-sdk";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { askLine } from "@/lib/line/line-errors";
import { validateBodySchema } from "@/lib/sends/tools-schemas";

/** LINE's own check of the messages (free, sends nothing): 200 {ok} or 400 with LINE's details. */
export const POST = apiRoute({ role: "operator" }, async ({ req, channelId, runtime }) => {
  const { kind, messages } = await parseJsonBody(validateBodySchema, req);
  const body = { messages: messages as messagingApi.Message[] };
  await askLine(async () => {
    const { api } = await runtime.line(channelId);
    switch (kind) {
      case "push":
        return api.validatePush(body);
      case "multicast":
        return api.validateMulticast(body);
      case "broadcast":
        return api.validateBroadcast(body);
      case "narrowcast":
        return api.validateNarrowcast(body);
      case "reply":
        return api.validateReply(body);
    }
  });
  return { ok: true };
});
