"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { COMMON_LANGUAGES, useLanguageName } from "@/components/contacts/language-name";
import { TagInput } from "@/components/contacts/tag-input";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { FRIEND_STATUSES } from "@/lib/contacts/statuses";
import { tagListQuery } from "@/lib/client/contacts";
import type { SegmentFilter } from "@/lib/segments/segment-schema";

type Patch = (p: Partial<SegmentFilter>) => void;

/** The segment editor's conditions: who (status, tags, languages) and when (last active, first seen). */
export function SegmentFilterFields({ filter, onChange, disabled }: { filter: SegmentFilter; onChange: Patch; disabled?: boolean }) {
  const t = useTranslations("segments.editor");
  const tStatus = useTranslations("contacts.status");
  const languageName = useLanguageName();
  const known = useQuery(tagListQuery());
  const suggestions = (known.data?.items ?? []).map((x) => `${x.name}`);
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const languages = [...COMMON_LANGUAGES, ...filter.languages.filter((l) => !COMMON_LANGUAGES.includes(l))];

  return (
    <fieldset disabled={disabled} className="space-y-5">
      <Card>
        <CardHeader>
          <CardTitle>{t("who")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-5">
          <Row label={t("status")} hint={t("statusHint")}>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {FRIEND_STATUSES.map((s) => (
                <label key={s} className="inline-flex cursor-pointer items-center gap-2 text-sm">
                  <Checkbox checked={filter.statuses.includes(s)} onChange={() => onChange({ statuses: toggle(filter.statuses, s) })} />
                  {tStatus(s)}
                </label>
              ))}
            </div>
          </Row>
          <Row label={t("tags")}>
            <div className="space-y-2">
              <ToggleGroup
                size="sm"
                label={t("tagsMode")}
                value={filter.tags.mode}
                onValueChange={(mode) => onChange({ tags: { ...filter.tags, mode } })}
                items={[
                  { value: "any", label: t("tagsAny") },
                  { value: "all", label: t("tagsAll") },
                ]}
              />
              <TagInput
                value={filter.tags.values}
                onChange={(values) => onChange({ tags: { ...filter.tags, values } })}
                suggestions={suggestions}
                label={t("tags")}
                placeholder={t("tagsPlaceholder")}
                removeLabel={(tag) => t("removeTag", { tag })}
              />
            </div>
          </Row>
          <Row label={t("excludeTags")} hint={t("excludeTagsHint")}>
            <TagInput
              value={filter.excludeTags}
              onChange={(excludeTags) => onChange({ excludeTags })}
              suggestions={suggestions}
              label={t("excludeTags")}
              placeholder={t("tagsPlaceholder")}
              removeLabel={(tag) => t("removeTag", { tag })}
            />
          </Row>
          <Row label={t("languages")} hint={t("languagesHint")}>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {languages.map((code) => (
                <label key={code} className="inline-flex cursor-pointer items-center gap-2 text-sm">
                  <Checkbox checked={filter.languages.includes(code)} onChange={() => onChange({ languages: toggle(filter.languages, code) })} />
                  {languageName(code)}
                </label>
              ))}
            </div>
          </Row>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("when")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-5">
          <Row label={t("lastActive")}>
            <DaysChoice
              value={
                filter.lastActive.withinDays
                  ? ["within", filter.lastActive.withinDays]
                  : filter.lastActive.notWithinDays
                    ? ["notWithin", filter.lastActive.notWithinDays]
                    : ["any", 30]
              }
              onChange={([mode, days]) =>
                onChange({ lastActive: mode === "within" ? { withinDays: days } : mode === "notWithin" ? { notWithinDays: days } : {} })
              }
              labels={{ any: t("anyTime"), within: t("activeWithin"), notWithin: t("notActiveWithin") }}
              daysLabel={t("days")}
            />
          </Row>
          <Row label={t("firstSeen")} hint={t("firstSeenHint")}>
            <div className="space-y-2">
              <DaysChoice
                value={
                  filter.firstSeen.withinDays
                    ? ["within", filter.firstSeen.withinDays]
                    : filter.firstSeen.notWithinDays
                      ? ["notWithin", filter.firstSeen.notWithinDays]
                      : ["any", 30]
                }
                onChange={([mode, days]) =>
                  onChange({
                    firstSeen: {
                      after: filter.firstSeen.after,
                      before: filter.firstSeen.before,
                      ...(mode === "within" ? { withinDays: days } : mode === "notWithin" ? { notWithinDays: days } : {}),
                    },
                  })
                }
                labels={{ any: t("anyTime"), within: t("seenWithin"), notWithin: t("seenBefore") }}
                daysLabel={t("days")}
              />
              <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
                <span>{t("between")}</span>
                <Input
                  type="date"
                  aria-label={t("after")}
                  value={filter.firstSeen.after?.slice(0, 10) ?? ""}
                  onChange={(e) => onChange({ firstSeen: { ...filter.firstSeen, after: e.target.value || undefined } })}
                  className="w-40"
                />
                <span>{t("and")}</span>
                <Input
                  type="date"
                  aria-label={t("before")}
                  value={filter.firstSeen.before?.slice(0, 10) ?? ""}
                  onChange={(e) => onChange({ firstSeen: { ...filter.firstSeen, before: e.target.value || undefined } })}
                  className="w-40"
                />
              </div>
            </div>
          </Row>
        </CardContent>
      </Card>
    </fieldset>
  );
}

function DaysChoice({
  value,
  onChange,
  labels,
  daysLabel,
}: {
  value: ["any" | "within" | "notWithin", number];
  onChange: (v: ["any" | "within" | "notWithin", number]) => void;
  labels: Record<"any" | "within" | "notWithin", string>;
  daysLabel: string;
}) {
  const [mode, days] = value;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label={labels.any} value={mode} onChange={(e) => onChange([e.target.value as typeof mode, days])} className="w-60 max-w-full">
        <option value="any">{labels.any}</option>
        <option value="within">{labels.within}</option>
        <option value="notWithin">{labels.notWithin}</option>
      </Select>
      {mode !== "any" && (
        <label className="inline-flex items-center gap-2 text-sm text-muted-foreground">
          <Input
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => onChange([mode, Math.max(1, Math.min(3650, Number(e.target.value) || 1))])}
            className="w-20"
          />
          {daysLabel}
        </label>
      )}
    </div>
  );
}

function Row({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-2 md:grid-cols-[10rem_minmax(0,1fr)] md:gap-4">
      <div>
        <div className="text-sm font-medium">{label}</div>
        {hint && <div className="mt-0.5 text-xs text-muted-foreground">{hint}</div>}
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
