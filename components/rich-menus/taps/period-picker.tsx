"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { ToggleGroup } from "@/components/ui/toggle-group";

export type PeriodChoice = "7" | "30" | "90" | "custom";

/** The last 7, 30 or 90 days, or two dates of the operator's choosing (both days included). */
export function PeriodPicker({
  choice,
  onChoice,
  custom,
  onCustom,
}: {
  choice: PeriodChoice;
  onChoice: (c: PeriodChoice) => void;
  custom: { from: string; to: string };
  onCustom: (c: { from: string; to: string }) => void;
}) {
  const t = useTranslations("richMenus.taps.period");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ToggleGroup
        label={t("label")}
        value={choice}
        onValueChange={onChoice}
        items={[
          { value: "7", label: t("days", { count: 7 }) },
          { value: "30", label: t("days", { count: 30 }) },
          { value: "90", label: t("days", { count: 90 }) },
          { value: "custom", label: t("custom") },
        ]}
      />
      {choice === "custom" && (
        <span className="flex items-center gap-1.5 text-sm">
          <Input
            type="date"
            aria-label={t("from")}
            value={custom.from}
            max={custom.to}
            onChange={(e) => onCustom({ ...custom, from: e.target.value })}
            className="h-8 w-40"
          />
          <span aria-hidden>–</span>
          <Input
            type="date"
            aria-label={t("to")}
            value={custom.to}
            min={custom.from}
            onChange={(e) => onCustom({ ...custom, to: e.target.value })}
            className="h-8 w-40"
          />
        </span>
      )}
    </div>
  );
}
