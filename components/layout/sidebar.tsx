"use client";

import { PanelLeftClose, PanelLeftOpen, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link, useConsolePathname } from "@/components/common/console-link";
import { useState } from "react";
import { Kbd } from "@/components/ui/kbd";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils/cn";
import { BrandMark } from "./brand";
import { useCommandPalette } from "./command-palette-provider";
import { useRole } from "@/components/auth/member-context";
import { useConsoleFlags } from "./console-flags";
import { isActive, navItems, navSections, visibleTo } from "./nav-config";
import { SIDEBAR_COOKIE } from "./sidebar-state";
import { useIsMac } from "./use-is-mac";
import { useMediaQuery } from "./use-media-query";

/**
 * Full width from 1024px (unless the operator collapsed it), an icon rail from 768px; below that the
 * top bar's menu button opens the same navigation in a drawer.
 */
export function Sidebar({ initialCollapsed }: { initialCollapsed: boolean }) {
  const t = useTranslations("nav");
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const wide = useMediaQuery("(min-width: 1024px)", true);
  const expanded = wide && !collapsed;

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = `${SIDEBAR_COOKIE}=${next ? "rail" : "full"}; path=/; max-age=31536000; samesite=lax`;
  };

  return (
    <aside
      aria-label={t("mainNavigation")}
      data-expanded={expanded}
      className={cn("hidden shrink-0 flex-col border-r border-border bg-surface transition-[width] duration-200 md:flex", collapsed ? "w-14" : "w-14 lg:w-60")}
    >
      <div className={cn("flex h-12 items-center gap-2.5 border-b border-border px-3.5", expanded && "px-4")}>
        <BrandMark />
        {expanded && <span className="truncate text-sm font-semibold tracking-tight">{t("brand")}</span>}
      </div>
      <NavContents expanded={expanded} />
      <div className="mt-auto border-t border-border p-2">
        <RailTooltip show={!expanded} label={collapsed ? t("expandSidebar") : t("collapseSidebar")}>
          <button
            type="button"
            onClick={toggle}
            aria-label={collapsed ? t("expandSidebar") : t("collapseSidebar")}
            className="hidden h-8 w-full items-center gap-2.5 rounded-md px-2.5 text-sm text-muted-foreground transition-colors hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none lg:flex"
          >
            {collapsed ? <PanelLeftOpen className="size-4 shrink-0" aria-hidden /> : <PanelLeftClose className="size-4 shrink-0" aria-hidden />}
            {expanded && <span className="truncate">{t("collapseSidebar")}</span>}
          </button>
        </RailTooltip>
      </div>
    </aside>
  );
}

/** The search button and the nav list; also used inside the small-screen drawer. */
export function NavContents({ expanded, onNavigate }: { expanded: boolean; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = useConsolePathname();
  const palette = useCommandPalette();
  const isMac = useIsMac();
  const items = visibleTo(navItems, useRole(), useConsoleFlags().demo);

  return (
    <nav className="flex flex-col gap-4 p-2">
      <RailTooltip show={!expanded} label={t("search")}>
        <button
          type="button"
          onClick={() => {
            onNavigate?.();
            palette.open();
          }}
          onPointerEnter={palette.prefetch}
          onFocus={palette.prefetch}
          aria-label={expanded ? undefined : t("search")}
          aria-keyshortcuts="Control+K Meta+K"
          className={cn(
            "flex h-8 w-full items-center gap-2 rounded-md border border-border bg-background text-sm text-subtle-foreground transition-colors hover:border-border-strong hover:text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
            expanded ? "px-2.5" : "justify-center",
          )}
        >
          <Search className="size-4 shrink-0" aria-hidden />
          {expanded && (
            <>
              <span className="truncate">{t("search")}</span>
              <span className="ml-auto flex gap-0.5">
                <Kbd>{isMac ? "⌘" : "Ctrl"}</Kbd>
                <Kbd>K</Kbd>
              </span>
            </>
          )}
        </button>
      </RailTooltip>
      {navSections
        .filter((section) => items.some((item) => item.section === section))
        .map((section) => (
          <div key={section} className="flex flex-col gap-0.5">
            {expanded && <h2 className="px-2.5 pb-1 text-2xs font-medium tracking-wider text-subtle-foreground uppercase">{t(`sections.${section}`)}</h2>}
            <ul className="flex flex-col gap-0.5">
              {items
                .filter((item) => item.section === section)
                .map((item) => {
                  const active = isActive(item, pathname);
                  const Icon = item.icon;
                  return (
                    <li key={item.href}>
                      <RailTooltip show={!expanded} label={t(item.label)}>
                        <Link
                          href={item.href}
                          onClick={onNavigate}
                          aria-current={active ? "page" : undefined}
                          aria-label={expanded ? undefined : t(item.label)}
                          className={cn(
                            "group relative flex h-8 w-full items-center gap-2.5 rounded-md text-sm transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                            expanded ? "px-2.5" : "justify-center",
                            active ? "bg-selected font-medium text-foreground" : "text-muted-foreground hover:bg-hover hover:text-foreground",
                          )}
                        >
                          {active && <span aria-hidden className="absolute top-1.5 bottom-1.5 -left-2 w-[3px] rounded-r-full bg-primary" />}
                          <Icon
                            aria-hidden
                            className={cn("size-4 shrink-0", active ? "text-primary" : "text-subtle-foreground group-hover:text-muted-foreground")}
                          />
                          {expanded && <span className="truncate">{t(item.label)}</span>}
                        </Link>
                      </RailTooltip>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
    </nav>
  );
}

function RailTooltip({ show, label, children }: { show: boolean; label: string; children: React.ReactElement }) {
  return show ? (
    <Tooltip content={label} side="right">
      {children}
    </Tooltip>
  ) : (
    children
  );
}
