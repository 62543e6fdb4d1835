"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { hourlyBuckets } from "@/lib/overview/health";
import { cn } from "@/lib/utils/cn";
import { HOUR_LABEL } from "@/lib/utils/date-formats";

const HEIGHT = 160;
const BAR_GAP = 3;

/** Events per hour over the last day: SVG bars, a label every few hours, and the numbers as a table for screen readers. */
export function HourlyChart({ hours }: { hours: Array<{ hour: string; count: number }> }) {
  const t = useTranslations("overview.hourly");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const buckets = useMemo(() => hourlyBuckets(hours, now), [hours, now]);
  const [hover, setHover] = useState<number | null>(null);
  const max = Math.max(0, ...buckets.map((b) => b.count));
  const top = niceCeiling(Math.max(2, max));
  const total = buckets.reduce((n, b) => n + b.count, 0);
  const hourLabel = (d: Date) => format.dateTime(d, HOUR_LABEL);
  const shown = hover !== null ? buckets[hover] : null;

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description", { total })}</CardDescription>
        </div>
        <div aria-live="polite" className="text-right text-xs text-muted-foreground tabular">
          {shown ? (
            <>
              <div className="text-base font-semibold text-foreground">{format.number(shown.count)}</div>
              <div>
                {hourLabel(shown.hour)}–{hourLabel(new Date(shown.hour.getTime() + 3_600_000))}
              </div>
            </>
          ) : total > 0 ? (
            <>
              <div className="text-base font-semibold text-foreground">{format.number(max)}</div>
              <div>{t("peak")}</div>
            </>
          ) : null}
        </div>
      </CardHeader>
      <CardContent>
        <div className="flex gap-2">
          <div
            aria-hidden
            className="flex w-7 flex-col justify-between pb-5 text-right text-2xs text-subtle-foreground tabular"
            style={{ height: HEIGHT + 20 }}
          >
            <span>{format.number(top)}</span>
            <span>{format.number(top / 2)}</span>
            <span>0</span>
          </div>
          <div className="relative min-w-0 flex-1">
            {total === 0 && <p className="absolute inset-x-0 top-14 text-center text-sm text-muted-foreground">{t("empty")}</p>}
            <svg
              role="img"
              aria-label={t("chartLabel", { total })}
              viewBox={`0 0 ${buckets.length * 20} ${HEIGHT}`}
              preserveAspectRatio="none"
              className="block h-40 w-full overflow-visible"
              onMouseLeave={() => setHover(null)}
            >
              {[0, 0.5, 1].map((f) => (
                <line
                  key={f}
                  x1={0}
                  x2={buckets.length * 20}
                  y1={HEIGHT * f}
                  y2={HEIGHT * f}
                  className="stroke-border"
                  strokeDasharray={f === 1 ? undefined : "3 3"}
                  vectorEffect="non-scaling-stroke"
                />
              ))}
              {buckets.map((b, i) => {
                const h = b.count === 0 ? 0 : Math.max(2, (b.count / top) * HEIGHT);
                return (
                  <g key={b.hour.getTime()} onMouseEnter={() => setHover(i)}>
                    <rect x={i * 20} y={0} width={20} height={HEIGHT} fill="transparent" />
                    <rect
                      x={i * 20 + BAR_GAP / 2}
                      y={HEIGHT - h}
                      width={20 - BAR_GAP}
                      height={h}
                      rx={2}
                      className={cn(
                        "transition-colors",
                        hover === null || hover === i ? "fill-chart-bar" : "fill-chart-bar-muted",
                        i === buckets.length - 1 && hover === null && "opacity-70",
                      )}
                    />
                  </g>
                );
              })}
            </svg>
            <div aria-hidden className="mt-1.5 flex text-2xs text-subtle-foreground tabular">
              {buckets.map((b, i) => (
                <span key={i} className="flex-1 text-center whitespace-nowrap">
                  {i % 6 === 0 ? hourLabel(b.hour) : ""}
                </span>
              ))}
            </div>
          </div>
        </div>
        <table className="sr-only">
          <caption>{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hour")}</th>
              <th scope="col">{t("events")}</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.hour.getTime()}>
                <td>{hourLabel(b.hour)}</td>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}

// 0, 1, 2, 5, 10, 20, 50… so the axis reads in round numbers.
function niceCeiling(n: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}
