"use client";

import { Reply } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSecondsLeft } from "@/components/common/use-seconds-left";
import { Badge } from "@/components/ui/badge";

/** In a timeline row: how long "Reply" still works (nothing once it does not, or before hydration). */
export function ReplyCountdown({ deadline }: { deadline: string | null }) {
  const t = useTranslations("reply");
  const seconds = useSecondsLeft(deadline ? new Date(deadline).getTime() : null, true);
  if (seconds <= 0) return null;
  return (
    <Badge tone="success" title={t("countdown", { seconds })} className="tabular shrink-0">
      <Reply aria-hidden />
      {t("secondsShort", { seconds })}
    </Badge>
  );
}
