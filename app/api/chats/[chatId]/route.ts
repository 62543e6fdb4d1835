import { readChat } from "@/lib/contacts/read";
import { chatIdParam } from "@/lib/contacts/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

/** One group or room with the members seen in it (current ones first). */
export const GET = apiRoute<{ chatId: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  readChat(db, { channelId, chatId: chatIdParam(params.chatId).chatId }),
);
