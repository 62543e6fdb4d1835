"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";

/** Languages friends' LINE apps report most often in Taiwan, Japan and Thailand (and English). */
export const COMMON_LANGUAGES = ["zh-TW", "ja", "th", "en", "zh-CN", "ko", "id"];

/** "ja" → "Japanese" / "日本語" / "ญี่ปุ่น", in the console's language. */
export function useLanguageName() {
  const locale = useLocale();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: "language" });
    } catch {
      return null;
    }
  }, [locale]);
  return (code: string | null) => {
    if (!code) return "";
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
