import type { Db } from "@/db/client";
import { friendUserIds } from "@/db/queries/friends";
import { getSegment } from "@/db/queries/segments";
import { HttpError } from "@/lib/platform/http/errors";
import type { SendBody } from "@/lib/sends/send-schemas";
import { segmentFilterSchema, segmentToFriendFilter } from "./segment-schema";

const PAGE = 10_000;

/**
 * A multicast addressed to a segment becomes one addressed to the friends it matches now (read a page
 * at a time so a large segment does not hold the database in one query); other bodies pass through.
 */
export async function resolveSegmentRecipients(
  db: Db,
  channelId: number,
  body: SendBody,
): Promise<{ body: SendBody; segment?: { id: string; name: string; size: number } }> {
  if (!("segmentId" in body) || !body.segmentId) return { body };
  const { segment, to } = await segmentRecipientIds(db, { channelId, segmentId: body.segmentId });
  if (to.length === 0)
    throw new HttpError(400, "segment_empty", "segmentId: the segment matches no friends now", [
      { property: "segmentId", message: "the segment matches no friends now", key: "validation.segmentEmpty" },
    ]);
  return { body: { ...body, to }, segment: { id: segment.id, name: segment.name, size: to.length } };
}

/** The user ids a saved segment matches now, in id order; 400 naming `property` when there is no such segment. */
export async function segmentRecipientIds(db: Db, params: { channelId: number; segmentId: string; property?: string }) {
  const segment = await getSegment(db, { channelId: params.channelId, id: params.segmentId });
  const property = params.property ?? "segmentId";
  if (!segment)
    throw new HttpError(400, "invalid_request", `${property}: no such segment`, [{ property, message: "no such segment", key: "validation.segmentNotFound" }]);
  const filter = segmentToFriendFilter(segmentFilterSchema.parse(segment.filter));
  const to: string[] = [];
  for (let after: string | undefined; ;) {
    const page = await friendUserIds(db, { channelId: params.channelId, filter, after, limit: PAGE });
    to.push(...page);
    if (page.length < PAGE) break;
    after = page.at(-1);
  }
  return { segment, to };
}
