import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RichMenuList } from "@/components/rich-menus/rich-menu-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("richMenus.list"))("title") };
}

export default function RichMenusPage() {
  return <RichMenuList />;
}
