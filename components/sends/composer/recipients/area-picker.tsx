"use client";

import { MapPin, Search } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { InputWithIcon } from "@/components/ui/input";
import { areaMatches, areaNameIn } from "@/lib/line/area-search";
import { AREA_GROUPS, AREAS } from "@/lib/line/areas";

/** Areas by region (Japan's eight regions, Taiwan, Thailand, Indonesia), local names first, searchable. */
export function AreaPicker({ value, onChange }: { value: string[]; onChange: (codes: string[]) => void }) {
  const t = useTranslations("composer.areas");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const selected = useMemo(() => new Set(value), [value]);
  const groups = useMemo(
    () =>
      AREA_GROUPS.map((g) => ({
        group: g,
        // Any name in any of the four languages (and 台/臺-style variants), or the region's name.
        areas: AREAS.filter((a) => a.group === g && areaMatches(a, q, [t(`groups.${g}`)])),
      })).filter((g) => g.areas.length > 0),
    [q, t],
  );
  const toggle = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    for (const c of codes) {
      if (on) next.add(c);
      else next.delete(c);
    }
    onChange(AREAS.map((a) => a.code).filter((c) => next.has(c)));
  };
  const names = value.map((c) => AREAS.find((a) => a.code === c)).filter((a) => a !== undefined);

  return (
    <>
      <div className="flex min-w-0 flex-wrap items-center gap-1">
        {names.slice(0, 6).map((a) => (
          <span key={a.code} className="rounded-full bg-muted px-2 py-0.5 text-xs" lang={areaLang(a.country)}>
            {a.local}
            {areaNameIn(a, locale) && (
              <span className="ml-1 text-subtle-foreground" lang={locale}>
                {areaNameIn(a, locale)}
              </span>
            )}
          </span>
        ))}
        {names.length > 6 && <span className="text-xs text-muted-foreground">{t("more", { count: names.length - 6 })}</span>}
        <Button size="sm" onClick={() => setOpen(true)}>
          <MapPin aria-hidden />
          {names.length ? t("change") : t("choose")}
        </Button>
      </div>
      <Dialog open={open} onOpenChange={setOpen} className="w-[min(44rem,calc(100vw-2rem))]" aria-label={t("title")}>
        <DialogHeader>
          <div className="min-w-0 flex-1 space-y-3">
            <DialogTitle>{t("title")}</DialogTitle>
            <InputWithIcon icon={<Search />} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("search")} aria-label={t("search")} autoFocus />
          </div>
          <DialogClose label={t("done")} onClick={() => setOpen(false)} />
        </DialogHeader>
        <DialogBody className="max-h-[60vh] space-y-4 px-5 py-4">
          {groups.length === 0 && <p className="py-6 text-center text-sm text-muted-foreground">{t("noMatch")}</p>}
          {groups.map(({ group, areas }) => {
            // The region's box speaks for the whole region, not only the areas the search shows.
            const region = AREAS.filter((a) => a.group === group);
            const all = region.every((a) => selected.has(a.code));
            const some = !all && region.some((a) => selected.has(a.code));
            return (
              <section key={group} aria-label={t(`groups.${group}`)}>
                <label className="mb-1.5 flex items-center gap-2 text-xs font-semibold text-muted-foreground">
                  <Checkbox
                    checked={all}
                    indeterminate={some}
                    onChange={(e) =>
                      toggle(
                        areas.map((a) => a.code),
                        e.target.checked,
                      )
                    }
                  />
                  {t(`groups.${group}`)}
                </label>
                <div className="grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-3">
                  {areas.map((a) => (
                    <label key={a.code} className="flex min-w-0 items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-hover">
                      {/* Named by the label's text: the local name (in its own language) and the console's. */}
                      <Checkbox checked={selected.has(a.code)} onChange={(e) => toggle([a.code], e.target.checked)} />
                      <span className="truncate" lang={areaLang(a.country)}>
                        {a.local}
                      </span>
                      {areaNameIn(a, locale) && (
                        <span className="truncate text-2xs text-subtle-foreground" lang={locale}>
                          {areaNameIn(a, locale)}
                        </span>
                      )}
                    </label>
                  ))}
                </div>
              </section>
            );
          })}
        </DialogBody>
        <div className="flex items-center justify-between border-t border-border px-5 py-3">
          <span className="text-xs text-muted-foreground">{t("selected", { count: value.length })}</span>
          <Button variant="primary" onClick={() => setOpen(false)}>
            {t("done")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

function areaLang(country: string): string {
  return country === "TH" ? "th" : country === "JP" ? "ja" : country === "TW" ? "zh-TW" : "id";
}
