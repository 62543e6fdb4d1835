"use client";

import { useTranslations } from "next-intl";
import { ConsoleLink as Link, useConsolePathname } from "@/components/common/console-link";
import { useConsoleAdmin, useRole } from "@/components/auth/member-context";
import { isActive, settingsItems, visibleTo } from "@/components/layout/nav-config";
import { cn } from "@/lib/utils/cn";

/** The settings pages as segmented tabs (links: each page has its own URL), only those the role can use. */
export function SettingsNav() {
  const t = useTranslations("settings.nav");
  const pathname = useConsolePathname();
  const items = visibleTo(settingsItems, useRole(), false, useConsoleAdmin());
  return (
    <nav aria-label={t("label")} className="-mx-1 overflow-x-auto px-1 pb-1 scrollbar-thin">
      <ul className="inline-flex items-center gap-0.5 rounded-lg border border-border bg-muted p-0.5">
        {items.map((item) => {
          const active = isActive(item, pathname);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                  active ? "bg-surface-raised text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
                )}
              >
                <Icon aria-hidden className={cn("size-3.5", active ? "text-primary" : "text-subtle-foreground")} />
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
