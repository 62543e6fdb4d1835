"use client";

import { Star } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { RichMenu } from "@/lib/client/rich-menus";

const TONE = { draft: "neutral", published: "success", changed: "warning" } as const;

/** Draft (never published), published, or changed since published; and whether it is the default. */
export function RichMenuStatusBadge({ menu }: { menu: Pick<RichMenu, "status" | "isDefault"> }) {
  const t = useTranslations("richMenus.status");
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={TONE[menu.status]} data-testid="menu-status">
        {t(menu.status)}
      </Badge>
      {menu.isDefault && (
        <Badge tone="primary" data-testid="default-badge">
          <Star aria-hidden />
          {t("default")}
        </Badge>
      )}
    </span>
  );
}
