import { readAudit } from "@/lib/auth/read";
import { isConsoleAdmin } from "@/lib/channel/access";
import { listAuditQuerySchema } from "@/lib/auth/schemas";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/**
 * The channel's audit log, newest first (its admins only; nothing in the console can change it). Console
 * admins (not a key made for some channels only) also see what concerns the whole console (members, keys,
 * channels, security).
 */
export const GET = apiRoute({ role: "admin" }, async ({ req, db, channelId, actor }) =>
  readAudit(db, { query: parseSearchParams(listAuditQuerySchema, req), channelId, withConsole: await isConsoleAdmin(db, actor) }),
);
