import { z } from "zod";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { fakeControl } from "@/lib/demo/fake-control";
import { CHAT_ACTIONS, chatActionBodySchema } from "@/lib/demo/schemas";

const params = z.object({
  chatId: z.string().regex(/^[CR][0-9a-f]{32}$/, "must be a group or room id"),
  action: z
    .array(z.string())
    .transform((a) => a.join("/"))
    .pipe(z.enum(CHAT_ACTIONS)),
});

/** Demo mode: people join or leave a group, or the account is added to / removed from it. */
export const POST = apiRoute<{ chatId: string; action: string[] }>({ role: "operator" }, async ({ req, params: p, channel }) => {
  const { chatId, action } = params.parse(p);
  const body = await parseJsonBody(chatActionBodySchema, req);
  return fakeControl(channel, "POST", `chats/${chatId}/${action}`, body);
});
