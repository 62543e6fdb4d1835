import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentEditor } from "@/components/segments/segment-editor";
import type { SegmentDetail } from "@/lib/client/segments";
import { orNotFound, pageReads } from "@/lib/runtime/page-read";
import { readSegment } from "@/lib/segments/read";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("segments"))("title") };
}

export default async function SegmentPage({ params }: Props) {
  const { id } = await params;
  const { actor, db, channelId } = await pageReads(params);
  // The editor starts from the segment as its GET route answers it (dates as text).
  const segment = JSON.parse(JSON.stringify(await orNotFound(readSegment(db, { channelId, id })))) as SegmentDetail;
  // Keyed by id: a different segment starts the editor afresh.
  return <SegmentEditor key={segment.id} segment={segment} canEdit={actor.role !== "viewer"} />;
}
