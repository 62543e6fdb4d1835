import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { RelayDestination } from "@/lib/client/relay";

/** "Message, Follow · from users · active" — or "Every event" when a destination filters nothing. */
export function useFilterSummary(d: Pick<RelayDestination, "eventTypes" | "sourceTypes" | "modes">): string {
  const t = useTranslations("relay.settings.filters");
  const te = useTranslations("eventTypes");
  const ts = useTranslations("sourceTypes");
  const tm = useTranslations("relay.form.mode");
  const format = useFormatter();
  const locale = useLocale();
  // CLDR's Thai conjunction glues "และ" to the next item ("และnewThing"): its unit list keeps the space.
  const list = (items: string[]) => format.list(items, locale === "th" ? { type: "unit", style: "short" } : { type: "conjunction", style: "narrow" });
  const parts: string[] = [];
  if (d.eventTypes) parts.push(list(d.eventTypes.map((type) => (te.has(type) ? te(type) : type))));
  if (d.sourceTypes) parts.push(t("from", { sources: list(d.sourceTypes.map((s) => ts(s))) }));
  if (d.modes) parts.push(list(d.modes.map((m) => tm(m))));
  return parts.length ? parts.join(" · ") : t("all");
}
