"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useFieldIssues } from "@/components/sends/composer/issues-context";
import { PathErrors } from "@/components/sends/composer/field";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { restPercent, shareSizes } from "@/lib/campaigns/ab-test-shares";
import { MAX_HOLDOUT_PERCENT, VARIANT_LABELS } from "@/lib/campaigns/ab-test-schemas";
import { sendJson } from "@/lib/client/api-client";
import { campaignKeys } from "@/lib/client/campaigns";
import { segmentDetailQuery } from "@/lib/client/segments";

/** Each variant's share and the holdout, with the sentence that says who gets what. */
export function AbTestShares({
  sharePercent,
  holdoutPercent,
  onChange,
  sentence,
}: {
  sharePercent: string;
  holdoutPercent: string;
  onChange: (patch: { sharePercent?: string; holdoutPercent?: string }) => void;
  sentence: string | null;
}) {
  const t = useTranslations("campaigns.abTest.form");
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("sharesTitle")}</CardTitle>
          <CardDescription>{t("sharesHint")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="grid gap-4 sm:grid-cols-2">
          <PercentField
            id="ab-share"
            path="sharePercent"
            label={t("share")}
            value={sharePercent}
            min={1}
            max={50}
            onChange={(v) => onChange({ sharePercent: v })}
          />
          <PercentField
            id="ab-holdout"
            path="holdoutPercent"
            label={t("holdout")}
            hint={t("holdoutHint")}
            value={holdoutPercent}
            min={0}
            max={MAX_HOLDOUT_PERCENT}
            onChange={(v) => onChange({ holdoutPercent: v })}
          />
        </div>
        <p className="rounded-md bg-muted/60 px-3 py-2 text-sm" aria-live="polite" data-testid="ab-share-sentence">
          {sentence ?? t("counting")}
        </p>
      </CardContent>
    </Card>
  );
}

function PercentField(props: {
  id: string;
  path: string;
  label: string;
  hint?: string;
  value: string;
  min: number;
  max: number;
  onChange: (v: string) => void;
}) {
  const invalid = useFieldIssues(props.path).length > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <div className="flex items-center gap-1.5">
        <Input
          id={props.id}
          type="number"
          inputMode="decimal"
          min={props.min}
          max={props.max}
          step={1}
          value={props.value}
          aria-invalid={invalid || undefined}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          onChange={(e) => props.onChange(e.target.value)}
          className="w-24"
        />
        <span aria-hidden className="text-sm text-muted-foreground">
          %
        </span>
      </div>
      {props.hint && (
        <p id={`${props.id}-hint`} className="text-xs text-muted-foreground">
          {props.hint}
        </p>
      )}
      <PathErrors path={props.path} />
    </div>
  );
}

/**
 * "A and B each go to 10 % (≈ 120 friends), 10 % get nothing, the winner goes to the other 70 % (≈ 840)":
 * from the audience's size now (every friend, or the segment counted again). Null until it is counted.
 */
export function useShareSentence(s: {
  audience: "all" | "segment";
  segmentId: string | null;
  variants: unknown[];
  sharePercent: string;
  holdoutPercent: string;
}) {
  const t = useTranslations("campaigns.abTest.form");
  const format = useFormatter();
  const all = useQuery({
    queryKey: [...campaignKeys.all, "audience", "all"],
    queryFn: () => sendJson<{ size: number }>("POST", "/api/segments/count", { filter: {} }),
    enabled: s.audience === "all",
    staleTime: 60_000,
  });
  const segment = useQuery({ ...segmentDetailQuery(s.segmentId ?? ""), enabled: s.audience === "segment" && s.segmentId !== null });
  const size = s.audience === "all" ? all.data?.size : s.segmentId ? segment.data?.size : undefined;
  const share = Number(s.sharePercent);
  const holdout = s.holdoutPercent.trim() === "" ? 0 : Number(s.holdoutPercent);
  if (size === undefined || size === null || !(share > 0) || !(holdout >= 0)) return null;
  const k = s.variants.length;
  const sizes = shareSizes({ audienceSize: size, variants: k, sharePercent: share, holdoutPercent: holdout });
  const values = {
    variants: format.list(VARIANT_LABELS.slice(0, k), { type: "conjunction" }),
    share: format.number(share),
    perVariant: sizes.perVariant,
    holdout: format.number(holdout),
    rest: format.number(restPercent({ variants: k, sharePercent: share, holdoutPercent: holdout })),
    restCount: sizes.rest,
  };
  return holdout > 0 ? t("sentence", values) : t("sentenceNoHoldout", values);
}
