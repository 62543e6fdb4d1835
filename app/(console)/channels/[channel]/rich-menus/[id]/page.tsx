import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RichMenuEditorPage } from "@/components/rich-menus/rich-menu-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("richMenus.list"))("title") };
}

export default async function RichMenuPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <RichMenuEditorPage id={id} />;
}
