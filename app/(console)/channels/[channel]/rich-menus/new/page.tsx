import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RichMenuEditorPage } from "@/components/rich-menus/rich-menu-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("richMenus.editor"))("newTitle") };
}

/** ?tabs=2–4 starts a tabbed menu; its aliases start from a base picked here, once, for both renders. */
export default async function NewRichMenuPage({ searchParams }: { searchParams: Promise<{ tabs?: string }> }) {
  const { tabs } = await searchParams;
  const count = Number(tabs);
  return <RichMenuEditorPage tabs={count >= 2 && count <= 4 ? count : undefined} aliasBase={newAliasBase()} />;
}

// Aliases are unique per channel: a short random part keeps two tabbed menus from colliding.
function newAliasBase(): string {
  return `tabs-${crypto.randomUUID().slice(0, 6)}`;
}
