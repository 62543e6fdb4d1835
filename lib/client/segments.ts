import { queryOptions } from "@tanstack/react-query";
import type { AudienceItem, SegmentItem } from "@/lib/segments/serialize";
import { browserFetch, getJson, type ApiFetch } from "./api-client";

export type SegmentDetail = SegmentItem & { audiences: AudienceItem[] };

export const segmentKeys = {
  all: ["segments"] as const,
  list: () => ["segments", "list"] as const,
  detail: (id: string) => ["segments", "detail", id] as const,
};

export function segmentListQuery(api: ApiFetch = browserFetch) {
  return queryOptions({ queryKey: segmentKeys.list(), queryFn: ({ signal }) => getJson<{ items: SegmentItem[] }>(api, "/api/segments", signal) });
}

export function segmentDetailQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: segmentKeys.detail(id),
    queryFn: ({ signal }) => getJson<SegmentDetail>(api, `/api/segments/${encodeURIComponent(id)}`, signal),
  });
}
