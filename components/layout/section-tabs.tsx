"use client";

import type { LucideIcon } from "lucide-react";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { cn } from "@/lib/utils/cn";

/** A section's pages as segmented tabs: links (each page has its own URL), the current one marked. */
export function SectionTabs({ label, items }: { label: string; items: Array<{ href: string; label: string; icon: LucideIcon; active: boolean }> }) {
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto px-1 pb-1 scrollbar-thin">
      <ul className="inline-flex items-center gap-0.5 rounded-lg border border-border bg-muted p-0.5">
        {items.map((item) => {
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={item.active ? "page" : undefined}
                className={cn(
                  "inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                  item.active ? "bg-surface-raised text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
                )}
              >
                <Icon aria-hidden className={cn("size-3.5", item.active ? "text-primary" : "text-subtle-foreground")} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
