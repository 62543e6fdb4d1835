"use client";

import { useTranslations } from "next-intl";
import { useConsolePathname } from "@/components/common/console-link";
import { useConsoleAdmin, useRole } from "@/components/auth/member-context";
import { isActive, settingsItems, visibleTo } from "@/components/layout/nav-config";
import { SectionTabs } from "@/components/layout/section-tabs";

/** The settings pages as segmented tabs (links: each page has its own URL), only those the role can use. */
export function SettingsNav() {
  const t = useTranslations("settings.nav");
  const pathname = useConsolePathname();
  const items = visibleTo(settingsItems, useRole(), false, useConsoleAdmin());
  return (
    <SectionTabs
      label={t("label")}
      items={items.map((item) => ({ href: item.href, label: t(item.label), icon: item.icon, active: isActive(item, pathname) }))}
    />
  );
}
