import type { Db } from "@/db/client";
import { countFriends } from "@/db/queries/friends";
import { recordSegmentSize } from "@/db/queries/segments";
import type { SegmentRow } from "@/db/schema/segments";
import { segmentFilterSchema, segmentToFriendFilter } from "./segment-schema";

/** Count a saved segment now, and remember the count for lists. */
export async function countSegment(db: Db, segment: SegmentRow): Promise<number> {
  const size = await countFriends(db, { channelId: segment.channelId, filter: segmentToFriendFilter(segmentFilterSchema.parse(segment.filter)) });
  await recordSegmentSize(db, { id: segment.id, size });
  return size;
}
