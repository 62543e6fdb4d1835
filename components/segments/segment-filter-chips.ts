import type { FriendStatus } from "@/lib/contacts/statuses";
import type { SegmentFilter } from "@/lib/segments/segment-schema";

export interface SegmentChipTools {
  /** `segments.summary.<key>` translated. */
  t: (key: SegmentChipKey, values?: Record<string, string | number>) => string;
  status: (status: FriendStatus) => string;
  /** The locale's own list ("A, B, or C"; "AまたはB"; "A或B"): never words joined with spaces. */
  list: (items: string[], type: "conjunction" | "disjunction") => string;
  date: (iso: string) => string;
  languageName: (code: string) => string;
}

export type SegmentChipKey =
  | "statuses"
  | "tags"
  | "tagsAll"
  | "excludeTags"
  | "languages"
  | "activeWithin"
  | "inactiveFor"
  | "newWithin"
  | "olderThan"
  | "firstSeenAfter"
  | "firstSeenBefore"
  | "allFriends";

/** A segment's conditions as short readable phrases ("Tag: vip or 台北店", "Active in the last 30 days"). */
export function segmentFilterChips(filter: SegmentFilter, tools: SegmentChipTools): string[] {
  const { t, list } = tools;
  const chips: string[] = [];
  if (filter.statuses.length !== 1 || filter.statuses[0] !== "friend") {
    chips.push(t("statuses", { list: list(filter.statuses.map(tools.status), "disjunction") }));
  }
  if (filter.tags.values.length) {
    // "Every one of these tags" gets its own wording: some locales' "and" lists (Japanese "A、B") do not
    // say "all of them" on their own.
    const all = filter.tags.mode === "all" && filter.tags.values.length > 1;
    chips.push(t(all ? "tagsAll" : "tags", { list: list(filter.tags.values, all ? "conjunction" : "disjunction") }));
  }
  if (filter.excludeTags.length) chips.push(t("excludeTags", { list: list(filter.excludeTags, "disjunction") }));
  if (filter.languages.length) chips.push(t("languages", { list: list(filter.languages.map(tools.languageName), "disjunction") }));
  if (filter.lastActive.withinDays) chips.push(t("activeWithin", { days: filter.lastActive.withinDays }));
  if (filter.lastActive.notWithinDays) chips.push(t("inactiveFor", { days: filter.lastActive.notWithinDays }));
  if (filter.firstSeen.withinDays) chips.push(t("newWithin", { days: filter.firstSeen.withinDays }));
  if (filter.firstSeen.notWithinDays) chips.push(t("olderThan", { days: filter.firstSeen.notWithinDays }));
  if (filter.firstSeen.after) chips.push(t("firstSeenAfter", { date: tools.date(filter.firstSeen.after) }));
  if (filter.firstSeen.before) chips.push(t("firstSeenBefore", { date: tools.date(filter.firstSeen.before) }));
  if (chips.length === 0) chips.push(t("allFriends"));
  return chips;
}
