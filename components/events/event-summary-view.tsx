"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Fragment, useMemo } from "react";
import { cn } from "@/lib/utils/cn";
import { SHORT_TIME } from "@/lib/utils/date-formats";
import { formatBytes, formatMediaDuration } from "@/lib/utils/format";
import type { EventSummary, SummaryPart, TextSegment } from "@/lib/events/types/summary/summary-types";
import type { SummaryFormatters } from "@/lib/events/types/summary/summary-text";

/** A summary as styled inline text: phrases plain, what people wrote in full colour, ids as code. */
export function EventSummaryView({ summary, className, highlight }: { summary: EventSummary; className?: string; highlight?: string }) {
  const f = useSummaryFormatters();
  return (
    <span className={cn("text-foreground", className)}>
      {summary.parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <span aria-hidden className="mx-1.5 text-subtle-foreground">
              ·
            </span>
          )}
          <Part part={part} f={f} highlight={highlight} />
        </Fragment>
      ))}
    </span>
  );
}

function Part({ part, f, highlight }: { part: SummaryPart; f: SummaryFormatters; highlight?: string }) {
  switch (part.kind) {
    case "phrase":
      return <span className="text-muted-foreground">{f.phrase(part.key, part.values)}</span>;
    case "content":
      return (
        <span>
          {part.segments.map((s, i) => (
            <Segment key={i} segment={s} highlight={highlight} />
          ))}
        </span>
      );
    case "quote":
      return <span className="font-medium">{marked(part.text, highlight)}</span>;
    case "code":
      return <code className="rounded bg-muted px-1 py-px font-mono text-[0.92em] text-foreground/90">{marked(part.text, highlight)}</code>;
    case "tags":
      return (
        <span className="inline-flex flex-wrap gap-1 align-middle">
          {part.items.map((tag, i) => (
            <span key={i} className="rounded border border-border px-1 text-xs leading-4 text-muted-foreground">
              {tag}
            </span>
          ))}
        </span>
      );
    case "bytes":
    case "duration":
    case "time":
      return (
        <span className="text-muted-foreground tabular">
          {part.kind === "bytes" ? f.bytes(part.value) : part.kind === "duration" ? f.duration(part.ms) : f.phrase(part.key, { time: f.time(part.at) })}
        </span>
      );
  }
}

function Segment({ segment, highlight }: { segment: TextSegment; highlight?: string }) {
  const t = useTranslations("eventSummary");
  if (segment.kind === "text") return <>{marked(segment.text, highlight)}</>;
  if (segment.kind === "emoji") {
    return (
      <span
        title={t("emojiTitle", { productId: segment.productId, emojiId: segment.emojiId })}
        className="mx-px rounded bg-family-action-soft px-0.5 text-family-action"
      >
        {segment.text}
      </span>
    );
  }
  return (
    <span
      title={segment.target === "all" ? t("mentionAll") : segment.isSelf ? t("mentionSelf") : segment.userId}
      className={cn(
        "rounded px-0.5 font-medium",
        segment.isSelf ? "bg-primary-soft text-primary-soft-foreground" : "bg-family-message-soft text-family-message",
      )}
    >
      {segment.text}
    </span>
  );
}

function useSummaryFormatters(): SummaryFormatters {
  const t = useTranslations("eventSummary");
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(
    () => ({
      phrase: (key, values) => t(key, values),
      bytes: (value) => formatBytes(value, locale),
      duration: (ms) => formatMediaDuration(ms),
      time: (at) => format.dateTime(new Date(at), SHORT_TIME),
    }),
    [t, format, locale],
  );
}

/** The search query marked wherever it occurs (case-insensitive), so a match is easy to spot in a row. */
function marked(text: string, query: string | undefined): React.ReactNode {
  const q = query?.trim().toLowerCase();
  if (!q) return text;
  const lower = text.toLowerCase();
  // Lower-casing can change a string's length (rare letters); then positions would drift: leave it plain.
  if (lower.length !== text.length) return text;
  const out: React.ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, from)) {
    if (at > from) out.push(text.slice(from, at));
    out.push(
      <mark key={at} className="rounded-sm bg-warning-soft px-px text-warning-soft-foreground">
        {text.slice(at, at + q.length)}
      </mark>,
    );
    from = at + q.length;
  }
  if (out.length === 0) return text;
  if (from < text.length) out.push(text.slice(from));
  return out;
}
