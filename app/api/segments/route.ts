import { createSegment } from "@/db/queries/segments";
import { readSegments } from "@/lib/segments/read";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { segmentBodySchema } from "@/lib/segments/segment-schema";
import { countSegment } from "@/lib/segments/segment-size";
import { serializeSegment } from "@/lib/segments/serialize";

/**
 * Saved segments, most recently changed first, each with its size when last counted and its newest LINE
 * audience (the multicast composer's recipient picker reads this).
 */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => readSegments(db, { channelId }));

export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, audit }) => {
  const body = await parseJsonBody(segmentBodySchema, req);
  const segment = await createSegment(db, { channelId, name: body.name, filter: body.filter, createdBy: actor.name });
  const size = await countSegment(db, segment);
  await audit("segment.created", segment.id, { name: body.name, filter: body.filter, size });
  return Response.json(serializeSegment({ ...segment, size, sizeAt: new Date() }), { status: 201 });
});
