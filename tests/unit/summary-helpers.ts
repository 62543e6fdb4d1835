import { createFormatter, createTranslator } from "use-intl/core";
import en from "@/i18n/catalogues/en.json";
import { summarizeEvent } from "@/lib/events/types/summary/summarize-event";
import { summaryText } from "@/lib/events/types/summary/summary-text";
import { SHORT_TIME } from "@/lib/utils/date-formats";
import { formatBytes, formatMediaDuration } from "@/lib/utils/format";

const t = createTranslator({ locale: "en", messages: en, namespace: "eventSummary" });
const format = createFormatter({ locale: "en", timeZone: "Asia/Tokyo" });

/** What a timeline row says about a payload, in English, as plain text. */
export function englishSummary(payload: Record<string, unknown>): string {
  return summaryText(summarizeEvent(payload), {
    phrase: (key, values) => t(key as never, values as never),
    bytes: (v) => formatBytes(v, "en"),
    duration: formatMediaDuration,
    time: (at) => format.dateTime(new Date(at), SHORT_TIME),
  });
}
