"use client";

import { UserRound, X } from "lucide-react";
import { useTimeZone, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { AuditEntry, AuditFilters } from "@/lib/client/audit";
import { dayInZone, endOfDayInZone, startOfDayInZone } from "@/lib/utils/zoned-date";
import { auditActionKey } from "./audit-action";

interface AuditFilterBarProps {
  filters: AuditFilters;
  /** Actions recorded so far (the API lists them). */
  actions: string[];
  /** Loaded entries, to name the actor being filtered on. */
  entries: AuditEntry[];
  onChange: (filters: AuditFilters) => void;
}

/** Action, a date range in the operator's time zone, and the actor chosen from a row. */
export function AuditFilterBar({ filters, actions, entries, onChange }: AuditFilterBarProps) {
  const t = useTranslations("settings.audit");
  const timeZone = useTimeZone() ?? "UTC";
  const options = filters.action && !actions.includes(filters.action) ? [filters.action, ...actions] : actions;
  const actorLabel = filters.actorId ? (entries.find((e) => e.actorId === filters.actorId)?.actorLabel ?? filters.actorId) : null;
  const setDay = (key: "from" | "to", day: string) =>
    onChange({ ...filters, [key]: day ? (key === "from" ? startOfDayInZone(day, timeZone) : endOfDayInZone(day, timeZone)).toISOString() : undefined });
  const any = Boolean(filters.action || filters.actorId || filters.from || filters.to);

  return (
    <div role="search" aria-label={t("filtersLabel")} className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted-foreground">
        {t("action")}
        <Select
          value={filters.action ?? ""}
          onChange={(e) => onChange({ ...filters, action: e.target.value || undefined })}
          data-active={Boolean(filters.action)}
          className="w-60 max-w-full"
        >
          <option value="">{t("allActions")}</option>
          {options.map((a) => (
            <option key={a} value={a}>
              {t.has(`actions.${auditActionKey(a)}`) ? t(`actions.${auditActionKey(a)}`) : a}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
        {t("from")}
        <Input
          type="date"
          value={filters.from ? dayInZone(filters.from, timeZone) : ""}
          max={filters.to ? dayInZone(filters.to, timeZone) : undefined}
          onChange={(e) => setDay("from", e.target.value)}
          className="w-40"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
        {t("to")}
        <Input
          type="date"
          value={filters.to ? dayInZone(filters.to, timeZone) : ""}
          min={filters.from ? dayInZone(filters.from, timeZone) : undefined}
          onChange={(e) => setDay("to", e.target.value)}
          className="w-40"
        />
      </label>
      {actorLabel && (
        <span className="inline-flex h-8 max-w-72 items-center gap-1.5 rounded-md border border-primary/40 bg-primary-soft/50 pr-1 pl-2.5 text-sm">
          <UserRound aria-hidden className="size-3.5 shrink-0 text-primary-soft-foreground" />
          <span className="truncate">{actorLabel}</span>
          <button
            type="button"
            aria-label={t("removeActor")}
            onClick={() => onChange({ ...filters, actorId: undefined })}
            className="flex size-6 shrink-0 items-center justify-center rounded text-muted-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            <X aria-hidden className="size-3.5" />
          </button>
        </span>
      )}
      {any && (
        <Button variant="subtle" onClick={() => onChange({})}>
          {t("clearFilters")}
        </Button>
      )}
      <p className="ml-auto self-center text-xs text-subtle-foreground">{t("timesIn", { zone: timeZone })}</p>
    </div>
  );
}
