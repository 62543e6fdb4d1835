"use client";

import { Megaphone, MessageSquareReply, Send, Target, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, StatusDot, type BadgeTone } from "@/components/ui/badge";

const STATUS_TONE: Record<string, BadgeTone> = { queued: "neutral", sending: "info", sent: "success", partially_sent: "warning", failed: "danger" };
const DOT_TONE: Record<string, "neutral" | "success" | "warning" | "danger"> = { queued: "neutral", sending: "warning", sent: "success", partially_sent: "warning", failed: "danger" };
const KIND_ICON = { push: Send, multicast: Users, broadcast: Megaphone, narrowcast: Target, reply: MessageSquareReply } as const;

export function SendStatusBadge({ status, phase }: { status: string; phase?: string | null }) {
  const t = useTranslations("sends.status");
  // A narrowcast LINE accepted is "sent" to us but still being delivered by LINE: say so.
  const delivering = status === "sent" && phase && phase !== "succeeded" && phase !== "failed";
  const key = delivering ? "delivering" : status;
  return (
    <Badge tone={delivering ? "info" : (STATUS_TONE[status] ?? "neutral")} size="md" data-testid="send-status" data-status={key}>
      <StatusDot tone={delivering ? "warning" : (DOT_TONE[status] ?? "neutral")} pulse={status === "sending" || status === "queued" || Boolean(delivering)} />
      {t(key)}
    </Badge>
  );
}

export function SendKindBadge({ kind, isTest }: { kind: string; isTest?: boolean }) {
  const t = useTranslations("sends");
  const Icon = KIND_ICON[kind as keyof typeof KIND_ICON] ?? Send;
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge tone="primary">
        <Icon aria-hidden />
        {t(`kinds.${kind}`)}
      </Badge>
      {isTest && <Badge tone="warning">{t("test")}</Badge>}
    </span>
  );
}
