import type { Db } from "@/db/client";
import { audiencesOfSegment, latestAudiences, listSegments } from "@/db/queries/segments";
import { segmentParam } from "./route-params";
import { countSegment } from "./segment-size";
import { serializeAudience, serializeSegment } from "./serialize";

// The segments' reads, for GET /api/segments(/:id) and the pages that show them.

/** Saved segments, most recently changed first, each with its size when last counted and its newest LINE audience. */
export async function readSegments(db: Db, params: { channelId: number }) {
  const rows = await listSegments(db, params);
  const audiences = await latestAudiences(db, { segmentIds: rows.map((s) => s.id) });
  return { items: rows.map((s) => serializeSegment(s, audiences.get(s.id))) };
}

/** One segment, counted now, with its LINE audiences (newest first); 404 when there is none by that id. */
export async function readSegment(db: Db, params: { channelId: number; id: string }) {
  const segment = await segmentParam(db, params.channelId, params.id);
  const size = await countSegment(db, segment);
  const audiences = await audiencesOfSegment(db, { segmentId: segment.id });
  return { ...serializeSegment({ ...segment, size, sizeAt: new Date() }, audiences[0]), audiences: audiences.map(serializeAudience) };
}
