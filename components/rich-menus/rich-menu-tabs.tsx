"use client";

import { ChartNoAxesColumn, PencilRuler, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useConsolePathname } from "@/components/common/console-link";
import { SectionTabs } from "@/components/layout/section-tabs";

/** A menu's pages: Design (the editor), Audience (default and links) and Taps (the heat map). */
export function RichMenuTabs({ id }: { id: string }) {
  const t = useTranslations("richMenus.tabs");
  const pathname = useConsolePathname();
  const base = `/rich-menus/${encodeURIComponent(id)}`;
  const items = [
    { href: base, label: t("design"), icon: PencilRuler },
    { href: `${base}/audience`, label: t("audience"), icon: UsersRound },
    { href: `${base}/taps`, label: t("taps"), icon: ChartNoAxesColumn },
  ];
  return <SectionTabs label={t("label")} items={items.map((item) => ({ ...item, active: pathname === item.href }))} />;
}
