"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Funnel, Stat } from "@/lib/campaigns/figures";
import { statText } from "./stat-text";

const STAGES = ["sent", "delivered", "opened", "clicked"] as const;
const ROW = 34;
const BAR = 22;
const WIDTH = 100;

/**
 * Sent → delivered → opened → clicked as horizontal SVG bars (widths relative to sent), each with its
 * figure in words beside it, and the same as a table for screen readers. A figure LINE hid is drawn as
 * an empty dashed bar with "fewer than 20 (hidden by LINE)", never as a bar of 0.
 */
export function FunnelChart({ funnel, caption }: { funnel: Funnel; caption: string }) {
  const t = useTranslations("campaigns.funnel");
  const tFig = useTranslations("campaigns.figures");
  const format = useFormatter();
  const text = (s: Stat) => statText(s, tFig, (n) => format.number(n));
  const base = Math.max(1, ...STAGES.map((k) => funnel[k].value ?? 0));
  const sent = funnel.sent.value;
  const share = (s: Stat) => (s.value !== null && sent ? format.number(s.value / sent, { style: "percent", maximumFractionDigits: 1 }) : "—");
  const label = t("chartLabel", { sent: text(funnel.sent), delivered: text(funnel.delivered), opened: text(funnel.opened), clicked: text(funnel.clicked) });

  return (
    <div data-testid="funnel">
      <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3">
        <div aria-hidden className="flex flex-col text-xs text-muted-foreground">
          {STAGES.map((k) => (
            <span key={k} className="flex items-center" style={{ height: ROW }}>
              {t(k)}
            </span>
          ))}
        </div>
        <div className="relative min-w-0">
          <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${ROW * STAGES.length}`} preserveAspectRatio="none" className="block h-[136px] w-full">
            {STAGES.map((k, i) => {
              const s = funnel[k];
              const y = i * ROW + (ROW - BAR) / 2;
              if (s.value === null) {
                return (
                  <rect
                    key={k}
                    x={0.5}
                    y={y}
                    width={WIDTH * 0.3}
                    height={BAR}
                    rx={2}
                    className="fill-none stroke-border-strong"
                    strokeDasharray="4 3"
                    vectorEffect="non-scaling-stroke"
                  />
                );
              }
              const w = s.value === 0 ? 0 : Math.max(0.8, (s.value / base) * WIDTH);
              return <rect key={k} x={0} y={y} width={w} height={BAR} rx={2} className={i === 0 ? "fill-chart-bar-muted" : "fill-chart-bar"} />;
            })}
          </svg>
          {/* The figures in words, over the bars (SVG text would stretch with the chart). */}
          <div aria-hidden className="pointer-events-none absolute inset-0 flex flex-col">
            {STAGES.map((k) => (
              <span key={k} className="flex items-center gap-2 pl-2 text-xs font-medium text-foreground tabular" style={{ height: ROW }}>
                <span className="rounded bg-surface/85 px-1">{text(funnel[k])}</span>
                {k !== "sent" && funnel[k].value !== null && <span className="text-2xs text-muted-foreground">{share(funnel[k])}</span>}
              </span>
            ))}
          </div>
        </div>
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stage")}</th>
            <th scope="col">{t("people")}</th>
            <th scope="col">{t("ofSent")}</th>
          </tr>
        </thead>
        <tbody>
          {STAGES.map((k) => (
            <tr key={k}>
              <th scope="row">{t(k)}</th>
              <td>{text(funnel[k])}</td>
              <td>{k === "sent" ? "" : share(funnel[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
