"use client";

import { Megaphone, MessageSquareReply, Send, Target, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, StatusDot, type BadgeTone } from "@/components/ui/badge";
import { sendStage, stageBadge } from "@/lib/sends/send-stage";

const STATUS_TONE: Record<string, BadgeTone> = {
  queued: "neutral",
  sending: "info",
  delivering: "info",
  sent: "success",
  partially_sent: "warning",
  failed: "danger",
};
const DOT_TONE: Record<string, "neutral" | "success" | "warning" | "danger"> = {
  queued: "neutral",
  sending: "warning",
  delivering: "warning",
  sent: "success",
  partially_sent: "warning",
  failed: "danger",
};
const KIND_ICON = { push: Send, multicast: Users, broadcast: Megaphone, narrowcast: Target, reply: MessageSquareReply } as const;

/** The send's stage in one word (lib/sends/send-stage.ts: the same reading as the detail's headline). */
export function SendStatusBadge({ send }: { send: Parameters<typeof sendStage>[0] }) {
  const t = useTranslations("sends.status");
  const stage = sendStage(send);
  const key = stageBadge(stage);
  const moving = key === "queued" || key === "sending" || key === "delivering";
  return (
    <Badge tone={STATUS_TONE[key] ?? "neutral"} size="md" data-testid="send-status" data-status={key} data-stage={stage}>
      <StatusDot tone={DOT_TONE[key] ?? "neutral"} pulse={moving} />
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
