import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { listSendsQuerySchema } from "@/lib/sends/list-sends-schema";
import { readSends } from "@/lib/sends/read";

/** Every send, newest first: filters kind, status, author, from/to; keyset pagination (the page /messages reads the same way). */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readSends(db, { channelId, query: parseSearchParams(listSendsQuerySchema, req) }),
);
