"use client";

import { CircleAlert, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";

/** A failed call to LINE: what it means for the operator (by our error code), then LINE's own words. */
export function LineErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations("errors");
  return (
    <Callout tone="danger" className="items-start">
      <CircleAlert aria-hidden />
      <ErrorMessage error={error} className="flex-1 [&>p:first-child]:font-medium" />
      {onRetry && (
        <Button size="xs" variant="secondary" onClick={onRetry} className="shrink-0">
          <RotateCw aria-hidden />
          {t("retry")}
        </Button>
      )}
    </Callout>
  );
}
