"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useLanguageName } from "@/components/contacts/language-name";
import type { SegmentFilter } from "@/lib/segments/segment-schema";
import { segmentFilterChips } from "./segment-filter-chips";

/** A segment's conditions as short readable chips ("Tag: vip or 台北店", "Active in the last 30 days"). */
export function SegmentFilterSummary({ filter }: { filter: SegmentFilter }) {
  const t = useTranslations("segments.summary");
  const tStatus = useTranslations("contacts.status");
  const format = useFormatter();
  const languageName = useLanguageName();
  const chips = segmentFilterChips(filter, {
    t: (key, values) => t(key, values),
    status: (s) => tStatus(s),
    list: (items, type) => format.list(items, { type }),
    date: (iso) => format.dateTime(new Date(iso), { dateStyle: "medium" }),
    languageName,
  });
  return (
    <span className="flex flex-wrap gap-1">
      {chips.map((c) => (
        <span key={c} className="rounded-md border border-border bg-muted/60 px-1.5 text-xs leading-5 text-muted-foreground">
          {c}
        </span>
      ))}
    </span>
  );
}
