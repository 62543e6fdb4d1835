"use client";

import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SHORT_TIME } from "@/lib/utils/date-formats";
import { fromLocalInput, presetRange, timePresets, toLocalInput, type TimePreset } from "./time-range";

interface TimeRangeControlProps {
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
}

export function TimeRangeControl({ from, to, onChange }: TimeRangeControlProps) {
  const t = useTranslations("events.filters");
  const format = useFormatter();
  const timeZone = useTimeZone() ?? "UTC";
  const [custom, setCustom] = useState(false);
  const hasRange = Boolean(from || to);
  const short = (iso: string) => format.dateTime(new Date(iso), SHORT_TIME);
  const rangeLabel = from && to ? `${short(from)} – ${short(to)}` : from ? t("since", { time: short(from) }) : to ? t("until", { time: short(to!) }) : "";

  return (
    <>
      <Select
        aria-label={t("time")}
        data-active={hasRange}
        value={custom ? "custom" : hasRange ? "range" : ""}
        onChange={(e) => {
          const v = e.target.value;
          if (v === "custom") return setCustom(true);
          setCustom(false);
          if (v === "") onChange({ from: undefined, to: undefined });
          else if (v !== "range") onChange(presetRange(v as TimePreset));
        }}
        className="max-w-52"
      >
        <option value="">{t("anyTime")}</option>
        {timePresets.map((p) => (
          <option key={p.key} value={p.key}>
            {t(`presets.${p.key}`)}
          </option>
        ))}
        <option value="custom">{t("customRange")}</option>
        {hasRange && <option value="range">{rangeLabel}</option>}
      </Select>
      {(custom || hasRange) && (
        <div className="flex items-center gap-1.5">
          <Input
            type="datetime-local"
            aria-label={t("from")}
            value={toLocalInput(from, timeZone)}
            max={toLocalInput(to, timeZone) || undefined}
            onChange={(e) => onChange({ from: fromLocalInput(e.target.value, timeZone) })}
            className="w-44 text-xs"
          />
          <span aria-hidden className="text-subtle-foreground">
            –
          </span>
          <Input
            type="datetime-local"
            aria-label={t("to")}
            value={toLocalInput(to, timeZone)}
            min={toLocalInput(from, timeZone) || undefined}
            onChange={(e) => onChange({ to: fromLocalInput(e.target.value, timeZone) })}
            className="w-44 text-xs"
          />
        </div>
      )}
    </>
  );
}
