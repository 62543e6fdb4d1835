"use client";

import { useTranslations } from "next-intl";
import { Badge, StatusDot } from "@/components/ui/badge";
import type { FriendItem } from "@/lib/contacts/serialize";

/** Friend / blocked / seen only in groups, as a small badge with a dot. */
export function FriendStatusBadge({ status, className }: { status: FriendItem["status"]; className?: string }) {
  const t = useTranslations("contacts.status");
  const tone = status === "friend" ? "success" : status === "blocked" ? "danger" : "neutral";
  return (
    <Badge tone={status === "friend" ? "success" : status === "blocked" ? "danger" : "neutral"} className={className} title={t(`${status}Hint`)}>
      <StatusDot tone={tone} />
      {t(status)}
    </Badge>
  );
}
