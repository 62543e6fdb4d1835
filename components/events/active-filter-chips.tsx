"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { eventFilterKeys } from "@/lib/events/event-filter-rules";
import type { EventFilters } from "@/lib/events/event-filters";
import { chatDetailQuery, friendDetailQuery } from "@/lib/client/contacts";
import { SHORT_TIME } from "@/lib/utils/date-formats";
import { shortId } from "@/lib/utils/format";
import type { FilterPatch } from "./use-event-filters";

interface ActiveFilterChipsProps {
  filters: EventFilters;
  setFilters: (patch: FilterPatch) => void;
  clearFilters: () => void;
  typeLabel: (type: string) => string;
}

/** Every active filter as a removable chip, so what narrows the list is always in view. */
export function ActiveFilterChips({ filters, setFilters, clearFilters, typeLabel }: ActiveFilterChipsProps) {
  const t = useTranslations("events.filters");
  const tAll = useTranslations();
  const format = useFormatter();
  const active = eventFilterKeys.filter((k) => filters[k]);
  if (active.length === 0) return null;

  const valueOf = (key: (typeof eventFilterKeys)[number], value: string): string => {
    switch (key) {
      case "type":
        return typeLabel(value);
      case "messageType":
        return tAll.has(`messageTypes.${value}`) ? tAll(`messageTypes.${value}`) : value;
      case "sourceType":
        return t(`source${value[0]!.toUpperCase()}${value.slice(1)}`);
      case "from":
      case "to":
        return format.dateTime(new Date(value), SHORT_TIME);
      case "redelivery":
        return t("yes");
      default:
        return `“${value}”`;
    }
  };

  return (
    <ul aria-label={t("activeFilters")} className="flex flex-wrap items-center gap-1.5">
      {active.map((key) => (
        <li key={key}>
          <span className="inline-flex h-6 items-center gap-1 rounded-full border border-primary/25 bg-primary-soft/50 pr-0.5 pl-2.5 text-xs text-foreground">
            <span className="text-muted-foreground">{t(`chip.${key}`)}</span>
            {key === "userId" || key === "groupId" || key === "roomId" ? (
              <SourceChipValue id={filters[key]!} />
            ) : (
              <span className="font-medium" title={filters[key]}>
                {valueOf(key, filters[key]!)}
              </span>
            )}
            <button
              type="button"
              aria-label={t("removeFilter", { filter: t(`chip.${key}`) })}
              onClick={() => setFilters({ [key]: undefined })}
              className="flex size-5 items-center justify-center rounded-full text-muted-foreground hover:bg-primary-soft hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <X className="size-3" aria-hidden />
            </button>
          </span>
        </li>
      ))}
      <li>
        <Button variant="link" size="xs" onClick={clearFilters} className="ml-1">
          {t("clearAll")}
        </Button>
      </li>
    </ul>
  );
}

// The name the console knows a user, group or room by; the short id until then, or when it knows none.
function SourceChipValue({ id }: { id: string }) {
  const isUser = id.startsWith("U");
  const friend = useQuery({ ...friendDetailQuery(id), enabled: isUser, retry: false, staleTime: 5 * 60_000 });
  const chat = useQuery({ ...chatDetailQuery(id), enabled: !isUser, retry: false, staleTime: 5 * 60_000 });
  const name = isUser ? friend.data?.displayName : chat.data?.name;
  return name ? (
    <span className="max-w-48 truncate font-medium" title={id}>
      {name}
    </span>
  ) : (
    <span className="font-mono" title={id}>
      {shortId(id)}
    </span>
  );
}
