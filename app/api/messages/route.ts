import { listSends } from "@/db/queries/sends";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { encodeSendCursor, listSendsQuerySchema } from "@/lib/sends/list-sends-schema";
import { serializeSendSummary } from "@/lib/sends/serialize";

/** Every send, newest first: filters kind, status, author, from/to; keyset pagination. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) => {
  const q = parseSearchParams(listSendsQuerySchema, req);
  const page = await listSends(db, { channelId, limit: q.limit, kind: q.kind, status: q.status, authorId: q.author, from: q.from, to: q.to, includeTests: q.tests, cursor: q.cursor });
  const last = page.items.at(-1);
  return { items: page.items.map((s) => ({ ...serializeSendSummary(s), lineRequestIds: s.lineRequestIds ?? [] })), nextCursor: page.hasMore && last ? encodeSendCursor(last) : null };
});
