import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TapsView } from "@/components/rich-menus/taps/taps-view";
import { pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("richMenus.taps"))("pageTitle") };
}

/** A rich menu's taps: a heat map over its image, per period and segment, beside LINE's statistics. */
export default async function RichMenuTapsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageReads(params);
  return <TapsView id={id} />;
}
