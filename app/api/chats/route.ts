import { z } from "zod";
import { listChats } from "@/db/queries/chats";
import { serializeChat } from "@/lib/contacts/serialize-chat";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

const querySchema = z.object({ q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }).strict();

/** Groups and rooms the account is or was in, most recently active first; `q` matches names or an id. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) => {
  const { q, limit } = parseSearchParams(querySchema, req);
  const rows = await listChats(db, { channelId, q: q || undefined, limit });
  return { items: rows.map(serializeChat) };
});
