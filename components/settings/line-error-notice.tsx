"use client";

import { CircleAlert, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ApiError } from "@/lib/queries/api-client";

const KNOWN = ["line_not_configured", "line_unauthorized", "line_rate_limited", "line_unavailable", "line_refused", "line_unreachable", "webhook_endpoint_not_set"];

/** A failed call to LINE: what it means for the operator (by our error code), then LINE's own words. */
export function LineErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations("settings.lineErrors");
  const api = error instanceof ApiError ? error : null;
  const code = api && KNOWN.includes(api.code) ? api.code : api ? "other" : "network";
  return (
    <Callout tone="danger" className="items-start">
      <CircleAlert aria-hidden />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium">{t(code)}</p>
        {api?.message && <p className="text-xs break-words opacity-90">{api.message}</p>}
        {api?.details?.map((d) => (
          <p key={d.property} className="font-mono text-xs break-words opacity-90">
            {d.property}: {d.message}
          </p>
        ))}
      </div>
      {onRetry && (
        <Button size="xs" variant="secondary" onClick={onRetry} className="shrink-0">
          <RotateCw aria-hidden />
          {t("retry")}
        </Button>
      )}
    </Callout>
  );
}
