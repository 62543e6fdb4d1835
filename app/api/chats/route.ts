import { listChatsQuerySchema } from "@/lib/contacts/conversation-schema";
import { readChats } from "@/lib/contacts/read";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Groups and rooms the account is or was in, most recently active first; `q` matches names or an id. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readChats(db, { channelId, ...parseSearchParams(listChatsQuerySchema, req) }),
);
