"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuRadioItem } from "@/components/ui/dropdown-menu";

const options = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
] as const;

export function ThemeToggle() {
  const t = useTranslations("theme");
  const { theme, setTheme } = useTheme();
  return (
    <DropdownMenu
      align="end"
      label={t("label")}
      trigger={
        <Button variant="ghost" size="icon" aria-label={t("label")}>
          {/* Both icons rendered; CSS picks by the html class, so the first paint is right before hydration. */}
          <Sun aria-hidden className="dark:hidden" />
          <Moon aria-hidden className="hidden dark:block" />
        </Button>
      }
    >
      {options.map(({ value, icon: Icon }) => (
        <DropdownMenuRadioItem key={value} checked={theme === value} onSelect={() => setTheme(value)}>
          <Icon aria-hidden />
          {t(value)}
        </DropdownMenuRadioItem>
      ))}
    </DropdownMenu>
  );
}
