"use client";

import { useTranslations } from "next-intl";
import { useConsolePathname } from "@/components/common/console-link";
import { isActive, messagesItems } from "@/components/layout/nav-config";
import { SectionTabs } from "@/components/layout/section-tabs";

/** Messages: what was sent, and what is scheduled to go. */
export function MessagesNav() {
  const t = useTranslations("sends.nav");
  const pathname = useConsolePathname();
  return (
    <SectionTabs
      label={t("label")}
      items={messagesItems.map((item) => ({ href: item.href, label: t(item.label), icon: item.icon, active: isActive(item, pathname, messagesItems) }))}
    />
  );
}
