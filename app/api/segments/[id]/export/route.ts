import { friendsCsvResponse } from "@/lib/contacts/export-friends";
import { apiRoute } from "@/lib/runtime/api-route";
import { segmentParam } from "@/lib/segments/route-params";
import { segmentFilterSchema, segmentToFriendFilter } from "@/lib/segments/segment-schema";

/** A segment's friends as CSV (as it matches now). */
export const GET = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, audit }) => {
  const segment = await segmentParam(db, channelId, params.id);
  await audit("segment.exported", segment.id, { name: segment.name });
  const filter = segmentToFriendFilter(segmentFilterSchema.parse(segment.filter));
  const safeName = segment.name.replace(/[^\p{L}\p{N}_-]+/gu, "-").slice(0, 40) || "segment";
  return friendsCsvResponse(db, { channelId, filter, filename: encodeURIComponent(`segment-${safeName}-${new Date().toISOString().slice(0, 10)}.csv`) });
});
