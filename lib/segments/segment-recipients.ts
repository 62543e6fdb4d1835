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
  const segment = await getSegment(db, { channelId, id: body.segmentId });
  if (!segment)
    throw new HttpError(400, "invalid_request", "segmentId: no such segment", [
      { property: "segmentId", message: "no such segment", key: "validation.segmentNotFound" },
    ]);
  const filter = segmentToFriendFilter(segmentFilterSchema.parse(segment.filter));
  const to: string[] = [];
  for (let after: string | undefined; ;) {
    const page = await friendUserIds(db, { channelId, filter, after, limit: PAGE });
    to.push(...page);
    if (page.length < PAGE) break;
    after = page.at(-1);
  }
  if (to.length === 0)
    throw new HttpError(400, "segment_empty", "segmentId: the segment matches no friends now", [
      { property: "segmentId", message: "the segment matches no friends now", key: "validation.segmentEmpty" },
    ]);
  return { body: { ...body, to }, segment: { id: segment.id, name: segment.name, size: to.length } };
}
