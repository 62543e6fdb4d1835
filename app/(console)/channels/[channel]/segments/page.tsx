import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentList } from "@/components/segments/segment-list";
import { getQueryClient } from "@/lib/client/query-client";
import { segmentListQuery } from "@/lib/client/segments";
import { pageReads, hydrate } from "@/lib/runtime/page-read";
import { readSegments } from "@/lib/segments/read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("segments"))("title") };
}

export default async function SegmentsPage({ params }: { params: Promise<{ channel: string }> }) {
  const { actor, db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  hydrate(queryClient, segmentListQuery(), await readSegments(db, { channelId }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SegmentList canEdit={actor.role !== "viewer"} />
    </HydrationBoundary>
  );
}
