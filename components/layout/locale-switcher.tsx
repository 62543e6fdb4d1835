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
      trigger={(props) => (
        <Button variant="ghost" size="sm" aria-label={t("label")} className="gap-1.5 px-2 text-muted-foreground" {...props}>
          <Languages aria-hidden />
          <span className="hidden text-xs font-medium sm:inline">{t(`short.${locale}`)}</span>
        </Button>
      )}
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
