import type { Db } from "@/db/client";
import { statisticsOfSends } from "@/db/queries/send-statistics";
import { getSend, listSends } from "@/db/queries/sends";
import { funnelOf, hasLinks } from "@/lib/campaigns/figures";
import { notFound } from "@/lib/platform/http/errors";
import { encodeSendCursor, type ListSendsQuery } from "./list-sends-schema";
import { serializeSendDetail, serializeSendSummary } from "./serialize";

// The sends' reads, for GET /api/messages(/:id) and the pages that show them.

/**
 * Every send, newest first, with the request ids LINE gave each and its opens and clicks as last
 * fetched from LINE (null until they are; a push's or multicast's are its campaign's unit's).
 */
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
  const rows = await statisticsOfSends(db, { channelId: params.channelId, sends: page.items });
  const bySend = new Map(rows.filter((r) => r.sendId).map((r) => [r.sendId!, r]));
  const bySubject = new Map(rows.map((r) => [r.subject, r]));
  return {
    items: page.items.map((s) => {
      const row = (s.aggregationUnit && bySubject.get(`unit:${s.aggregationUnit}`)) || bySend.get(s.id);
      const messages = (s.request as { messages?: unknown[] }).messages ?? [];
      const funnel = row?.fetchedAt
        ? funnelOf({ body: row.body, byUnit: row.subject.startsWith("unit:"), sent: { value: null }, hasLinks: hasLinks(messages) })
        : null;
      return {
        ...serializeSendSummary(s),
        lineRequestIds: s.lineRequestIds ?? [],
        stats:
          funnel && row
            ? { opened: funnel.opened, clicked: funnel.clicked, fetchedAt: row.fetchedAt!.toISOString(), byUnit: row.subject.startsWith("unit:") }
            : null,
      };
    }),
    nextCursor: page.hasMore && last ? encodeSendCursor(last) : null,
  };
}

/** One send with its requests, their attempts and LINE's ids; 404 when the channel has no such send. */
export async function readSend(db: Db, params: { channelId: number; id: string }) {
  const detail = await getSend(db, params);
  if (!detail) throw notFound("Send");
  return serializeSendDetail(detail);
}
