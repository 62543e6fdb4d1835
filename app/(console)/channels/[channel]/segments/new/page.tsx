import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentEditor } from "@/components/segments/segment-editor";
import { requirePageActor } from "@/lib/runtime/page-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("segments.editor"))("newTitle") };
}

export default async function NewSegmentPage({ params }: { params: Promise<{ channel: string }> }) {
  await requirePageActor(params, "operator");
  return <SegmentEditor canEdit />;
}
