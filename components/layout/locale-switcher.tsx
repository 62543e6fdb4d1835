"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuRadioItem } from "@/components/ui/dropdown-menu";
import { locales } from "@/i18n/locales";
import { useSetLocale } from "./use-set-locale";

export function LocaleSwitcher() {
  const t = useTranslations("languages");
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <DropdownMenu
      align="end"
      label={t("label")}
      trigger={
        // Named by its content, "Language" then the current one ("EN"): a name that holds the visible text
        // (WCAG 2.5.3), which an aria-label of "Language" alone did not.
        <Button variant="ghost" size="sm" className="gap-1.5 px-2 text-muted-foreground">
          <Languages aria-hidden />
          <span className="sr-only">{t("label")}</span>
          <span className="hidden text-xs font-medium sm:inline">{t(`short.${locale}`)}</span>
        </Button>
      }
    >
      {locales.map((l) => (
        // Each language named in itself: whoever cannot read the current one can still find theirs.
        <DropdownMenuRadioItem key={l} checked={l === locale} onSelect={() => setLocale(l)} lang={l}>
          {t(`native.${l}`)}
        </DropdownMenuRadioItem>
      ))}
    </DropdownMenu>
  );
}
