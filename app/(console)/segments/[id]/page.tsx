import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SegmentEditor } from "@/components/segments/segment-editor";
import { requirePageActor } from "@/lib/runtime/page-context";
import { ApiError } from "@/lib/client/api-client";
import { getQueryClient } from "@/lib/client/query-client";
import { segmentDetailQuery } from "@/lib/client/segments";
import { serverApi } from "@/lib/client/server-api";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("segments"))("title") };
}

export default async function SegmentPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor("viewer");
  const segment = await getQueryClient()
    .fetchQuery(segmentDetailQuery(id, await serverApi()))
    .catch((err) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    });
  if (!segment) notFound();
  // Keyed by id: a different segment starts the editor afresh.
  return <SegmentEditor key={segment.id} segment={segment} canEdit={actor.role !== "viewer"} />;
}
