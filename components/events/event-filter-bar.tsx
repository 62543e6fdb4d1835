"use client";

import { useTranslations } from "next-intl";
import { SearchBox } from "@/components/common/search-box";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import type { EventFilters } from "@/lib/events/event-filters";
import { ActiveFilterChips } from "./active-filter-chips";
import { SourceFilterInput } from "./source-filter-input";
import { knownEventTypes, knownMessageTypes } from "@/lib/events/types/summary/event-family";
import { TimeRangeControl } from "./time-range-control";
import type { FilterPatch } from "./use-event-filters";

interface EventFilterBarProps {
  filters: EventFilters;
  setFilters: (patch: FilterPatch, mode?: "push" | "replace") => void;
  clearFilters: () => void;
}

export function EventFilterBar({ filters, setFilters, clearFilters }: EventFilterBarProps) {
  const t = useTranslations("events.filters");
  const tAll = useTranslations();
  const typeLabel = (type: string) => (tAll.has(`eventTypes.${type}`) ? tAll(`eventTypes.${type}`) : type);
  const types = filters.type && !knownEventTypes.includes(filters.type) ? [...knownEventTypes, filters.type] : knownEventTypes;
  const messageTypes: string[] =
    filters.messageType && !(knownMessageTypes as readonly string[]).includes(filters.messageType)
      ? [...knownMessageTypes, filters.messageType]
      : [...knownMessageTypes];

  return (
    <div className="space-y-2.5 border-b border-border bg-surface px-4 py-3 md:px-6 lg:px-8">
      <div role="search" aria-label={t("label")} className="flex flex-wrap items-center gap-2">
        <SearchBox
          value={filters.q ?? ""}
          onSearch={(q) => setFilters({ q: q || undefined }, "replace")}
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          hint={t("searchHint")}
          clearLabel={t("clearSearch")}
          maxLength={200}
          className="w-full sm:w-auto sm:min-w-52 sm:flex-1 lg:max-w-80"
        />
        <Select
          aria-label={t("type")}
          data-active={Boolean(filters.type)}
          value={filters.type ?? ""}
          onChange={(e) => setFilters({ type: e.target.value || undefined })}
          className="max-w-48"
        >
          <option value="">{t("allTypes")}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t("messageType")}
          data-active={Boolean(filters.messageType)}
          value={filters.messageType ?? ""}
          onChange={(e) => {
            const messageType = e.target.value || undefined;
            // A message type only exists on message events: drop a type filter that contradicts it.
            const keepType = !filters.type || filters.type === "message" || filters.type === "messageEdited";
            setFilters({ messageType, ...(messageType && !keepType ? { type: undefined } : {}) });
          }}
          className="max-w-44"
        >
          <option value="">{t("allMessageTypes")}</option>
          {messageTypes.map((m) => (
            <option key={m} value={m}>
              {tAll.has(`messageTypes.${m}`) ? tAll(`messageTypes.${m}`) : m}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t("source")}
          data-active={Boolean(filters.sourceType)}
          value={filters.sourceType ?? ""}
          onChange={(e) => setFilters({ sourceType: e.target.value || undefined })}
          className="max-w-40"
        >
          <option value="">{t("allSources")}</option>
          <option value="user">{t("sourceUser")}</option>
          <option value="group">{t("sourceGroup")}</option>
          <option value="room">{t("sourceRoom")}</option>
        </Select>
        <TimeRangeControl from={filters.from} to={filters.to} onChange={(range) => setFilters(range)} />
        <SourceFilterInput onApply={(patch) => setFilters(patch)} />
        <label className="inline-flex h-8 cursor-pointer items-center gap-2 rounded-md px-1.5 text-sm text-muted-foreground select-none hover:text-foreground">
          <Checkbox checked={filters.redelivery === "true"} onChange={(e) => setFilters({ redelivery: e.target.checked ? "true" : undefined })} />
          {t("redeliveredOnly")}
        </label>
      </div>
      <ActiveFilterChips filters={filters} setFilters={setFilters} clearFilters={clearFilters} typeLabel={typeLabel} />
    </div>
  );
}
