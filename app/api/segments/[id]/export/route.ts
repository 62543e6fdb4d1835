import { friendsCsvResponse } from "@/lib/contacts/export-friends";
import { apiRoute } from "@/lib/runtime/api-route";
import { segmentParam } from "@/lib/segments/route-params";
import { segmentFilterSchema, segmentToFriendFilter } from "@/lib/segments/segment-schema";

/** A segment's friends as CSV (as it matches now). */
export const GET = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, audit }) => {
  const segment = await segmentParam(db, channelId, params.id);
  await audit("segment.exported", segment.id, { name: segment.name });
  const filter = segmentToFriendFilter(segmentFilterSchema.parse(segment.filter));
  return friendsCsvResponse(db, { channelId, filter, filename: `${fileNameOf(segment.name)}.csv` });
});

// The segment's own name as the file's ("台北 VIP.csv"), without what a file system refuses.
function fileNameOf(name: string) {
  return (
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-")
      .replace(/^[-\s]+|[-\s]+$/g, "")
      .slice(0, 80) || "segment"
  );
}
