import { deleteSegment, updateSegment } from "@/db/queries/segments";
import { readSegment } from "@/lib/segments/read";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { segmentParam } from "@/lib/segments/route-params";
import { segmentPatchSchema } from "@/lib/segments/segment-schema";
import { countSegment } from "@/lib/segments/segment-size";
import { serializeSegment } from "@/lib/segments/serialize";

/** One segment, counted now, with its LINE audiences (newest first). */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => readSegment(db, { channelId, id: params.id }));

export const PATCH = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, audit }) => {
  const segment = await segmentParam(db, channelId, params.id);
  const body = await parseJsonBody(segmentPatchSchema, req);
  const updated = (await updateSegment(db, { channelId, id: segment.id, ...body }))!;
  const size = await countSegment(db, updated);
  await audit("segment.updated", segment.id, { ...body, size });
  return serializeSegment({ ...updated, size, sizeAt: new Date() });
});

export const DELETE = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, audit }) => {
  const segment = await segmentParam(db, channelId, params.id);
  await deleteSegment(db, { channelId, id: segment.id });
  await audit("segment.deleted", segment.id, { name: segment.name });
  return new Response(null, { status: 204 });
});
