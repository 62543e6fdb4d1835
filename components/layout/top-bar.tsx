"use client";

import { ChevronRight, Menu, Search, Slash } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link, useConsolePathname } from "@/components/common/console-link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { shortId } from "@/lib/utils/format";
import { BrandMark } from "./brand";
import { ChannelSwitcher } from "./channel-switcher";
import { useCommandPalette } from "./command-palette-provider";
import { LiveIndicator } from "./live-indicator";
import { UserMenu } from "@/components/auth/user-menu";
import { activeNavItem, activeMessagesTab, activeSettingsItem } from "./nav-config";
import { NavContents } from "./sidebar";
import { ThemeToggle } from "./theme-toggle";

export function TopBar() {
  const t = useTranslations("nav");
  const palette = useCommandPalette();
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <header className="relative z-30 flex h-12 shrink-0 items-center gap-2 border-b border-border bg-surface/80 px-3 backdrop-blur supports-[backdrop-filter]:bg-surface/70 md:px-5">
      <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("openMenu")} onClick={() => setDrawerOpen(true)}>
        <Menu aria-hidden />
      </Button>
      <ChannelSwitcher />
      <Breadcrumbs />
      <div className="ml-auto flex items-center gap-1">
        <LiveIndicator />
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("search")} onClick={palette.open}>
          <Search aria-hidden />
        </Button>
        <ThemeToggle />
        <UserMenu />
      </div>
      <Dialog open={drawerOpen} onOpenChange={setDrawerOpen} variant="sheet-left" aria-label={t("mainNavigation")}>
        <div className="flex h-12 items-center gap-2.5 border-b border-border px-4">
          <BrandMark />
          <span className="text-sm font-semibold">{t("brand")}</span>
          <DialogClose label={t("closeMenu")} onClick={() => setDrawerOpen(false)} />
        </div>
        <NavContents expanded onNavigate={() => setDrawerOpen(false)} />
      </Dialog>
    </header>
  );
}

/** Channel / section › page, from the URL and the nav config (detail pages add their id, settings their tab). */
function Breadcrumbs() {
  const t = useTranslations("nav");
  const tSettings = useTranslations("settings.nav");
  const tMessages = useTranslations("sends.nav");
  const pathname = useConsolePathname();
  const item = activeNavItem(pathname);
  if (!item) return null;
  const rest = pathname.slice(item.href.length).split("/").filter(Boolean);
  const settingsTab = item.href === "/settings" ? activeSettingsItem(pathname) : undefined;
  const messagesTab = item.href === "/messages" ? activeMessagesTab(pathname) : undefined;
  const detail = settingsTab ? tSettings(settingsTab.label) : messagesTab ? tMessages(messagesTab.label) : rest[0] ? decodeURIComponent(rest[0]) : null;
  const detailIsId = !settingsTab && !messagesTab;
  return (
    <>
      <Slash aria-hidden className="size-3.5 shrink-0 -rotate-12 text-border-strong" />
      <nav aria-label={t("breadcrumbs")} className="min-w-0">
        <ol className="flex min-w-0 items-center gap-1.5 text-sm">
          <li className="min-w-0">
            {detail ? (
              <Link href={item.href} className="truncate text-muted-foreground transition-colors hover:text-foreground">
                {t(item.label)}
              </Link>
            ) : (
              <span aria-current="page" className="truncate font-medium">
                {t(item.label)}
              </span>
            )}
          </li>
          {detail && (
            <>
              <ChevronRight aria-hidden className="size-3.5 shrink-0 text-subtle-foreground" />
              {detailIsId ? (
                <li aria-current="page" className="truncate font-mono text-xs font-medium">
                  {/^\d+$/.test(detail) ? `#${detail}` : shortId(detail, 8, 4)}
                </li>
              ) : (
                <li aria-current="page" className="truncate font-medium">
                  {detail}
                </li>
              )}
            </>
          )}
        </ol>
      </nav>
    </>
  );
}
