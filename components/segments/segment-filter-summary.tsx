"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useLanguageName } from "@/components/contacts/language-name";
import type { SegmentFilter } from "@/lib/segments/segment-schema";

/** A segment's conditions as short readable chips ("Tag: vip or 台北店", "Active in the last 30 days"). */
export function SegmentFilterSummary({ filter }: { filter: SegmentFilter }) {
  const t = useTranslations("segments.summary");
  const tStatus = useTranslations("contacts.status");
  const format = useFormatter();
  const languageName = useLanguageName();
  const list = (items: string[], joiner: "or" | "and") => items.join(` ${t(joiner)} `);
  const chips: string[] = [];
  if (filter.statuses.length !== 1 || filter.statuses[0] !== "friend") chips.push(t("statuses", { list: list(filter.statuses.map((s) => tStatus(s)), "or") }));
  if (filter.tags.values.length) chips.push(t("tags", { list: list(filter.tags.values, filter.tags.mode === "all" ? "and" : "or") }));
  if (filter.excludeTags.length) chips.push(t("excludeTags", { list: list(filter.excludeTags, "or") }));
  if (filter.languages.length) chips.push(t("languages", { list: list(filter.languages.map(languageName), "or") }));
  if (filter.lastActive.withinDays) chips.push(t("activeWithin", { days: filter.lastActive.withinDays }));
  if (filter.lastActive.notWithinDays) chips.push(t("inactiveFor", { days: filter.lastActive.notWithinDays }));
  if (filter.firstSeen.withinDays) chips.push(t("newWithin", { days: filter.firstSeen.withinDays }));
  if (filter.firstSeen.notWithinDays) chips.push(t("olderThan", { days: filter.firstSeen.notWithinDays }));
  if (filter.firstSeen.after) chips.push(t("firstSeenAfter", { date: format.dateTime(new Date(filter.firstSeen.after), { dateStyle: "medium" }) }));
  if (filter.firstSeen.before) chips.push(t("firstSeenBefore", { date: format.dateTime(new Date(filter.firstSeen.before), { dateStyle: "medium" }) }));
  if (chips.length === 0) chips.push(t("allFriends"));
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
