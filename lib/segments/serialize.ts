import type { AudienceRow, SegmentRow } from "@/db/schema/segments";
import { segmentFilterSchema } from "./segment-schema";

export function serializeSegment(s: SegmentRow, audience?: AudienceRow | null) {
  return {
    id: s.id,
    name: s.name,
    filter: segmentFilterSchema.parse(s.filter),
    /** Friends matching when last counted (sizeAt), or null before the first count. */
    size: s.size,
    sizeAt: s.sizeAt?.toISOString() ?? null,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    audience: audience ? serializeAudience(audience) : null,
  };
}

export function serializeAudience(a: AudienceRow) {
  return {
    id: a.id,
    segmentId: a.segmentId,
    description: a.description,
    audienceGroupId: a.audienceGroupId === null ? null : String(a.audienceGroupId),
    status: a.status,
    uploadedCount: a.uploadedCount,
    audienceCount: a.audienceCount,
    error: a.error,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export type SegmentItem = ReturnType<typeof serializeSegment>;
export type AudienceItem = ReturnType<typeof serializeAudience>;
