"use client";

import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Field } from "./field";
import type { ComposeApi } from "./use-compose";

/** Silent delivery, the campaign's name, and (push, multicast) LINE's custom aggregation unit for statistics. */
export function OptionsCard({ compose }: { compose: ComposeApi }) {
  const t = useTranslations("composer.options");
  const { state, update } = compose;
  const units = state.kind === "push" || state.kind === "multicast";
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <label className="flex items-start gap-2.5 text-sm">
          <Switch
            checked={state.notificationDisabled}
            onCheckedChange={(notificationDisabled) => update({ notificationDisabled })}
            aria-label={t("silent")}
            className="mt-0.5"
          />
          <span>
            <span className="block font-medium">{t("silent")}</span>
            <span className="block text-xs text-muted-foreground">{t("silentHint")}</span>
          </span>
        </label>
        <Field label={t("campaignName")} path="campaignName" hint={t("campaignNameHint")}>
          {(p) => <Input {...p} value={state.campaignName} maxLength={100} onChange={(e) => update({ campaignName: e.target.value })} />}
        </Field>
        {units && (
          <Field label={t("unit")} path="customAggregationUnits.0" hint={t("unitHint")}>
            {(p) => (
              <Input
                {...p}
                value={state.aggregationUnit}
                placeholder="spring_sale_2026"
                onChange={(e) => update({ aggregationUnit: e.target.value })}
                className="font-mono"
              />
            )}
          </Field>
        )}
      </CardContent>
    </Card>
  );
}
