"use client";

import { CircleCheck, CircleX } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { WebhookTestResult } from "@/lib/channel/channel";
import { cn } from "@/lib/utils/cn";
import { SHORT_TIME_SECONDS } from "@/lib/utils/date-formats";

/** What LINE reported after sending its test webhook: reached or not, the status code, LINE's reason. */
export function WebhookTestResultPanel({ result }: { result: WebhookTestResult }) {
  const t = useTranslations("settings.channel.webhook.result");
  const format = useFormatter();
  const Icon = result.success ? CircleCheck : CircleX;
  return (
    <section
      aria-label={t("label")}
      role="status"
      className={cn("rounded-lg border p-4", result.success ? "border-success-soft-foreground/25 bg-success-soft/50" : "border-danger/30 bg-danger-soft/50")}
    >
      <div className="flex items-start gap-3">
        <Icon aria-hidden className={cn("mt-0.5 size-5 shrink-0", result.success ? "text-success" : "text-danger")} />
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <p className="text-sm font-semibold">{result.success ? t("success") : t("failure")}</p>
            <time dateTime={result.timestamp} className="text-xs text-muted-foreground tabular">
              {format.dateTime(new Date(result.timestamp), SHORT_TIME_SECONDS)}
            </time>
          </div>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted-foreground">{t("statusCode")}</dt>
            <dd>
              <Badge tone={result.statusCode >= 200 && result.statusCode < 300 ? "success" : "danger"} className="font-mono">
                {result.statusCode || "—"}
              </Badge>
            </dd>
            <dt className="text-muted-foreground">{t("reason")}</dt>
            <dd className="font-mono text-xs leading-5 break-words">{result.reason || "—"}</dd>
            <dt className="text-muted-foreground">{t("detail")}</dt>
            <dd className="font-mono text-xs leading-5 break-words">{result.detail || "—"}</dd>
            <dt className="text-muted-foreground">{t("endpoint")}</dt>
            <dd className="font-mono text-xs leading-5 break-all">{result.endpoint}</dd>
          </dl>
          {!result.success && <p className="text-xs text-muted-foreground">{t("failureHint")}</p>}
        </div>
      </div>
    </section>
  );
}
