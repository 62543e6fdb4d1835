import type { Db } from "@/db/client";
import { getSend, listSends } from "@/db/queries/sends";
import { notFound } from "@/lib/platform/http/errors";
import { encodeSendCursor, type ListSendsQuery } from "./list-sends-schema";
import { serializeSendDetail, serializeSendSummary } from "./serialize";

// The sends' reads, for GET /api/messages(/:id) and the pages that show them.

/** Every send, newest first, with the request ids LINE gave each. */
export async function readSends(db: Db, params: { channelId: number; query: ListSendsQuery }) {
  const q = params.query;
  const page = await listSends(db, {
    channelId: params.channelId,
    limit: q.limit,
    kind: q.kind,
    status: q.status,
    authorId: q.author,
    from: q.from,
    to: q.to,
    includeTests: q.tests,
    cursor: q.cursor,
  });
  const last = page.items.at(-1);
  return {
    items: page.items.map((s) => ({ ...serializeSendSummary(s), lineRequestIds: s.lineRequestIds ?? [] })),
    nextCursor: page.hasMore && last ? encodeSendCursor(last) : null,
  };
}

/** One send with its requests, their attempts and LINE's ids; 404 when the channel has no such send. */
export async function readSend(db: Db, params: { channelId: number; id: string }) {
  const detail = await getSend(db, params);
  if (!detail) throw notFound("Send");
  return serializeSendDetail(detail);
}
