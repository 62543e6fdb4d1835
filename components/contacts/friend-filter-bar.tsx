"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { ACTIVE_WINDOWS, countFriendFilters, type ActiveWindow, type FriendUrlFilters } from "@/lib/contacts/friend-url-filters";
import { friendStatsQuery, tagListQuery } from "@/lib/client/contacts";
import { segmentListQuery } from "@/lib/client/segments";
import { COMMON_LANGUAGES, useLanguageName } from "./language-name";
import { SearchBox } from "@/components/common/search-box";
import type { FriendFilterPatch } from "./use-friend-filters";

const STATUS_TABS = ["all", "friend", "blocked", "unknown"] as const;

/** Search, status tabs with counts, and tag / language / activity / sort menus; all kept in the URL. */
export function FriendFilterBar({
  filters,
  setFilters,
  clearFilters,
}: {
  filters: FriendUrlFilters;
  setFilters: (p: FriendFilterPatch, mode?: "push" | "replace") => void;
  clearFilters: () => void;
}) {
  const t = useTranslations("contacts.filters");
  const languageName = useLanguageName();
  const stats = useQuery(friendStatsQuery());
  const tags = useQuery(tagListQuery());
  const segments = useQuery({ ...segmentListQuery(), enabled: Boolean(filters.segment) });
  const segmentName = segments.data?.items.find((x) => x.id === filters.segment)?.name;
  const tagNames = (tags.data?.items ?? []).map((x) => x.name);
  if (filters.tag && !tagNames.includes(filters.tag)) tagNames.unshift(filters.tag);
  const languages = filters.language && !COMMON_LANGUAGES.includes(filters.language) ? [...COMMON_LANGUAGES, filters.language] : COMMON_LANGUAGES;
  const counts = stats.data?.counts;
  const format = useFormatter();
  const fmt = (n: number | undefined) => (n === undefined ? undefined : format.number(n));

  return (
    <div className="space-y-3">
      <ToggleGroup
        label={t("status")}
        value={filters.status ?? "all"}
        onValueChange={(v) => setFilters({ status: v === "all" ? undefined : v })}
        items={STATUS_TABS.map((s) => ({
          value: s,
          label: t(`statusTabs.${s}`),
          count: fmt(counts ? (s === "all" ? counts.friend + counts.blocked + counts.unknown : counts[s]) : undefined),
        }))}
        className="max-w-full overflow-x-auto scrollbar-thin"
      />
      <div role="search" aria-label={t("label")} className="flex flex-wrap items-center gap-2">
        <SearchBox
          value={filters.q ?? ""}
          onSearch={(q) => setFilters({ q: q || undefined }, "replace")}
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          clearLabel={t("clearSearch")}
          className="w-full sm:w-auto sm:min-w-56 sm:flex-1 lg:max-w-80"
        />
        <Select
          aria-label={t("tag")}
          data-active={Boolean(filters.tag)}
          value={filters.tag ?? ""}
          onChange={(e) => setFilters({ tag: e.target.value || undefined })}
          className="max-w-44"
        >
          <option value="">{t("anyTag")}</option>
          {tagNames.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t("language")}
          data-active={Boolean(filters.language)}
          value={filters.language ?? ""}
          onChange={(e) => setFilters({ language: e.target.value || undefined })}
          className="max-w-44"
        >
          <option value="">{t("anyLanguage")}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t("active")}
          data-active={Boolean(filters.active)}
          value={filters.active ?? ""}
          onChange={(e) => setFilters({ active: (e.target.value || undefined) as ActiveWindow | undefined })}
          className="max-w-48"
        >
          <option value="">{t("activeAny")}</option>
          {(Object.keys(ACTIVE_WINDOWS) as ActiveWindow[]).map((w) => (
            <option key={w} value={w}>
              {t(`activeWithin.${w}`)}
            </option>
          ))}
        </Select>
        <Select
          aria-label={t("sort")}
          value={filters.sort ?? "lastActive"}
          onChange={(e) => setFilters({ sort: e.target.value === "lastActive" ? undefined : (e.target.value as FriendUrlFilters["sort"]) })}
          className="max-w-48"
        >
          <option value="lastActive">{t("sortLastActive")}</option>
          <option value="firstSeen">{t("sortFirstSeen")}</option>
          <option value="name">{t("sortName")}</option>
        </Select>
        {filters.segment && (
          <span className="inline-flex h-8 items-center gap-1 rounded-md border border-primary/40 bg-primary-soft/50 pr-1 pl-2.5 text-sm">
            <span className="text-muted-foreground">{t("segment")}</span>
            <span className="max-w-48 truncate font-medium">{segmentName ?? "…"}</span>
            <button
              type="button"
              aria-label={t("removeSegment")}
              onClick={() => setFilters({ segment: undefined })}
              className="flex size-6 items-center justify-center rounded text-subtle-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <X aria-hidden className="size-3.5" />
            </button>
          </span>
        )}
        {countFriendFilters(filters) > 0 && (
          <Button variant="subtle" size="sm" onClick={clearFilters}>
            <X aria-hidden />
            {t("clear")}
          </Button>
        )}
      </div>
    </div>
  );
}
