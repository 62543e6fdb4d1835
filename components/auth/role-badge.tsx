"use client";

import { Activity, Eye, Send, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ApiKeyRole } from "@/lib/auth/roles";

const LOOK = {
  admin: { tone: "primary", icon: ShieldCheck },
  operator: { tone: "info", icon: Send },
  viewer: { tone: "neutral", icon: Eye },
  metrics: { tone: "neutral", icon: Activity },
} as const;

/** A member's (or key's) role, the same colour and icon everywhere. */
export function RoleBadge({ role, className }: { role: ApiKeyRole; className?: string }) {
  const t = useTranslations("roles");
  const { tone, icon: Icon } = LOOK[role];
  return (
    <Badge tone={tone} className={className}>
      <Icon aria-hidden />
      {t(role)}
    </Badge>
  );
}
