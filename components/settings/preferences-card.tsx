"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useLocale, useNow, useTimeZone, useTranslations } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { useMemo, useSyncExternalStore } from "react";
import { errorDescription } from "@/components/common/error-message";
import { useMember } from "@/components/auth/member-context";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toaster";
import { useSetLocale } from "@/components/layout/use-set-locale";
import { isLocale, locales } from "@/i18n/locales";
import { sendJson } from "@/lib/client/api-client";
import { zoneName } from "@/lib/utils/date-formats";

// The zones operators of this console live in, first; every other zone follows.
const COMMON_ZONES = ["Asia/Taipei", "Asia/Tokyo", "Asia/Bangkok", "Asia/Hong_Kong", "Asia/Singapore", "UTC"];
const PREVIEW = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** Language and time zone, saved on the account: they follow the member to any device. */
export function PreferencesCard() {
  const t = useTranslations("settings.account");
  const tLang = useTranslations("languages");
  const member = useMember();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const setLocale = useSetLocale();
  const router = useConsoleRouter();
  const { toast } = useToast();
  const browserZone = useBrowserZone();
  const listed = useAllZones();
  const saved = member?.timeZone ?? null;
  const zones = useMemo(() => (saved && !COMMON_ZONES.includes(saved) && !listed.includes(saved) ? [saved, ...listed] : listed), [listed, saved]);
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });

  const saveZone = useMutation({
    mutationFn: (zone: string | null) => sendJson("PATCH", "/api/me", { timeZone: zone }),
    onSuccess: () => {
      toast({ tone: "success", title: t("saved") });
      router.refresh();
    },
    onError: (err) => toast({ tone: "danger", title: t("saveFailed"), description: errorDescription(err) }),
  });

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("preferencesTitle")}</CardTitle>
          <CardDescription>{t("preferencesDescription")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <label className="block space-y-1.5">
          <span className="block text-sm font-medium">{t("language")}</span>
          <Select value={locale} onChange={(e) => isLocale(e.target.value) && void setLocale(e.target.value)} className="w-full">
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {tLang(`native.${l}`)}
              </option>
            ))}
          </Select>
        </label>
        <div className="space-y-1.5">
          <label htmlFor="time-zone" className="block text-sm font-medium">
            {t("timeZone")}
          </label>
          <Select
            id="time-zone"
            value={member?.timeZone ?? ""}
            disabled={saveZone.isPending}
            onChange={(e) => saveZone.mutate(e.target.value || null)}
            className="w-full"
            aria-describedby="time-zone-hint"
          >
            <option value="">{browserZone ? t("automaticZone", { zone: browserZone }) : t("automatic")}</option>
            <optgroup label={t("commonZones")}>
              {COMMON_ZONES.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("allZones")}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </optgroup>
          </Select>
          <p id="time-zone-hint" className="text-xs text-muted-foreground">
            {t("timeZoneHint", { example: `${format.dateTime(now, PREVIEW)} ${zoneName(now, locale, timeZone)}` })}
          </p>
        </div>
      </CardContent>
    </Card>
  );
}

// The browser's zone, and the zones its ICU knows, exist only after hydration (the server's list may
// differ from the browser's, which would not hydrate).
function useBrowserZone(): string | null {
  return useSyncExternalStore(
    noop,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

let zoneList: string[] | undefined;
const NO_ZONES: string[] = [];

function useAllZones(): string[] {
  return useSyncExternalStore(
    noop,
    () => (zoneList ??= allZones()),
    () => NO_ZONES,
  );
}

function allZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone").filter((z) => !COMMON_ZONES.includes(z));
  } catch {
    return [];
  }
}

function noop() {
  return () => {};
}
