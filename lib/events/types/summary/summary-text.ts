import type { EventSummary, SummaryPart } from "./summary-types";

export interface SummaryFormatters {
  /** `eventSummary.<key>` translated. */
  phrase: (key: string, values?: Record<string, string | number>) => string;
  bytes: (value: number) => string;
  duration: (ms: number) => string;
  time: (at: number) => string;
}

/** A summary as one plain string: for titles, screen-reader labels, copy, and tests. */
export function summaryText(summary: EventSummary, f: SummaryFormatters): string {
  return summary.parts.map((p) => partText(p, f)).join(" · ");
}

export function partText(part: SummaryPart, f: SummaryFormatters): string {
  switch (part.kind) {
    case "phrase":
      return f.phrase(part.key, part.values);
    case "content":
      return part.segments.map((s) => s.text).join("");
    case "quote":
    case "code":
      return part.text;
    case "tags":
      return part.items.join(", ");
    case "bytes":
      return f.bytes(part.value);
    case "duration":
      return f.duration(part.ms);
    case "time":
      return f.phrase(part.key, { time: f.time(part.at) });
  }
}
