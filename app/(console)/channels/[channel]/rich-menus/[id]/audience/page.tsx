import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AudienceView } from "@/components/rich-menus/audience/audience-view";
import { pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("richMenus.audience"))("pageTitle") };
}

/** A rich menu's audience: the default, links to friends, lists and segments, and their runs. */
export default async function RichMenuAudiencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await pageReads(params);
  return <AudienceView id={id} canEdit={actor.role !== "viewer"} />;
}
