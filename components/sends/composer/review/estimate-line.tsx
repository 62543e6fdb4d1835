"use client";

import { Loader2, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import type { useExpectedRecipients } from "./use-expected-recipients";

/** The narrowcast estimate, labelled as one, with LINE's thresholds (≥100 target reach, ≥50 recipients). */
export function EstimateLine({ expected }: { expected: ReturnType<typeof useExpectedRecipients> }) {
  const t = useTranslations("composer.review");
  const { estimate } = expected;
  if (!expected.targetingValid) return <li className="text-xs text-muted-foreground">{t("estimateWaiting")}</li>;
  if (estimate.isPending)
    return (
      <li className="flex items-center gap-2 text-xs text-muted-foreground">
        <Loader2 aria-hidden className="size-3.5 animate-spin" />
        {t("estimating")}
      </li>
    );
  if (estimate.isError)
    return (
      <li className="text-xs text-danger">
        <ErrorMessage error={estimate.error} lead={t("estimateFailed")} />
      </li>
    );
  const e = estimate.data!;
  return (
    <li className="space-y-1.5">
      <p className="text-xs text-muted-foreground" data-testid="estimate">
        {t("estimateDetail", { matched: e.matched, reach: e.targetedReaches })}
      </p>
      {e.warnings.map((w) => (
        <p key={w} className="flex items-start gap-1.5 rounded-md bg-warning-soft px-2.5 py-1.5 text-xs text-warning-soft-foreground">
          <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          {t(`warnings.${w}`)}
        </p>
      ))}
    </li>
  );
}
