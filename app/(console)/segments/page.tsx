import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentList } from "@/components/segments/segment-list";
import { requirePageActor } from "@/lib/runtime/page-context";
import { getQueryClient } from "@/lib/client/query-client";
import { segmentListQuery } from "@/lib/client/segments";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("segments"))("title") };
}

export default async function SegmentsPage() {
  const actor = await requirePageActor("viewer");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(segmentListQuery(await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SegmentList canEdit={actor.role !== "viewer"} />
    </HydrationBoundary>
  );
}
