"use client";

import { Quote } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { describeTargeting, type Targeting } from "@/lib/sends/composer/targeting-sentence";
import { cn } from "@/lib/utils/cn";

/** The targeting said in words, in the operator's language. */
export function TargetingSentence({ body, incomplete = 0, className }: { body: Targeting | Record<string, unknown>; incomplete?: number; className?: string }) {
  const t = useTranslations("targeting");
  const tc = useTranslations("composer.narrowcast");
  const locale = useLocale();
  const sentence = describeTargeting(body as Targeting, (k, v) => t(k, v), locale);
  return (
    <div className={cn("flex items-start gap-2.5 rounded-lg border border-primary/20 bg-primary-soft/40 px-3 py-2.5", className)}>
      <Quote aria-hidden className="mt-0.5 size-4 shrink-0 text-primary-soft-foreground" />
      <div className="min-w-0">
        <p className="text-2xs font-medium tracking-wide text-primary-soft-foreground uppercase">{tc("sentenceLabel")}</p>
        <p className="text-sm font-medium" data-testid="targeting-sentence">
          {sentence}
        </p>
        {/* Empty conditions are left out of LINE's JSON, so the sentence cannot show them: say they are pending. */}
        {incomplete > 0 && (
          <p className="mt-0.5 text-xs text-danger" data-testid="targeting-incomplete">
            {tc("sentenceIncomplete", { count: incomplete })}
          </p>
        )}
      </div>
    </div>
  );
}
